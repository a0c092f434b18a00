// Home's 206 ("the feed is being regenerated", methods/timelines.md): before this, a 206 read
// as a 200 and the pane said "live, no toots yet" for good. Now the pane says the feed is being
// regenerated, asks again after the server's retry (or with backoff), and fills on the 200.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { markRegenerating } from "../../src/api/rest.js";
import { describePaneState } from "../../src/timeline/pane-state.js";
import { feedSetup } from "./helpers/feed-setup.js";

describe("home feed regenerating", () => {
  test("206 pages are shown as such and asked again until a 200 fills the pane", async () => {
    const { clock, rest, feed } = feedSetup("home");
    rest.publish(5);
    let partial = 2;
    const fetchPage = rest.timeline.bind(rest);
    rest.timeline = async (kind, page) => {
      const statuses = await fetchPage(kind, page);
      if (partial <= 0) return statuses;
      partial--;
      const empty: typeof statuses = [];
      // The first 206 names no wait (Mastodon before 4.4): backoff; the second asks 5 s.
      markRegenerating(empty, partial === 0 ? 5_000 : undefined);
      return empty;
    };
    await feed.start();
    assert.equal(feed.state.kind, "regenerating");
    assert.match(
      describePaneState(feed.state, clock.now()),
      /feed is being regenerated \(next try in 2s\)/,
    );
    assert.equal(feed.store.size, 0);
    await clock.advanceAsync(2_100);
    assert.equal(rest.requests.length, 2, "asked again after the backoff");
    assert.match(describePaneState(feed.state, clock.now()), /next try in 5s/);
    await clock.advanceAsync(4_000);
    assert.equal(rest.requests.length, 2, "not before the server's retry");
    await clock.advanceAsync(1_100);
    assert.equal(rest.requests.length, 3);
    assert.equal(feed.store.size, 5, "the 200 filled the pane");
    assert.notEqual(feed.state.kind, "regenerating");
    await clock.advanceAsync(60_000);
    assert.equal(rest.requests.length, 3, "nothing more asked once the feed is whole");
    feed.close();
  });
});
