// The Notifications pane: session.notifications' store as pane items, newest first.
import { t } from "../../i18n/index.js";
import { groupNotifications } from "../../timeline/notification-groups.js";
import type { NotificationFeed } from "../../timeline/notifications-feed.js";
import { describeEmptyPane, describePaneState } from "../../timeline/pane-state.js";
import type { PaneSource } from "../shell/app.js";
import type { PaneItem } from "./timeline-pane.js";

export function notificationsPane(feed: NotificationFeed): PaneSource<PaneItem> {
  let version = -1;
  let mapped: PaneItem[] = [];
  let loadingOlder = false;
  return {
    title: t("timeline.notifications"),
    items() {
      if (feed.store.version !== version) {
        version = feed.store.version;
        // One row per group: favourites and boosts of one post, follows (notification-groups.ts).
        mapped = groupNotifications(feed.store.items).map((group) => ({
          kind: "notification",
          id: group.key.startsWith("ungrouped-") ? `n:${group.latest.id}` : `g:${group.key}`,
          notification: group.latest,
          group,
        }));
      }
      return mapped;
    },
    state: () => describePaneState(feed.state, Date.now()),
    placeholder: () => describeEmptyPane(feed.state, "notifications", Date.now()),
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
