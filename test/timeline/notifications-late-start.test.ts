// The Notifications feed may start after the stream has settled: on a server without
// streaming (Hollo) the three upgrade forms can all be refused before the feed subscribes,
// and no state change follows. The pane said "polling" and never asked again, so mentions
// notified later never showed (e2e notifications-catch-up, on hollo under load).
import assert from "node:assert/strict";
import { test } from "node:test";
import type { PageParams } from "../../src/api/rest.js";
import type { Notification } from "../../src/timeline/notifications.js";
import { feedSetup, followNotification, notificationFeedOn } from "./helpers/feed-setup.js";

test("a feed started once the stream is already unavailable polls at the usual pace", async () => {
  const setup = feedSetup("local");
  const all: Notification[] = [1, 2, 3].map(followNotification);
  const asked: PageParams[] = [];
  setup.stream.start();
  // The header form, the query-token form, then server-sent events: all 404.
  for (let form = 0; form < 3; form++) setup.socket().reject(404);
  assert.equal(setup.stream.state.kind, "unavailable");

  const feed = notificationFeedOn(setup, all, asked);
  await feed.start();
  assert.equal(feed.store.items.length, 3);
  all.push(followNotification(4), followNotification(5));
  // Polls every 20–40 s (30 s with the fixed random).
  await setup.clock.advanceAsync(41_000, 1_000);
  assert.equal(feed.store.items.length, 5, "what was notified after the start is shown");
  const pollsBefore = asked.length;
  await setup.clock.advanceAsync(41_000, 1_000);
  assert.ok(asked.length > pollsBefore, "and it keeps asking");
  feed.close();
  setup.stream.close();
});
