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

test("Sharkey lists a favourite twice with one id, as a reaction then a favourite: one row, the favourite", () => {
  const store = new NotificationStore();
  const at = "2026-12-01T21:21:29.000Z";
  const reaction = { ...note("a1b2c3d4k7qz0001", at), type: "reaction" } as unknown as Notification;
  const favourite = { ...note("a1b2c3d4k7qz0001", at), type: "favourite" } as Notification;
  assert.equal(store.add([note("a1b2c3d4k7qz0002", at), reaction, favourite]), 2);
  assert.deepEqual(
    store.items.map((n) => `${n.id} ${n.type}`),
    ["a1b2c3d4k7qz0002 mention", "a1b2c3d4k7qz0001 favourite"],
  );
});
