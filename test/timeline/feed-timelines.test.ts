// A feed for any timeline: a hashtag or a list keeps every guarantee of the home/local/federated
// feeds (live updates, gap-fill after a reconnect, dedupe, bounded store), on its own stream.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { FakeClock, flushMicrotasks } from "../../src/api/clock.js";
import { type DemoInstance, startDemoInstance } from "../../src/demo/index.js";
import { TimelineFeed } from "../../src/timeline/feed.js";
import { openSession } from "../../src/timeline/session.js";
import {
  parseTimelineSpec,
  subscriptionOf,
  type TimelineSpec,
  timelineTitle,
} from "../../src/timeline/timeline-spec.js";
import { updateFrame } from "../api/helpers/fake-socket.js";
import { feedSetup } from "./helpers/feed-setup.js";
import { waitFor } from "./helpers/wait.js";

function setup(spec: TimelineSpec, opts: { pageLimit?: number; storeSize?: number } = {}) {
  const { clock, stream, rest, feed, socket } = feedSetup(spec, opts);
  const sent = () => socket().sent.map((s) => JSON.parse(s) as Record<string, string>);
  return { clock, stream, rest, feed, socket, sent };
}

const heldIds = (feed: TimelineFeed) => feed.store.allStatuses.map((s) => s.id);

describe("timeline specs", () => {
  test("names from the config file and the command line become timelines, or nothing", () => {
    assert.equal(parseTimelineSpec("tag:#Rust"), "tag:Rust");
    assert.equal(parseTimelineSpec("list:42"), "list:42");
    assert.equal(parseTimelineSpec("direct"), "direct");
    assert.equal(parseTimelineSpec("local"), "local");
    for (const bad of ["tag:", "tag:a b", "list:", "list:../x", "homes", "notifications"])
      assert.equal(parseTimelineSpec(bad), undefined, bad);
  });

  test("each timeline has its stream and its title", () => {
    assert.deepEqual(subscriptionOf("tag:rust"), { stream: "hashtag", tag: "rust" });
    assert.deepEqual(subscriptionOf("list:7"), { stream: "list", list: "7" });
    assert.deepEqual(subscriptionOf("direct"), { stream: "direct" });
    assert.deepEqual(subscriptionOf("home"), { stream: "user" });
    assert.equal(timelineTitle("tag:rust"), "#rust");
    assert.equal(timelineTitle("list:7", "Friends"), "List Friends");
    assert.equal(timelineTitle("list:7"), "List 7");
  });
});

describe("TimelineFeed for a hashtag or a list", () => {
  test("a hashtag feed subscribes to hashtag with its tag and shows live toots", async () => {
    const { stream, rest, feed, socket, sent } = setup("tag:rust");
    rest.publish(2);
    stream.start();
    await feed.start();
    socket().open();
    await flushMicrotasks();
    assert.ok(
      sent().some((m) => m.type === "subscribe" && m.stream === "hashtag" && m.tag === "rust"),
    );
    socket().frame(updateFrame(["hashtag", "rust"], "5000"));
    assert.deepEqual(heldIds(feed), ["5000", "1001", "1000"]);
  });

  test("a list feed refills what was posted while the socket was down, without duplicates", async () => {
    const { clock, stream, rest, feed, socket, sent } = setup("list:7", { pageLimit: 10 });
    rest.publish(3);
    stream.start();
    await feed.start();
    socket().open();
    await flushMicrotasks();
    assert.ok(sent().some((m) => m.type === "subscribe" && m.stream === "list" && m.list === "7"));
    socket().drop();
    const missed = rest.publish(15).map((s) => s.id);
    clock.advance(1_000);
    socket().open();
    const live = rest.publish(1)[0]!;
    socket().frame(updateFrame(["list", "7"], live.id));
    await clock.advanceAsync(100);
    const held = heldIds(feed);
    for (const id of [...missed, live.id]) assert.ok(held.includes(id), `missing ${id}`);
    assert.equal(new Set(held).size, held.length, "no duplicates");
    assert.equal(held.length, 19);
  });

  test("a hashtag feed polls while the socket is down", async () => {
    const { clock, stream, rest, feed, socket } = setup("tag:rust");
    rest.publish(1);
    stream.start();
    await feed.start();
    socket().open();
    socket().drop();
    const posted = rest.publish(1)[0]!;
    // The new socket never opens: the feed polls over REST meanwhile (every 20–40 s).
    await clock.advanceAsync(19_000);
    assert.equal(feed.pollCount, 0, "no poll sooner than 20 s");
    await clock.advanceAsync(21_000);
    assert.ok(feed.pollCount > 0);
    assert.ok(feed.store.has(posted.id), "the toot came by polling");
  });

  test("its store keeps at most its buffer size", async () => {
    const { stream, rest, feed, socket } = setup("tag:rust", { storeSize: 50 });
    rest.publish(40);
    stream.start();
    await feed.start();
    socket().open();
    for (let i = 0; i < 30; i++) socket().frame(updateFrame(["hashtag", "rust"], String(9000 + i)));
    assert.equal(feed.store.size, 50);
    assert.equal(heldIds(feed)[0], "9029");
  });

  test("closing the feed unsubscribes its stream", async () => {
    const { stream, feed, socket, sent } = setup("tag:rust");
    stream.start();
    await feed.start();
    socket().open();
    await flushMicrotasks();
    feed.close();
    assert.ok(
      sent().some((m) => m.type === "unsubscribe" && m.stream === "hashtag" && m.tag === "rust"),
    );
    assert.equal(feed.isClosed, true);
  });

  test("a timeline other than home/local/federated needs a way to fetch its pages", () => {
    const { rest, stream, clock, changes } = feedSetup("home");
    assert.throws(() => new TimelineFeed("tag:x", { rest, stream, clock, changes }), /fetchPage/);
  });
});

