// A burst of changes reaches a pane's listeners once per frame; a lone change at once.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { FakeClock } from "../../src/api/clock.js";
import { coalesceChanges } from "../../src/cli/coalesce-changes.js";

function fakePane() {
  const listeners = new Set<() => void>();
  return {
    title: "Home",
    items: () => ["a", "b"],
    onChange(listener: () => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    change() {
      for (const l of [...listeners]) l();
    },
  };
}

describe("pane change notifications", () => {
  test("a lone change is passed on at once", () => {
    const clock = new FakeClock();
    const pane = fakePane();
    let calls = 0;
    coalesceChanges(pane, 33, clock).onChange(() => calls++);
    pane.change();
    assert.equal(calls, 1);
  });

  test("a burst of 1000 changes within a frame reaches the listener twice, the last after it", () => {
    const clock = new FakeClock();
    const pane = fakePane();
    let calls = 0;
    coalesceChanges(pane, 33, clock).onChange(() => calls++);
    for (let i = 0; i < 1000; i++) pane.change();
    assert.equal(calls, 1, "the first at once");
    clock.advance(32);
    assert.equal(calls, 1);
    clock.advance(1);
    assert.equal(calls, 2, "the rest of the burst, once, one frame later");
    clock.advance(1000);
    assert.equal(calls, 2, "nothing more without changes");
  });

  test("unsubscribing drops a pending notification", () => {
    const clock = new FakeClock();
    const pane = fakePane();
    let calls = 0;
    const off = coalesceChanges(pane, 33, clock).onChange(() => calls++);
    pane.change();
    pane.change();
    off();
    clock.advance(100);
    assert.equal(calls, 1);
  });

  test("everything else about the pane is unchanged", () => {
    const pane = fakePane();
    const wrapped = coalesceChanges(pane, 33, new FakeClock());
    assert.equal(wrapped.title, "Home");
    assert.deepEqual(wrapped.items(), ["a", "b"]);
  });
});
