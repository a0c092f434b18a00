// Paging through notifications: at the end, the pane stops asking.
import assert from "node:assert/strict";
import { test } from "node:test";
import { flushMicrotasks } from "../../src/api/clock.js";
import type { PageParams } from "../../src/api/rest.js";
import { FIRST_PAGE_LIMIT } from "../../src/timeline/first-pages.js";
import type { Notification } from "../../src/timeline/notifications.js";
import { NotificationFeed } from "../../src/timeline/notifications-feed.js";
import { feedSetup } from "./helpers/feed-setup.js";

test("once a page older than the oldest comes back empty, no more pages are asked for", async () => {
  const { stream, rest, socket, changes } = feedSetup("local");
  // 50 notifications, newest first, ids 50…1 as a Mastodon server pages them.
  const all = Array.from({ length: 50 }, (_, i) => ({
    id: String(50 - i),
    type: "follow",
    createdAt: new Date(1_700_000_000_000 - i * 1000).toISOString(),
    account: { id: "7", acct: "wei", username: "wei" },
  })) as unknown as Notification[];
  const asked: PageParams[] = [];
  const feed = new NotificationFeed(
    {
      get state() {
        return rest.state;
      },
      async notifications(page: PageParams = {}) {
        asked.push(page);
        const limit = page.limit ?? 40;
        const below = page.maxId ? all.filter((n) => Number(n.id) < Number(page.maxId)) : all;
        // min_id (the catch-up when the stream opens): the `limit` just newer than it.
        if (page.minId) return below.filter((n) => Number(n.id) > Number(page.minId)).slice(-limit);
        return below.slice(0, limit);
      },
    },
    stream,
    changes,
  );
  stream.start();
  await feed.start();
  socket().open();
  await flushMicrotasks();
  assert.equal(feed.store.items.length, FIRST_PAGE_LIMIT, "a first page is smaller");
  // A user holding j at the bottom: 80 requests for older ones.
  for (let i = 0; i < 80; i++) await feed.loadOlder();
  assert.equal(feed.store.items.length, 50);
  const older = asked.filter((p) => p.maxId);
  // The page with the other 30 (pages of 40 after the first), then one empty answer: nothing
  // after that.
  assert.deepEqual(
    older.map((p) => [p.maxId, p.limit]),
    [
      ["31", 40],
      ["1", 40],
    ],
  );
});
