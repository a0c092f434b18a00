// Paging down (max_id): every older page reaches whoever draws the feed at once, and once the
// server has nothing older, reaching the bottom asks no more.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { FIRST_PAGE_LIMIT } from "../../src/timeline/first-pages.js";
import { feedSetup } from "./helpers/feed-setup.js";

const setup = (pageLimit: number) => feedSetup("federated", { pageLimit });

describe("TimelineFeed paging to older statuses", () => {
  test("each older page is announced to the feed's listeners as soon as it is in", async () => {
    const { rest, feed, stream } = setup(40);
    rest.publish(100);
    stream.start();
    await feed.start();
    assert.equal(feed.store.size, FIRST_PAGE_LIMIT, "a first page is smaller");
    let heard = 0;
    let sizeHeard = 0;
    feed.onChange(() => {
      heard++;
      sizeHeard = feed.store.size;
    });
    assert.equal(await feed.loadOlder(), 40);
    assert.ok(heard > 0, "the pane heard of the second page");
    assert.equal(sizeHeard, 60, "and saw it when it heard");
    assert.equal(await feed.loadOlder(), 40);
    assert.equal(sizeHeard, 100);
    stream.close();
  });

  test("stops asking once the server answers that nothing is older", async () => {
    const { rest, feed, stream } = setup(40);
    rest.publish(50);
    stream.start();
    await feed.start();
    assert.equal(feed.reachedEnd, false);
    assert.equal(await feed.loadOlder(), 50 - FIRST_PAGE_LIMIT);
    const asked = rest.requests.length;
    assert.equal(await feed.loadOlder(), 0, "an empty page");
    assert.equal(rest.requests.length, asked + 1);
    assert.equal(feed.reachedEnd, true);
    for (let i = 0; i < 5; i++) assert.equal(await feed.loadOlder(), 0);
    assert.equal(rest.requests.length, asked + 1, "no request after the end");
    stream.close();
  });

  test("a failed page is not the end: the next ask tries again", async () => {
    const { rest, feed, stream } = setup(10);
    rest.publish(30);
    stream.start();
    await feed.start();
    rest.failWith = new Error("boom");
    assert.equal(await feed.loadOlder(), 0);
    assert.equal(feed.reachedEnd, false);
    rest.failWith = undefined;
    assert.equal(await feed.loadOlder(), 10);
    stream.close();
  });
});
