// Fault tests (dropped sockets, 429, 5xx pages, dead sockets) against the simulated instance
// (src/demo). The client runs on a fake clock (backoff, watchdog, polling, rate-limit pauses);
// the server and sockets are real.
import assert from "node:assert/strict";
import { after, afterEach, before, describe, test } from "node:test";
import { FakeClock } from "../../src/api/clock.js";
import type { TimelineKind } from "../../src/api/rest.js";
import { type DemoInstance, startDemoInstance } from "../../src/demo/index.js";
import type { TimelineFeed } from "../../src/timeline/feed.js";
import { describePaneState } from "../../src/timeline/pane-state.js";
import { openSession, type Session } from "../../src/timeline/session.js";
import { waitFor } from "./helpers/wait.js";

const KINDS: TimelineKind[] = ["home", "local", "federated"];

interface Harness {
  demo: DemoInstance;
  clock: FakeClock;
  session: Session;
  feeds: Record<TimelineKind, TimelineFeed>;
  timelineCalls: Array<{ kind: TimelineKind; at: number }>;
}

let demo: DemoInstance;
let current: Harness | undefined;

before(async () => {
  demo = await startDemoInstance({ generate: false, seedCount: 40 });
});
after(async () => {
  await demo.close();
});
afterEach(() => {
  current?.session.close();
  current = undefined;
  demo.control.clearFaults();
});

async function open(): Promise<Harness> {
  const clock = new FakeClock(Date.now());
  const session = await openSession({
    instanceUrl: demo.url,
    accessToken: demo.token,
    clock,
    random: () => 0.5,
  });
  const timelineCalls: Harness["timelineCalls"] = [];
  const realTimeline = session.rest.timeline.bind(session.rest);
  (session.rest as { timeline: typeof realTimeline }).timeline = (kind, page) => {
    timelineCalls.push({ kind, at: clock.now() });
    return realTimeline(kind, page);
  };
  const feeds = {
    home: session.feed("home"),
    local: session.feed("local"),
    federated: session.feed("federated"),
  };
  await waitFor(() => session.stream.state.kind === "live", "socket live");
  await waitFor(() => KINDS.every((k) => feeds[k].store.size > 0), "first pages");
  // Let the start-up requests settle, so moving the fake clock later does not time them out.
  await waitFor(() => session.rest.pending === 0, "start-up requests settled");
  current = { demo, clock, session, feeds, timelineCalls };
  return current;
}

function assertOnceAndOrdered(feed: TimelineFeed): void {
  const held = feed.store.allStatuses;
  const ids = held.map((s) => s.id);
  assert.equal(new Set(ids).size, ids.length, `${feed.kind}: a status appears twice`);
  // Newest first by created_at (a client never orders by id; the server's ids agree except
  // for statuses of one millisecond, whose order between two lists nothing can tell).
  for (let i = 1; i < held.length; i++)
    assert.ok(
      Date.parse(held[i - 1]!.createdAt) >= Date.parse(held[i]!.createdAt),
      `${feed.kind}: out of order at ${i}`,
    );
}

/** Where a published status must show up. */
function expectedIn(target: TimelineKind): TimelineKind[] {
  return target === "local" ? ["local", "federated"] : [target];
}

/** Moves the fake clock to the next reconnect attempt once the client has noticed the loss. */
async function reconnectNow(h: Harness): Promise<void> {
  await waitFor(() => h.session.stream.state.kind === "reconnecting", "loss noticed");
  const s = h.session.stream.state;
  if (s.kind === "reconnecting") h.clock.advance(Math.max(0, s.nextTryAt - h.clock.now()));
}

