// Servers that take one stream per connection (older GoToSocial, Pleroma: the token in the
// query, `?stream=`) open a timeline's connection only after the `user` one is live, when the
// pane subscribes. What was posted between the catch-up at live and that connection opening
// went nowhere: the pane said "live" and never showed it (e2e demo, "a published toot appears
// in Local", on the pleroma flavour under load). Its own connection opening is a catch-up too.
import assert from "node:assert/strict";
import { test } from "node:test";
import { flushMicrotasks } from "../../src/api/clock.js";
import { feedSetup } from "./helpers/feed-setup.js";

test("a toot posted before the timeline's own connection opened is fetched when it opens", async () => {
  const { stream, rest, feed, sockets } = feedSetup("local");
  rest.publish(3);
  stream.start();
  await feed.start();
  // The header form is refused (no Authorization read on the upgrade): the query-token form.
  sockets[0]!.reject(401);
  const user = sockets.find((s) => s.url.includes("stream=user"));
  assert.ok(user, "the user stream's connection");
  user.open();
  await flushMicrotasks();
  assert.equal(stream.state.kind, "live");
  const local = sockets.find((s) => s.url.includes("stream=public%3Alocal"));
  assert.ok(local, "the Local pane's own connection");
  await flushMicrotasks();
  // Posted now: after the catch-up that going live made, before `local` can hear it.
  const newest = rest.publish(1)[0]!.id;
  assert.ok(!feed.store.items.some((s) => "id" in s && s.id === newest));
  local.open();
  await flushMicrotasks();
  await flushMicrotasks();
  assert.ok(
    feed.store.items.some((s) => "id" in s && s.id === newest),
    "the toot posted in between is in the pane",
  );
  feed.close();
  stream.close();
});
