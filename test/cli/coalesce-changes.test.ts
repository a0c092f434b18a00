// Changes in one turn of the event loop reach a pane's listeners once, before any timer.
import assert from "node:assert/strict";
import { readFile } from "node:fs";
import { describe, test } from "node:test";
import { fileURLToPath } from "node:url";
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

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

describe("pane change notifications", () => {
  test("1000 changes in one turn reach the listener once", async () => {
    const pane = fakePane();
    let calls = 0;
    coalesceChanges(pane).onChange(() => calls++);
    for (let i = 0; i < 1000; i++) pane.change();
    assert.equal(calls, 0);
    await nextTurn();
    assert.equal(calls, 1);
    await nextTurn();
    assert.equal(calls, 1, "nothing more without changes");
    pane.change();
    await nextTurn();
    assert.equal(calls, 2, "a later change is passed on too");
  });

  test("a paint timer set by the same network event runs after the listener", async () => {
    const pane = fakePane();
    const order: string[] = [];
    coalesceChanges(pane).onChange(() => order.push("synced"));
    await new Promise<void>((resolve) => {
      // Toots arrive in an I/O callback, as from the socket; a flash there schedules a paint.
      readFile(fileURLToPath(import.meta.url), () => {
        pane.change();
        setTimeout(() => {
          order.push("painted");
          resolve();
        }, 0);
      });
    });
    assert.deepEqual(order, ["synced", "painted"]);
  });

  test("unsubscribing drops a pending notification", async () => {
    const pane = fakePane();
    let calls = 0;
    const off = coalesceChanges(pane).onChange(() => calls++);
    pane.change();
    off();
    await nextTurn();
    assert.equal(calls, 0);
  });

  test("everything else about the pane is unchanged", () => {
    const wrapped = coalesceChanges(fakePane());
    assert.equal(wrapped.title, "Home");
    assert.deepEqual(wrapped.items(), ["a", "b"]);
  });
});
