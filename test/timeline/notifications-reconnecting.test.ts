// While the socket is down on a server that streams, the Notifications pane is asked at the
// timelines' slow pace (DESIGN: "While the socket is down, poll the open panes slowly"), as
// it is where the server has no streaming at all; a pane said "reconnecting" and showed
// nothing new for as long as the socket stayed down.
import assert from "node:assert/strict";
import { test } from "node:test";
import { flushMicrotasks } from "../../src/api/clock.js";
import type { PageParams } from "../../src/api/rest.js";
import type { Notification } from "../../src/timeline/notifications.js";
import { feedSetup, followNotification, notificationFeedOn } from "./helpers/feed-setup.js";

test("notifications are polled while the stream reconnects", async () => {
  const setup = feedSetup("local");
  const all: Notification[] = [];
  const asked: PageParams[] = [];
  const publish = (count: number) => {
    for (let i = 0; i < count; i++) all.push(followNotification(all.length + 1));
  };
  const feed = notificationFeedOn(setup, all, asked);
  publish(3);
  setup.stream.start();
  await feed.start();
  setup.socket().open();
  await flushMicrotasks();
  assert.equal(setup.stream.state.kind, "live");

  setup.socket().drop();
  await flushMicrotasks();
  assert.equal(setup.stream.state.kind, "reconnecting");
  // The reconnect keeps failing: every new socket is refused.
  setup.stream.onStateChange((s) => {
    if (s.kind === "connecting") queueMicrotask(() => setup.socket().reject(503));
  });
  publish(4);
  const before = asked.length;
  await setup.clock.advanceAsync(31_000, 1_000);
  await flushMicrotasks();
  assert.ok(asked.length > before, "asked while the socket was down");
  assert.equal(feed.store.items.length, 7, "what was notified meanwhile is shown");
  feed.close();
  setup.stream.close();
});
