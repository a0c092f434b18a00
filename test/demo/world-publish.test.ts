// Publishing on the demo instance must cost the same however many statuses it holds: the
// 100 000-status memory bench publishes through it, and a publish that read every status held
// made the instance trickle its stream out ever slower, which showed as tootty's own cost.
import assert from "node:assert/strict";
import { test } from "node:test";
import { DemoWorld, type StoredStatus } from "../../src/demo/world.js";

test("a home publish reads the newest statuses, not every one the instance holds", () => {
  const world = new DemoWorld(7, () => Date.parse("2026-03-10T12:00:00Z"));
  for (let i = 0; i < 3000; i++) world.publish("federated", {}, undefined, false);
  let reads = 0;
  const counted = new Proxy(world.statuses, {
    get(target, key, receiver) {
      if (typeof key === "string" && /^\d+$/.test(key)) reads++;
      return Reflect.get(target, key, receiver);
    },
  });
  (world as unknown as { statuses: StoredStatus[] }).statuses = counted;
  const boostsAndReplies = () =>
    world.statuses.filter((s) => s.status.reblog || s.status.in_reply_to_id).length;
  const before = boostsAndReplies();
  reads = 0;
  for (let i = 0; i < 50; i++) world.publish("home", {}, undefined, false);
  assert.ok(reads < 50 * 200, `${reads} statuses read for 50 publishes beside 3000`);
  // Still the feed's variety: boosts and replies of what is there.
  assert.ok(boostsAndReplies() > before, "home gained boosts or replies");
});
