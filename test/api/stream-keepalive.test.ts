// Finding a silent socket without waiting for the server: tootty pings a WebSocket every
// third of the watchdog period and counts it live only once it answers (RFC 6455 §5.5.2: a
// ping must be answered with a pong). A stream that cannot be pinged (server-sent events)
// waits for the server's own 30 s keep-alive, so its watchdog is never shorter than that.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { FakeClock } from "../../src/api/clock.js";
import { SERVER_KEEPALIVE_MS, StreamManager } from "../../src/api/stream.js";
import { fakeSocketFactory, updateFrame } from "./helpers/fake-socket.js";

function setup(watchdogMs: number, pingable = true) {
  const clock = new FakeClock();
  const { factory, sockets } = fakeSocketFactory({ pingable });
  const manager = new StreamManager({
    streamingUrl: "wss://example.social/",
    accessToken: "secret-token",
    clock,
    socketFactory: factory,
    sseFactory: factory,
    random: () => 0.5,
    watchdogMs,
  });
  const last = () => sockets[sockets.length - 1]!;
  return { clock, manager, sockets, last };
}

describe("stream keep-alive", () => {
  test("a healthy socket on a server that never pings stays up: each ping of ours is answered", () => {
    const { clock, manager, sockets, last } = setup(6_000);
    manager.start();
    last().open();
    for (let t = 0; t < 60_000; t += 500) clock.advance(500);
    assert.equal(sockets.length, 1, "never dropped");
    assert.equal(manager.state.kind, "live");
    // One ping at once, then every 2 s (a third of the watchdog).
    assert.ok(last().pings >= 30, `pinged ${last().pings} times`);
  });

  test("a socket that opens but never answers is not live, and is dropped within the watchdog time", () => {
    const { clock, manager, sockets, last } = setup(6_000);
    manager.subscribe({ stream: "user" }, () => {});
    manager.start();
    last().answersPings = false;
    last().open();
    assert.equal(manager.state.kind, "connecting", "opened, but not heard from");
    assert.deepEqual(last().subscriptions(), ["user"], "subscribed while waiting to hear");
    clock.advance(5_900);
    assert.equal(manager.state.kind, "connecting");
    clock.advance(200);
    assert.equal(sockets[0]!.terminated, true);
    assert.equal(manager.state.kind, "reconnecting");
  });

  test("a live socket that goes silent is dropped within the watchdog time, and the next one is live when it answers", () => {
    const { clock, manager, sockets, last } = setup(6_000);
    manager.start();
    last().open();
    assert.equal(manager.state.kind, "live", "answered the first ping");
    clock.advance(10_000);
    assert.equal(manager.state.kind, "live");
    last().answersPings = false;
    clock.advance(6_100);
    assert.equal(sockets[0]!.terminated, true, "dropped within 6 s of its last answer");
    assert.notEqual(manager.state.kind, "live");
    clock.advance(1_000);
    assert.equal(sockets.length, 2);
    last().open();
    assert.equal(manager.state.kind, "live");
  });

  test("a frame is a sign of life too", () => {
    const { clock, manager, last } = setup(6_000);
    manager.subscribe({ stream: "user" }, () => {});
    manager.start();
    last().answersPings = false;
    last().open();
    clock.advance(1_000);
    last().frame(updateFrame(["user"], "1"));
    assert.equal(manager.state.kind, "live");
  });

  test("a stream that cannot be pinged keeps the server's 30 s keep-alive as its lower bound", () => {
    const { clock, manager, sockets, last } = setup(6_000, false);
    manager.start();
    last().open();
    assert.equal(manager.state.kind, "live", "live on open: nothing to wait for");
    clock.advance(SERVER_KEEPALIVE_MS - 100);
    assert.equal(sockets[0]!.terminated, false, "not dropped after 6 s of quiet");
    clock.advance(200);
    assert.equal(sockets[0]!.terminated, true);
  });
});
