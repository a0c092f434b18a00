// Notifications made in the same instant (a burst of mentions; the demo and a busy server both
// stamp many in one millisecond) keep the server's order when a newer page or a live one joins
// what is held: the newer page above, newest first, as the server sent it. Before, a newer
// page's groups went below the held ones of the same time, and a reader scrolling down saw
// 44, 43, 39, 38, 42, 41, 40 after a catch-up on Mastodon.
import assert from "node:assert/strict";
import { test } from "node:test";
import type { ServerGroup } from "../../src/api/notifications.js";
import { GroupStore } from "../../src/timeline/grouped-store.js";
import { type Notification, NotificationStore } from "../../src/timeline/notifications.js";

const SAME = "2026-12-01T10:00:00.000Z";

const mention = (n: number): ServerGroup => ({
  key: `ungrouped-${n}`,
  type: "mention",
  count: 1,
  mostRecentNotificationId: String(n),
  latestAt: SAME,
  accounts: [{ id: "lou", acct: "lou", username: "lou" } as never],
  extra: {},
});
/** Newest first, as a page comes. */
const page = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => mention(to - i));
const order = (store: GroupStore) => store.groups.map((g) => g.latest.id);

test("a newer page of the same instant goes above what is held, in the server's order", () => {
  const store = new GroupStore();
  store.addPage(page(0, 3), "newer");
  store.addPage(page(4, 6), "newer");
  assert.deepEqual(order(store), ["6", "5", "4", "3", "2", "1", "0"]);
  store.addPage(page(-3, -1), "older");
  assert.deepEqual(order(store).slice(-3), ["-1", "-2", "-3"], "an older page goes below");
});

test("a live notification of the same instant goes on top", () => {
  const store = new GroupStore();
  store.addPage(page(0, 2), "newer");
  const live = {
    id: "3",
    type: "mention",
    createdAt: SAME,
    account: { id: "lou", acct: "lou", username: "lou" },
  } as unknown as Notification;
  assert.equal(store.addLive(live), true);
  assert.deepEqual(order(store), ["3", "2", "1", "0"]);
});

test("without server groups (v1) too: a newer page above, an older below, a gap's page in its gap", () => {
  const n = (i: number) =>
    ({
      id: String(i),
      type: "mention",
      createdAt: SAME,
      account: { id: "lou", acct: "lou", username: "lou" },
    }) as unknown as Notification;
  const newestFirst = (from: number, to: number) =>
    Array.from({ length: to - from + 1 }, (_, i) => n(to - i));
  const store = new NotificationStore();
  const ids = () => store.items.map((x) => x.id);
  store.add(newestFirst(0, 3));
  store.add(newestFirst(7, 9), "top");
  store.add(newestFirst(4, 6), { below: "7" });
  store.add(newestFirst(-2, -1), "bottom");
  assert.deepEqual(ids(), ["9", "8", "7", "6", "5", "4", "3", "2", "1", "0", "-1", "-2"]);
});