describe("session.openFeed against the simulated instance", () => {
  let demo: DemoInstance;
  before(async () => {
    demo = await startDemoInstance({ generate: false, seedCount: 30 });
  });
  after(async () => {
    await demo.close();
  });

  test("hashtag and list feeds load over REST and receive live toots; deletes reach them", async () => {
    const clock = new FakeClock(Date.now());
    const session = await openSession({ instanceUrl: demo.url, accessToken: demo.token, clock });
    try {
      const tag = session.openFeed("tag:panestest");
      // Shares tag's subscription: it sees every frame tag would have seen after tag closes.
      const tagToo = session.openFeed("tag:panestest");
      const friends = session.openFeed("list:1", { storeSize: 60 });
      await waitFor(
        () => session.stream.state.kind === "live" && session.rest.pending === 0,
        "ready",
      );
      const tagged = demo.control.publish("local", { tags: ["panestest"], content: "<p>t</p>" });
      await waitFor(() => tag.store.has(tagged.id), "tagged toot arrives live");
      const byFriend = demo.control.publish("home");
      await waitFor(() => friends.store.has(byFriend.id), "a followed account's toot in the list");
      assert.equal(tag.store.has(byFriend.id), false, "only tagged toots in the hashtag pane");
      demo.control.deleteStatus(tagged.id);
      await waitFor(() => !tag.store.has(tagged.id), "delete reaches the hashtag feed");

      tag.close();
      // The demo applies `tags` only with `content`.
      const later = demo.control.publish("local", { tags: ["panestest"], content: "<p>u</p>" });
      await waitFor(() => tagToo.store.has(later.id), "the frame reaches the open twin");
      assert.equal(tag.store.has(later.id), false, "a closed feed takes no more toots");
    } finally {
      session.close();
    }
  });

  test("the direct pane holds the last status of each conversation, and new ones live", async () => {
    const session = await openSession({ instanceUrl: demo.url, accessToken: demo.token });
    try {
      const dm = demo.control.publish("home", {
        visibility: "direct",
        content: "<p>@demo a word in private</p>",
        mentions: ["demo"],
      });
      const direct = session.openFeed("direct");
      await waitFor(() => direct.store.has(dm.id), "the conversation's last status");
      assert.ok(direct.store.allStatuses.every((s) => s.visibility === "direct"));
      await waitFor(() => session.stream.state.kind === "live", "live");
      const later = demo.control.publish("home", {
        visibility: "direct",
        content: "<p>@demo and another</p>",
        mentions: ["demo"],
      });
      await waitFor(() => direct.store.has(later.id), "a new direct message arrives live");
      const publicOne = demo.control.publish("home", { visibility: "public" });
      await waitFor(() => session.feed("home").store.has(publicOne.id), "home got it");
      assert.equal(direct.store.has(publicOne.id), false, "only direct statuses");
    } finally {
      session.close();
    }
  });
});
