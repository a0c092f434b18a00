// Which Notifications row a saved marker (a notification id) restores to: a notification's
// own row (`n:ID`) or the group row (`g:KEY`) it was folded into.
import assert from "node:assert/strict";
import { test } from "node:test";
import type { NotificationGroup } from "../../src/timeline/notification-groups.js";
import type { Notification } from "../../src/timeline/notifications.js";
import { notificationRowOf } from "../../src/ui/features/read-position.js";
import type { PaneItem } from "../../src/ui/panes/timeline-pane.js";

const n = (id: string, type = "favourite") => ({ id, type }) as unknown as Notification;

function row(id: string, notifications: Notification[]): PaneItem {
  const group = { key: id, notifications, latest: notifications[0]! } as NotificationGroup;
  return { kind: "notification", id, notification: notifications[0]!, group };
}

test("a marker on a group's notification restores to the group's row, a lone one to its own", () => {
  const items = [
    row("n:9", [n("9", "mention")]),
    row("g:favourite-s1", [n("8"), n("6"), n("5")]),
    row("n:7", [n("7", "mention")]),
  ];
  assert.equal(notificationRowOf(items, "8"), "g:favourite-s1", "the group's newest");
  assert.equal(notificationRowOf(items, "5"), "g:favourite-s1", "one folded into the group");
  assert.equal(notificationRowOf(items, "7"), "n:7");
  assert.equal(notificationRowOf(items, "4"), undefined, "not loaded: no row");
});
