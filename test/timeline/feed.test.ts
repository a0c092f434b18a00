import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { flushMicrotasks } from "../../src/api/clock.js";
import { ServerUnavailableError } from "../../src/api/errors.js";
import type { TimelineFeed } from "../../src/timeline/feed.js";
import { describePaneState } from "../../src/timeline/pane-state.js";
import { updateFrame } from "../api/helpers/fake-socket.js";
import { feedSetup } from "./helpers/feed-setup.js";

async function setup(opts: { pageLimit?: number; firstPageLimit?: number } = {}) {
  const { clock, stream, rest, feed, sockets, socket } = feedSetup("local", opts);
  const title = () => describePaneState(feed.state, clock.now());
  return { clock, stream, rest, feed, sockets, socket, title };
}

const heldIds = (feed: TimelineFeed) => feed.store.allStatuses.map((s) => s.id);

describe("TimelineFeed", () => {
  test("loads the first page, then applies live updates from its stream", async () => {
    const { stream, rest, feed, socket, title } = await setup();
    rest.publish(3);
    stream.start();
    await feed.start();
    socket().open();
    await flushMicrotasks();
    assert.deepEqual(socket().subscriptions(), ["public:local"]);
    socket().frame(updateFrame(["public:local"], "5000"));
    assert.deepEqual(heldIds(feed), ["5000", "1002", "1001", "1000"]);
    assert.equal(title(), "live");
  });

  test("refills toots published while the socket was down, without duplicates", async () => {
    const { clock, stream, rest, feed, socket, title } = await setup({ pageLimit: 10 });
    rest.publish(5);
    stream.start();
    await feed.start();
    socket().open();
    socket().drop();
    assert.match(title(), /^reconnecting \(next try in 1s\)$/);
    const missed = rest.publish(25).map((s) => s.id);
    clock.advance(1_000);
    socket().open();
    // A live update arrives before the gap-fill answers: it must not become the cursor.
    const live = rest.publish(1)[0]!;
    socket().frame(updateFrame(["public:local"], live.id));
    await clock.advanceAsync(100);
    const held = heldIds(feed);
    for (const id of missed) assert.ok(held.includes(id), `missing ${id}`);
    assert.equal(new Set(held).size, held.length, "no duplicates");
    assert.equal(held.length, 31);
    assert.equal(title(), "live");
  });

  test("after 5 pages of catch-up shows a gap row that load-more expands", async () => {
    const { clock, stream, rest, feed, socket } = await setup({ pageLimit: 10 });
    rest.publish(3);
    stream.start();
    await feed.start();
    socket().open();
    socket().drop();
    rest.publish(100);
    clock.advance(1_000);
    socket().open();
    await clock.advanceAsync(100);
    const gaps = feed.store.items.filter((i) => i.kind === "gap");
    assert.equal(gaps.length, 1);
    assert.equal(feed.store.size, 3 + 50 + 10);
    await feed.loadGap();
    await feed.loadGap();
    assert.equal(feed.store.items.filter((i) => i.kind === "gap").length, 0);
    assert.equal(feed.store.size, 103);
  });

  test("polls every 20–40 s while the socket is down, and stops when it is back", async () => {
    const { clock, stream, rest, feed, socket, title } = await setup();
    rest.publish(2);
    stream.start();
    await feed.start();
    socket().open();
    for (let i = 0; i < 40; i++) {
      // Every connection attempt is refused for five minutes.
      socket().drop();
      await clock.advanceAsync(Math.min(30_000, 500 * 2 ** i));
      if (clock.now() > Date.UTC(2025, 0, 1, 12, 5)) break;
      rest.publish(1);
    }
    const polls = rest.requests.filter((r) => r.at > Date.UTC(2025, 0, 1, 12, 0, 0));
    assert.ok(polls.length >= 5, `polled ${polls.length} times`);
    for (let i = 1; i < polls.length; i++)
      assert.ok(
        polls[i]!.at - polls[i - 1]!.at >= 20_000,
        "no poll sooner than 20 s after the last",
      );
    assert.match(title(), /^polling \(reconnecting( in \d+s|…)\)$/);
    assert.deepEqual(heldIds(feed)[0], rest.posted[rest.posted.length - 1]!.id);
    socket().open();
    await clock.advanceAsync(100);
    const n = rest.requests.length;
    for (let i = 0; i < 6; i++) {
      socket().ping(); // keep-alive, so the watchdog stays quiet
      await clock.advanceAsync(20_000);
    }
    assert.equal(rest.requests.length, n, "no polling while live");
    assert.equal(title(), "live");
  });

  test("says offline with a clear message when REST fails too, and recovers alone", async () => {
    const { clock, stream, rest, feed, socket, title } = await setup();
    rest.publish(2);
    stream.start();
    await feed.start();
    socket().open();
    socket().drop();
    rest.failWith = new ServerUnavailableError();
    clock.advance(400);
    socket().drop();
    await clock.advanceAsync(40_000);
    assert.match(title(), /^server unavailable(, retrying| \(next try in \d+s\))$/);
    assert.match(feed.lastError ?? "", /server unavailable/);
    rest.failWith = undefined;
    rest.publish(3);
    await clock.advanceAsync(40_000);
    socket().open();
    await clock.advanceAsync(100);
    assert.equal(title(), "live");
    assert.equal(feed.store.size, 5);
  });

  test("shows the rate-limit countdown from the REST client", async () => {
    const { clock, stream, rest, feed, socket, title } = await setup();
    rest.publish(2);
    stream.start();
    await feed.start();
    socket().open();
    rest.setState({ kind: "rate-limited", until: new Date(clock.now() + 10_000) });
    assert.equal(
      title(),
      "rate-limited until " + new Date(clock.now() + 10_000).toTimeString().slice(0, 8),
    );
    rest.setState({ kind: "ok" });
    assert.equal(title(), "live");
  });

  test("says token rejected when every form of the upgrade is refused with 401", async () => {
    const { stream, feed, socket, title } = await setup();
    stream.start();
    await feed.start();
    // The header form, the query-token form, then server-sent events.
    for (let form = 0; form < 3; form++) socket().reject(401);
    assert.equal(title(), "token rejected — run tootty login");
  });

  test("loads older statuses with max_id", async () => {
    const { stream, rest, feed } = await setup({ pageLimit: 10, firstPageLimit: 10 });
    rest.publish(25);
    stream.start();
    await feed.start();
    assert.equal(await feed.loadOlder(), 10);
    assert.equal(rest.requests.at(-1)?.page.maxId, "1015");
    assert.equal(feed.store.size, 20);
  });
});
