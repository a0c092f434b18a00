import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { FakeClock } from "../../src/api/clock.js";
import { type ConnectionState, type StreamListener, StreamManager } from "../../src/api/stream.js";
import { fakeSocketFactory, updateFrame } from "./helpers/fake-socket.js";

function setup(opts: { random?: () => number; watchdogMs?: number } = {}) {
  const clock = new FakeClock();
  const { factory, sockets } = fakeSocketFactory();
  const manager = new StreamManager({
    streamingUrl: "wss://example.social/",
    accessToken: "secret-token",
    clock,
    socketFactory: factory,
    sseFactory: factory,
    random: opts.random ?? (() => 0.5),
    watchdogMs: opts.watchdogMs,
  });
  const states: ConnectionState[] = [];
  manager.onStateChange((s) => states.push(s));
  const last = () => sockets[sockets.length - 1]!;
  return { clock, manager, sockets, states, last };
}

describe("StreamManager", () => {
  test("connects at once, with the token in the Authorization header and not in the URL", () => {
    const { manager, sockets } = setup();
    manager.start();
    assert.equal(sockets.length, 1);
    assert.equal(sockets[0]!.url, "wss://example.social/api/v1/streaming");
    assert.equal(sockets[0]!.headers.Authorization, "Bearer secret-token");
    assert.ok(!sockets[0]!.url.includes("secret-token"));
  });

  test("subscribes every stream once the socket opens, and routes frames to their subscription", () => {
    const { manager, last } = setup();
    const got: Record<string, string[]> = { local: [], fed: [] };
    manager.subscribe(
      { stream: "public:local" },
      (ev) => ev.kind === "update" && got.local!.push(ev.status.id),
    );
    manager.subscribe(
      { stream: "public" },
      (ev) => ev.kind === "update" && got.fed!.push(ev.status.id),
    );
    manager.start();
    last().open();
    assert.deepEqual(last().subscriptions().sort(), ["public", "public:local"]);
    last().frame(updateFrame(["public:local"], "1"));
    last().frame(updateFrame(["public"], "2"));
    assert.deepEqual(got, { local: ["1"], fed: ["2"] });
  });

  test("backs off with jitter up to a 30 s cap, and says when the next try is", () => {
    const { clock, manager, sockets, last } = setup({ random: () => 1 });
    manager.start();
    const delays: number[] = [];
    for (let i = 0; i < 10; i++) {
      last().drop();
      const s = manager.state;
      assert.equal(s.kind, "reconnecting");
      if (s.kind === "reconnecting") delays.push(s.nextTryAt - clock.now());
      clock.advance(delays[delays.length - 1]!);
    }
    assert.deepEqual(delays, [500, 1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000, 30000]);
    assert.equal(sockets.length, 11);
  });

  test("jitter spreads the delays between half and all of the step", () => {
    const lows = setup({ random: () => 0 });
    lows.manager.start();
    lows.last().drop();
    const s = lows.manager.state;
    assert.ok(s.kind === "reconnecting" && s.nextTryAt - lows.clock.now() === 250);
  });

  test("resets the backoff after a healthy connection", () => {
    const { clock, manager, last } = setup({ random: () => 1 });
    manager.start();
    for (let i = 0; i < 4; i++) {
      last().drop();
      clock.advance(30_000);
    }
    last().open();
    clock.advance(11_000);
    last().ping();
    last().drop();
    const s = manager.state;
    assert.ok(s.kind === "reconnecting" && s.nextTryAt - clock.now() === 500);
  });

  test("the watchdog drops a silent (half-open) socket after 45 s and reconnects", () => {
    const { clock, manager, sockets, last } = setup();
    manager.start();
    last().open();
    clock.advance(30_000);
    last().ping(); // server keep-alive resets the watchdog
    clock.advance(44_000);
    assert.equal(sockets.length, 1);
    assert.equal(manager.state.kind, "live");
    clock.advance(1_100);
    assert.equal(sockets[0]!.terminated, true);
    assert.equal(manager.state.kind, "reconnecting");
    clock.advance(1_000);
    assert.equal(sockets.length, 2);
  });

  test("tells listeners when it is live again after a reconnect, and resubscribes", () => {
    const { clock, manager, last } = setup();
    let reconnects = 0;
    manager.onReconnected(() => reconnects++);
    manager.subscribe({ stream: "user" }, () => {});
    manager.start();
    last().open();
    assert.equal(reconnects, 0);
    last().drop();
    clock.advance(1_000);
    last().open();
    assert.equal(reconnects, 1);
    assert.deepEqual(last().subscriptions(), ["user"]);
  });

  test("a 401 at the upgrade in every form stops with 'token rejected' and never tries again", () => {
    const { clock, manager, sockets, last } = setup();
    manager.start();
    for (let form = 0; form < 3; form++) last().reject(401, "Invalid access token");
    const s = manager.state;
    assert.equal(s.kind, "rejected");
    assert.deepEqual(Object.keys(s).sort(), ["detail", "kind"], "facts, no English words");
    clock.advance(60 * 60_000);
    assert.equal(sockets.length, 3);
  });

  test("a 401 after the socket had been live is a revoked token: no other form is tried", () => {
    const { clock, manager, sockets, last } = setup();
    manager.start();
    last().open();
    last().drop();
    clock.advance(1_000);
    last().reject(401, "Invalid access token");
    assert.equal(manager.state.kind, "rejected");
    assert.equal(sockets.length, 2);
  });

  test("a 404 at the upgrade tries the query token, then server-sent events, then says so and polls", () => {
    const { clock, manager, sockets, last, states } = setup();
    manager.subscribe({ stream: "public:local" }, () => {});
    manager.start();
    last().reject(404);
    // The query-token form: the stream and the token in the URL, no header.
    const q = new URL(last().url);
    assert.equal(q.pathname, "/api/v1/streaming");
    assert.equal(q.searchParams.get("stream"), "user");
    assert.equal(q.searchParams.get("access_token"), "secret-token");
    last().reject(404);
    // Server-sent events: an https URL per stream, the token in the header again.
    assert.equal(last().url, "https://example.social/api/v1/streaming/user");
    assert.equal(last().headers.Authorization, "Bearer secret-token");
    last().reject(404);
    const s = manager.state;
    assert.equal(s.kind, "unavailable");
    assert.equal(s.kind === "unavailable" ? s.status : 0, 404);
    assert.ok(!states.some((x) => x.kind === "reconnecting"), "never 'reconnecting'");
    clock.advance(9 * 60_000);
    assert.equal(sockets.length, 3, "no hammering while unavailable");
    clock.advance(70_000);
    assert.equal(sockets.length, 4, "asks again from the top after ten minutes");
    assert.equal(last().url, "wss://example.social/api/v1/streaming");
  });

  test("a server without header auth or multiplexing streams each subscription on its own query-token socket", () => {
    const { manager, sockets, last } = setup();
    const got: string[] = [];
    manager.subscribe({ stream: "public:local" }, (ev) => {
      if (ev.kind === "update") got.push(ev.status.id);
    });
    manager.start();
    last().reject(401, "Missing access token");
    last().open();
    assert.equal(manager.state.kind, "live");
    const local = sockets.find((s) => new URL(s.url).searchParams.get("stream") === "public:local");
    assert.ok(local, "a socket of its own for public:local");
    local.open();
    local.frame(updateFrame(["public:local"], "42"));
    assert.deepEqual(got, ["42"]);
    assert.deepEqual(local.subscriptions(), [], "no subscribe messages on a one-stream socket");
  });

  test("a redirect at the upgrade moves to the streaming host it names", () => {
    const { manager, last } = setup();
    manager.start();
    last().reject(301, "", "https://streaming.example.social/api/v1/streaming");
    assert.equal(last().url, "wss://streaming.example.social/api/v1/streaming");
    assert.equal(last().headers.Authorization, "Bearer secret-token");
  });

  test("a redirect to a cleartext non-loopback host is not followed with the token", () => {
    const { manager, sockets, last } = setup();
    manager.start();
    last().reject(302, "", "http://evil.example/api/v1/streaming");
    assert.ok(sockets.every((s) => !s.url.startsWith("ws://evil")));
  });

  test("an error frame reaches only the subscription that caused it", () => {
    const { manager, last } = setup();
    const seen: Record<string, Array<Parameters<StreamListener>[0]>> = { good: [], bad: [] };
    manager.subscribe({ stream: "public" }, (ev) => seen.good!.push(ev));
    manager.start();
    last().open();
    last().frame(updateFrame(["public"], "1"));
    manager.subscribe({ stream: "hashtag", tag: "nope" }, (ev) => seen.bad!.push(ev));
    last().frame({ error: "Unknown stream type", status: 400 });
    last().frame(updateFrame(["public"], "2"));
    assert.deepEqual(
      seen.bad!.map((e) => e.kind),
      ["error"],
    );
    assert.deepEqual(
      seen.good!.map((e) => e.kind),
      ["update", "update"],
    );
    assert.equal(manager.state.kind, "live");
  });

  test("bad frames are ignored and the stream keeps flowing", () => {
    const { manager, last } = setup();
    const got: string[] = [];
    manager.subscribe({ stream: "public" }, (ev) => {
      if (ev.kind === "update") got.push(ev.status.id);
      if (ev.kind === "delete") got.push(`-${ev.id}`);
    });
    manager.start();
    last().open();
    last().frame("not json");
    last().frame(Buffer.from([0, 1, 2]));
    last().frame({ stream: ["public"], event: "update", payload: 5 });
    last().frame({ stream: ["public"], event: "delete", payload: "1099511627776123457" });
    last().frame(updateFrame(["public"], "3"));
    assert.deepEqual(got, ["-1099511627776123457", "3"]);
    assert.equal(manager.state.kind, "live");
  });

  test("close() stops everything: no more connects", () => {
    const { clock, manager, sockets, last } = setup();
    manager.start();
    last().drop();
    manager.close();
    clock.advance(60_000);
    assert.equal(sockets.length, 1);
    assert.equal(manager.state.kind, "closed");
  });
});
