// A server known (from its software) not to stream Mastodon's way: the socket is dropped for
// good and the state says there is no streaming, even where the socket opened and answers
// pings (Misskey's forks upgrade any path, src/demo/flavour.ts "misskey").
import assert from "node:assert/strict";
import { test } from "node:test";
import { FakeClock } from "../../src/api/clock.js";
import { StreamManager } from "../../src/api/stream.js";
import { fakeSocketFactory } from "./helpers/fake-socket.js";

function setup() {
  const clock = new FakeClock();
  const { factory, sockets } = fakeSocketFactory();
  const manager = new StreamManager({
    streamingUrl: "wss://sharkey.example/",
    accessToken: "secret-token",
    clock,
    socketFactory: factory,
    sseFactory: factory,
    random: () => 0.5,
  });
  // Read through a function: an assertion on the state must not narrow the next one's type.
  const kind = (): string => manager.state.kind;
  return { clock, manager, sockets, kind };
}

test("a live socket that is withdrawn is closed and never tried again", () => {
  const { clock, manager, sockets, kind } = setup();
  manager.start();
  sockets[0]!.open();
  clock.advance(1_000);
  assert.equal(kind(), "live", "the socket answers pings");
  manager.withdraw();
  assert.equal(kind(), "unavailable");
  assert.equal(sockets[0]!.terminated, true);
  clock.advance(24 * 60 * 60_000);
  assert.equal(sockets.length, 1, "no socket opened again");
  assert.equal(kind(), "unavailable");
});

test("withdrawn before it starts, it never connects", () => {
  const { manager, sockets, kind } = setup();
  manager.withdraw();
  manager.start();
  assert.equal(sockets.length, 0);
  assert.equal(kind(), "unavailable");
});
