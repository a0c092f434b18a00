// The Notifications pane: one row per group, newest first — the server's groups where it has
// them (Mastodon 4.3+), the client's over v1 otherwise (notification-groups.ts). Its title
// counts the unread groups and the pending notification requests where the server has them,
// after the pane's state ("Notifications · live · 3 unread, 1 request").
import { shown, t, tl } from "../../i18n/index.js";
import type { NotificationFeed } from "../../timeline/notifications-feed.js";
import type { PaneSource } from "../shell/app.js";
import { feedSourceParts } from "./feed-source.js";
import type { PaneItem } from "./timeline-pane.js";

/** "3 unread, 1 request" for the pane's title; empty when there is nothing to count. */
export function notificationCounts(feed: Pick<NotificationFeed, "counts">): string {
  const { unread, requests } = feed.counts;
  const parts: string[] = [];
  if (unread) parts.push(tl("notifications.unread", { count: unread }));
  if (requests) parts.push(tl("notifications.requests", { count: requests }));
  return parts.length === 0 ? "" : shown(parts.join(tl("notifications.countsJoin")));
}

export function notificationsPane(
  feed: NotificationFeed,
  extra: Pick<PaneSource<PaneItem>, "timeline" | "width"> = {},
): PaneSource<PaneItem> {
  let version = -1;
  let mapped: PaneItem[] = [];
  return {
    ...extra,
    title: t("timeline.notifications"),
    counts: () => notificationCounts(feed),
    items() {
      if (feed.version !== version) {
        version = feed.version;
        mapped = feed.groups().map((group) => ({
          kind: "notification",
          id: group.key.startsWith("ungrouped-") ? `n:${group.latest.id}` : `g:${group.key}`,
          notification: group.latest,
          group,
        }));
      }
      return mapped;
    },
    ...feedSourceParts(feed, "notifications"),
    expand(item) {
      // A server group samples its 8 most recent accounts: s asks for everyone.
      if (item.kind !== "notification" || !item.group || !feed.serverGrouped) return;
      if (item.group.count > 1 && !item.group.allAccounts)
        void feed.loadGroupAccounts(item.group.key).catch(() => {});
    },
  };
}