describe("streaming and REST under faults (simulated instance)", () => {
  test("20 socket drops during 500 statuses: every status in its store exactly once, in order", async () => {
    const h = await open();
    const expected: Record<TimelineKind, string[]> = { home: [], local: [], federated: [] };
    for (let round = 0; round < 20; round++) {
      for (let i = 0; i < 25; i++) {
        const target = KINDS[(round * 25 + i) % 3]!;
        const s = demo.control.publish(target);
        for (const k of expectedIn(target)) expected[k].push(s.id);
        // Half of each round is published while the socket is down.
        if (i === 12) demo.control.dropSockets();
      }
      await reconnectNow(h);
      await waitFor(() => h.session.stream.state.kind === "live", `live again (round ${round})`);
    }
    for (const k of KINDS) {
      await waitFor(
        () => expected[k].every((id) => h.feeds[k].store.has(id)),
        `${k} has all ${expected[k].length}`,
        // The gap-fills of the last rounds are real HTTP round trips: on a loaded machine
        // they take longer than the default 5 s.
        { clock: h.clock, timeoutMs: 30_000 },
      );
      assertOnceAndOrdered(h.feeds[k]);
      // The top of the pane is what the server says is newest there (home also gets statuses of
      // followed accounts published to local/federated).
      const top = h.feeds[k].store.items
        .slice(0, 10)
        .map((i) => (i.kind === "status" ? i.id : "gap"));
      const truth = (await h.session.rest.timeline(k, { limit: 10 })).map((s) => s.id);
      assert.deepEqual(top, truth);
      assert.equal(describePaneState(h.feeds[k].state, h.clock.now()), "live");
    }
  });

  test("a half-open socket is caught by the watchdog and nothing is lost", async () => {
    const h = await open();
    demo.control.setSilent(true);
    const published = demo.control.publishMany("local", 10).map((s) => s.id);
    h.clock.advance(44_000);
    assert.equal(h.session.stream.state.kind, "live", "not before the watchdog's 45 s");
    h.clock.advance(1_100);
    assert.equal(h.session.stream.state.kind, "reconnecting");
    demo.control.setSilent(false);
    await reconnectNow(h);
    await waitFor(
      () => published.every((id) => h.feeds.local.store.has(id)),
      "missed statuses refilled",
      {
        clock: h.clock,
      },
    );
    assertOnceAndOrdered(h.feeds.local);
  });

  test("upgrades refused for 30 s: all 100 statuses arrive, polls no more often than every 20 s", async () => {
    const h = await open();
    demo.control.refuseUpgrades(10 * 60_000, 503);
    demo.control.dropSockets();
    const start = h.clock.now();
    const published: string[] = [];
    const callsBefore = h.timelineCalls.length;
    for (let second = 0; second < 30; second++) {
      published.push(
        ...demo.control.publishMany("federated", second % 3 === 0 ? 4 : 3).map((s) => s.id),
      );
      // Let any refused upgrade or poll complete before time moves on.
      await waitFor(() => h.session.stream.state.kind !== "connecting", "attempt settled");
      await new Promise((r) => setImmediate(r));
      h.clock.advance(1_000);
    }
    assert.equal(published.length, 100);
    const pane = describePaneState(h.feeds.federated.state, h.clock.now());
    assert.match(
      pane,
      /^(reconnecting \(next try in \d+s\)|polling \(reconnecting( in \d+s|…)\))$/,
    );
    const polls = h.timelineCalls.slice(callsBefore).filter((c) => c.kind === "federated");
    for (let i = 1; i < polls.length; i++)
      assert.ok(polls[i]!.at - polls[i - 1]!.at >= 20_000, "polled sooner than 20 s");
    assert.ok(
      polls.every((p) => p.at - start >= 20_000),
      "first poll not before 20 s",
    );
    demo.control.clearFaults();
    await reconnectNow(h);
    await waitFor(() => h.session.stream.state.kind === "live", "live after refusal");
    await waitFor(
      () => published.every((id) => h.feeds.federated.store.has(id)),
      "all 100 present",
      {
        clock: h.clock,
      },
    );
    assertOnceAndOrdered(h.feeds.federated);
  });

  test("429 for 10 s: one request in the window, a visible countdown, normal service after", async () => {
    const h = await open();
    demo.control.failHttp({ pathPrefix: "/api/v1/timelines", status: 429, forMs: 10_000 });
    const logBefore = demo.control.requestLog().length;
    const older = [h.feeds.home.loadOlder()];
    await waitFor(() => h.session.rest.state.kind === "rate-limited", "pause noticed");
    // Everything asked for inside the window waits: polls, load-more, other panes.
    older.push(h.feeds.local.loadOlder(), h.feeds.federated.loadOlder());
    for (let i = 0; i < 8; i++) {
      h.clock.advance(1_000);
      await new Promise((r) => setImmediate(r));
    }
    const inWindow = demo.control.requestLog().slice(logBefore);
    assert.equal(inWindow.length, 1, "only the request that met the 429 was sent");
    assert.equal(inWindow[0]!.status, 429);
    assert.match(
      describePaneState(h.feeds.home.state, h.clock.now()),
      /^rate-limited until \d\d:\d\d:\d\d$/,
    );
    demo.control.clearFaults(); // the server's window ends in its own (real) time
    h.clock.advance(5_000);
    const added = await Promise.all(older);
    assert.ok(added.every((n) => n >= 0));
    await waitFor(() => h.session.rest.state.kind === "ok", "service normal");
    assert.equal(describePaneState(h.feeds.home.state, h.clock.now()), "live");
    assert.ok(
      demo.control
        .requestLog()
        .slice(logBefore)
        .filter((e) => e.status === 200).length >= 3,
    );
  });

  test("nginx HTML 503 on timelines for 30 s: a clear message, no crash, recovers alone", async () => {
    const h = await open();
    demo.control.failHttp({ pathPrefix: "/api/v1/timelines", status: 503 });
    demo.control.dropSockets();
    const missed = demo.control.publishMany("local", 5).map((s) => s.id);
    await reconnectNow(h);
    await waitFor(() => h.session.stream.state.kind === "live", "live");
    for (let i = 0; i < 30; i++) {
      h.clock.advance(1_000);
      await new Promise((r) => setImmediate(r));
    }
    await waitFor(() => h.feeds.local.lastError !== undefined, "error shown");
    assert.match(h.feeds.local.lastError ?? "", /^server unavailable/);
    demo.control.clearFaults();
    await waitFor(() => missed.every((id) => h.feeds.local.store.has(id)), "recovered alone", {
      clock: h.clock,
      stepMs: 5_000,
    });
    await waitFor(() => h.feeds.local.lastError === undefined, "message cleared");
  });

  test("401 at the upgrade: says token rejected, at most one further attempt", async () => {
    const h = await open();
    const spare = demo.token;
    demo.control.revokeToken(spare);
    demo.control.dropSockets();
    await reconnectNow(h);
    await waitFor(() => h.session.stream.state.kind === "rejected", "rejection noticed");
    const attempts = h.session.stream.connectAttempts;
    h.clock.advance(10 * 60_000);
    assert.ok(h.session.stream.connectAttempts <= attempts + 1);
    for (const k of KINDS)
      assert.equal(
        describePaneState(h.feeds[k].state, h.clock.now()),
        "token rejected — run tootty login",
      );
  });
});
