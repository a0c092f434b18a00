// The Notifications pane: session.notifications' store as pane items, newest first.
import type { NotificationFeed } from "../../timeline/notifications-feed.js";
import type { PaneSource } from "../app.js";
import type { PaneItem } from "../timeline-pane.js";

export function notificationsPane(feed: NotificationFeed): PaneSource<PaneItem> {
  let version = -1;
  let mapped: PaneItem[] = [];
  let loadingOlder = false;
  return {
    title: "Notifications",
    items() {
      if (feed.store.version !== version) {
        version = feed.store.version;
        mapped = feed.store.items.map((n) => ({
          kind: "notification",
          id: `n:${n.id}`,
          notification: n,
        }));
      }
      return mapped;
    },
    // The shell sanitises a pane's state (the error is server text) where it draws it.
    state: () => (feed.lastError ? `error: ${feed.lastError}` : "live"),
    onChange: (listener) => feed.onChange(listener),
    loadOlder() {
      if (loadingOlder) return;
      loadingOlder = true;
      feed.loadOlder().finally(() => {
        loadingOlder = false;
      });
    },
  };
}
