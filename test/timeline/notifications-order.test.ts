import assert from "node:assert/strict";
import { test } from "node:test";
import { type Notification, NotificationStore } from "../../src/timeline/notifications.js";

const note = (id: string, createdAt: string) =>
  ({ id, type: id.split("/")[1] ?? "mention", createdAt }) as unknown as Notification;

test("notifications are newest first by time, whatever their ids look like (Hollo's time/type/uuid)", () => {
  const store = new NotificationStore();
  const u = "01a233d2-0806-7000-ab84-7cfb08bc1000";
  store.add([
    note(`2026-12-01T21:21:27.315Z/mention/${u}`, "2026-12-01T21:21:27.315Z"),
    note(`2026-12-01T21:21:29.000Z/favourite/${u}`, "2026-12-01T21:21:29.000Z"),
  ]);
  store.add([note(`2026-12-01T21:21:28.000Z/emoji_reaction/${u}`, "2026-12-01T21:21:28.000Z")]);
  assert.deepEqual(
    store.items.map((n) => n.type),
    ["favourite", "emoji_reaction", "mention"],
  );
  assert.equal(store.newestId(), `2026-12-01T21:21:29.000Z/favourite/${u}`);
});
