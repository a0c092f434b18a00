// Catching up on notifications where min_id answers the newest page (Hollo before 0.9.0: its
// src/api/v1/notifications.ts filters `created > min_id` and orders newest first, so a min_id
// request returns the newest page above the cursor, not the one joining it). Everything
// notified while the client was away arrives once, on that server and on Mastodon.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { PageParams } from "../../src/api/rest.js";
import type { Notification } from "../../src/timeline/notifications.js";
import { NotificationFeed } from "../../src/timeline/notifications-feed.js";
import { feedSetup } from "./helpers/feed-setup.js";

const EPOCH = Date.UTC(2026, 11, 1, 21);

/** Hollo's notification ids: `${created_at}/${type}/${uuid}` (never compared here). */
function notification(n: number): Notification {
  const createdAt = new Date(EPOCH + n * 1000).toISOString();
  const uuid = `0193${String(n).padStart(4, "0")}-0000-7000-a000-000000000000`;
  return {
    id: `${createdAt}/follow/${uuid}`,
    type: "follow",
    createdAt,
    account: { id: `a${n}`, acct: `user${n}`, username: `user${n}` },
  } as unknown as Notification;
}

/** A server's notifications list (oldest first) paged its way. */
function server(minIdNewest: boolean) {
  const all: Notification[] = [];
  const asked: PageParams[] = [];
  const at = (id: string) => all.findIndex((n) => n.id === id);
  return {
    all,
    asked,
    publish(count: number) {
      for (let i = 0; i < count; i++) all.push(notification(all.length + 1));
    },
    async notifications(page: PageParams = {}): Promise<Notification[]> {
      asked.push(page);
      const limit = page.limit ?? 40;
      let list = page.maxId ? all.slice(0, at(page.maxId)) : all.slice();
      if (page.minId) {
        list = list.slice(at(page.minId) + 1);
        // Mastodon: the page just above the cursor; old Hollo: the newest page above it.
        list = minIdNewest ? list.slice(-limit) : list.slice(0, limit);
      } else list = list.slice(-limit);
      return list.reverse();
    },
  };
}

function feedOn(minIdNewest: boolean) {
  const setup = feedSetup("local");
  const srv = server(minIdNewest);
  const feed = new NotificationFeed(
    {
      get state() {
        return setup.rest.state;
      },
      notifications: (page) => srv.notifications(page),
    },
    setup.stream,
    setup.changes,
  );
  return { ...setup, srv, feed };
}

for (const [name, minIdNewest] of [
  ["Mastodon (min_id joins the cursor)", false],
  ["Hollo before 0.9.0 (min_id answers the newest page)", true],
] as const) {
  describe(`notifications catch-up on ${name}`, () => {
    test("110 notified while away: each arrives once, newest first", async () => {
      const { srv, feed } = feedOn(minIdNewest);
      srv.publish(10);
      await feed.start();
      assert.equal(feed.store.items.length, 10);
      srv.publish(110);
      await feed.refresh();
      const held = feed.store.items.map((n) => n.id);
      assert.deepEqual(
        held,
        srv.all.map((n) => n.id).reverse(),
        "every notification once, in the server's order",
      );
      feed.close();
    });

    test("a catch-up with nothing new, or less than a page, asks once", async () => {
      const { srv, feed } = feedOn(minIdNewest);
      srv.publish(10);
      await feed.start();
      const before = srv.asked.length;
      await feed.refresh();
      assert.equal(srv.asked.length - before, 1, "nothing new: one request");
      srv.publish(5);
      const from = srv.asked.length;
      await feed.refresh();
      assert.equal(srv.asked.length - from, 1, "a short page joins the cursor: one request");
      assert.equal(feed.store.items.length, 15);
      feed.close();
    });
  });
}
