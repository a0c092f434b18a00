// On a server without streaming (Hollo, snac, Sharkey's Mastodon API), a toot edited or
// deleted after it was notified (a mention, a favourite of one's own toot) reaches the
// Notifications pane only by asking: each poll reads the newest page of notifications again,
// as each timeline's poll does (feed-poll-changes.test.ts). Without it, the pane kept the first
// words of an edited mention and a deleted one forever.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { flushMicrotasks } from "../../src/api/clock.js";
import type { PageParams } from "../../src/api/rest.js";
import type { Notification } from "../../src/timeline/notifications.js";
import type { NotificationFeed } from "../../src/timeline/notifications-feed.js";
import type { StatusChange } from "../../src/timeline/status-change.js";
import type { Status } from "../../src/timeline/store.js";
import { makeStatus } from "./helpers/fake-rest.js";
import { feedSetup, notificationFeedOn } from "./helpers/feed-setup.js";

function mention(n: number): Notification {
  const status = makeStatus(String(5000 + n));
  return {
    id: String(1000 + n),
    type: "mention",
    createdAt: new Date(Date.UTC(2026, 11, 1) + n * 1000).toISOString(),
    account: { id: `a${n}`, acct: `user${n}`, username: `user${n}` },
    status,
  } as unknown as Notification;
}

/** A notifications feed whose server refuses every form of streaming (404): it polls. */
async function polling(streaming: "none" | "live" = "none") {
  const setup = feedSetup("local");
  /** Oldest first, as the server holds them. */
  const all: Notification[] = [1, 2, 3, 4, 5].map(mention);
  const asked: PageParams[] = [];
  const feed = notificationFeedOn(setup, all, asked);
  setup.stream.start();
  await feed.start();
  if (streaming === "none") {
    // The header form, the query-token form, then server-sent events.
    for (let form = 0; form < 3; form++) setup.socket().reject(404);
    assert.equal(setup.stream.state.kind, "unavailable");
  } else {
    setup.socket().open();
    await flushMicrotasks();
    assert.equal(setup.stream.state.kind, "live");
  }
  await setup.clock.advanceAsync(1_000);
  assert.equal(feed.store.items.length, 5);
  const seen: StatusChange[] = [];
  setup.changes.subscribe((c) => seen.push(c));
  const edit = (n: number, content: string) => {
    const at = all.findIndex((x) => x.id === String(1000 + n));
    const status = { ...all[at]!.status!, content } as Status;
    all[at] = { ...all[at]!, status } as Notification;
  };
  const dismiss = (n: number) =>
    all.splice(
      all.findIndex((x) => x.id === String(1000 + n)),
      1,
    );
  return { ...setup, feed, all, asked, seen, edit, dismiss };
}

const words = (feed: NotificationFeed, id: string) =>
  feed.store.items.find((n) => n.id === id)?.status?.content;

describe("notifications polled without a stream", () => {
  test("an edited mention shows its new words within one polling interval, everywhere", async () => {
    const { clock, feed, seen, edit, stream, sockets } = await polling();
    edit(3, "<p>three, edited</p>");
    await clock.advanceAsync(40_000);
    assert.equal(words(feed, "1003"), "<p>three, edited</p>");
    assert.ok(
      seen.some((c) => c.kind === "edit" && c.status.id === "5003"),
      "the edit goes on the session's bus, for the timelines showing the toot too",
    );
    assert.equal(words(feed, "1002"), "<p>5002</p>", "the others untouched");
    feed.close();
    stream.close();
    assert.ok(sockets.length >= 3);
  });

  test("a notification gone from the newest page (its toot deleted, or dismissed elsewhere) leaves the pane", async () => {
    const { clock, feed, dismiss, stream } = await polling();
    dismiss(4);
    dismiss(5);
    await clock.advanceAsync(40_000);
    assert.deepEqual(
      feed.store.items.map((n) => n.id),
      ["1003", "1002", "1001"],
    );
    feed.close();
    stream.close();
  });

  test("a notification older than the newest page is not judged by it", async () => {
    const { clock, feed, all, stream } = await polling();
    // 45 more: the newest page of 40 no longer reaches the first five.
    for (let n = 6; n <= 50; n++) all.push(mention(n));
    await clock.advanceAsync(40_000);
    assert.equal(feed.store.items.length, 50, "nothing below the page's span removed");
    feed.close();
    stream.close();
  });

  test("a live stream brings edits itself: no page is asked again", async () => {
    const { clock, feed, asked, stream } = await polling("live");
    const before = asked.length;
    await clock.advanceAsync(60_000);
    assert.equal(asked.length, before, "a live pane does not poll");
    feed.close();
    stream.close();
  });
});
