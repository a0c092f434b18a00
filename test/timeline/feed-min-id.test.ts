// Gap-fill on servers whose min_id does not page forward. Hollo before 0.9.0 answered min_id
// with the newest page above the cursor (its CHANGES.md: "min_id now returns the posts
// *immediately* newer than the cursor (rather than the most recent posts above it)"), so a
// catch-up that trusted the page to join the cursor lost every toot below it.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { TimelineFeed } from "../../src/timeline/feed.js";
import { updateFrame } from "../api/helpers/fake-socket.js";
import { feedSetup } from "./helpers/feed-setup.js";

const heldIds = (feed: TimelineFeed) => feed.store.allStatuses.map((s) => s.id);
const gapRows = (feed: TimelineFeed) => feed.store.items.filter((i) => i.kind === "gap");

/** Three toots held, live, then the socket dropped; pages of ten. */
async function liveThenDropped(opts: { minIdNewest: boolean; maxGapPages?: number }) {
  const setup = feedSetup("local", { pageLimit: 10, maxGapPages: opts.maxGapPages });
  const { clock, stream, rest, feed, socket } = setup;
  rest.minIdNewest = opts.minIdNewest;
  const before = rest.publish(3).map((s) => s.id);
  stream.start();
  await feed.start();
  socket().open();
  await clock.advanceAsync(100);
  socket().drop();
  return { ...setup, before };
}

async function droppedWhile(
  missedCount: number,
  opts: { minIdNewest: boolean; maxGapPages?: number },
) {
  const setup = await liveThenDropped(opts);
  const { clock, rest, socket } = setup;
  const missed = rest.publish(missedCount).map((s) => s.id);
  const asked = rest.requests.length;
  clock.advance(1_000);
  socket().open();
  await clock.advanceAsync(100);
  return { ...setup, missed, catchUp: () => rest.requests.slice(asked) };
}

function assertHeldOnce(feed: TimelineFeed, ids: readonly string[]): void {
  const held = heldIds(feed);
  for (const id of ids) assert.ok(held.includes(id), `missing ${id}`);
  assert.equal(new Set(held).size, held.length, "no status twice");
}

describe("gap-fill when min_id answers the newest page (Hollo before 0.9.0)", () => {
  test("a reconnect brings every toot published while the socket was down, once", async () => {
    const { feed, before, missed } = await droppedWhile(25, { minIdNewest: true });
    assertHeldOnce(feed, [...before, ...missed]);
    assert.equal(feed.store.size, 28);
    assert.equal(gapRows(feed).length, 0, "no gap is left where nothing is missing");
  });

  test("a live toot arriving before the catch-up does not hide the hole below it", async () => {
    const { clock, rest, feed, socket } = await liveThenDropped({ minIdNewest: true });
    const missed = rest.publish(15).map((s) => s.id);
    clock.advance(1_000);
    socket().open();
    const live = rest.publish(1)[0]!;
    socket().frame(updateFrame(["public:local"], live.id));
    await clock.advanceAsync(100);
    assertHeldOnce(feed, [...missed, live.id]);
    assert.equal(feed.store.size, 19);
  });

  test("a hole wider than the page budget becomes a gap row, and loading it fills it", async () => {
    const { feed, before, missed } = await droppedWhile(95, {
      minIdNewest: true,
      maxGapPages: 5,
    });
    // Five pages of ten came in, from the newest down; the rest is an honest gap row just
    // above the last toot held from before the drop.
    assert.equal(feed.store.size, 3 + 50);
    const gaps = gapRows(feed);
    assert.equal(gaps.length, 1);
    assert.equal(gaps[0]?.kind === "gap" && gaps[0].afterId, before.at(-1));
    assertHeldOnce(feed, missed.slice(-50));
    await feed.loadGap();
    assert.equal(feed.store.size, 3 + 95, "the gap's load filled it from its top down");
    assert.equal(gapRows(feed).length, 0);
    assertHeldOnce(feed, [...before, ...missed]);
  });

  test("polling catches up the same way while the stream is down", async () => {
    const { clock, rest, feed, socket } = await liveThenDropped({ minIdNewest: true });
    // Every reconnect fails: only polling brings toots in.
    const missed = rest.publish(25).map((s) => s.id);
    for (let i = 0; i < 8 && heldIds(feed).length < 28; i++) {
      socket().drop();
      await clock.advanceAsync(10_000);
    }
    assertHeldOnce(feed, missed);
    assert.equal(gapRows(feed).length, 0);
  });
});

describe("gap-fill on Mastodon's min_id (the page just above the cursor)", () => {
  test("a catch-up asks nothing more than the pages it needs, plus one empty check", async () => {
    const { feed, missed, catchUp: asked } = await droppedWhile(25, { minIdNewest: false });
    assertHeldOnce(feed, missed);
    const catchUp = asked();
    // Three forward pages (10, 10, 5), and one check that the first full page joined.
    assert.equal(catchUp.length, 4, JSON.stringify(catchUp.map((r) => r.page)));
  });

  test("a gap row from an exhausted forward budget still loads forward", async () => {
    const { feed, missed } = await droppedWhile(100, { minIdNewest: false, maxGapPages: 5 });
    assert.equal(gapRows(feed).length, 1);
    await feed.loadGap();
    await feed.loadGap();
    assert.equal(gapRows(feed).length, 0);
    assertHeldOnce(feed, missed);
    assert.equal(feed.store.size, 103);
  });
});
