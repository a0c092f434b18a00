// The first-paint hook (trace mark, memory mode) fires after a frame that shows toots.
import assert from "node:assert/strict";
import { EventEmitter } from "node:events";
import { describe, test } from "node:test";
import { whenDrawn } from "../../src/cli/trace.js";

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

describe("first frame with toots", () => {
  test("waits for a frame drawn while toots are shown, then runs once", async () => {
    const screen = new EventEmitter();
    let toots = 0;
    let runs = 0;
    whenDrawn(
      screen,
      () => toots > 0,
      () => runs++,
    );
    screen.emit("render");
    await nextTurn();
    assert.equal(runs, 0, "a frame without toots");
    toots = 3;
    await nextTurn();
    assert.equal(runs, 0, "toots arrived but not drawn yet");
    screen.emit("render");
    assert.equal(runs, 0, "not before the frame is written (next tick)");
    await nextTurn();
    assert.equal(runs, 1);
    screen.emit("render");
    await nextTurn();
    assert.equal(runs, 1);
  });

  test("runs at once (after the write) when the frame just drawn has toots", async () => {
    let runs = 0;
    whenDrawn(
      new EventEmitter(),
      () => true,
      () => runs++,
    );
    await nextTurn();
    assert.equal(runs, 1);
  });
});
