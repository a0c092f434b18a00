// The shell's pane list changes while it runs: panes open and close, the layout, keys and tab
// bar follow, and a closed pane's source is closed (its feed, its stream subscription).
import assert from "node:assert/strict";
import { PassThrough } from "node:stream";
import { describe, test } from "node:test";
import { type PaneSource, type RunningApp, startApp } from "../../src/ui/shell/app.js";

interface Item {
  id: string;
}

/** A pane of fixed items that records whether it was closed and who listens to it. */
function fakePane(title: string, opts: { width?: number; timeline?: string } = {}) {
  const listeners = new Set<() => void>();
  const pane = {
    title,
    timeline: opts.timeline ?? title.toLowerCase(),
    width: opts.width,
    closed: 0,
    items: () => [{ id: `${title}-1` }, { id: `${title}-2` }] as Item[],
    state: () => "live",
    onChange(listener: () => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      pane.closed++;
    },
    listenerCount: () => listeners.size,
  };
  return pane satisfies PaneSource<Item>;
}

/** A terminal that is just a stream: blessed writes to it, we never read it. */
function fakeTerminal(cols: number, rows: number) {
  const stdout = Object.assign(new PassThrough(), { columns: cols, rows, isTTY: true });
  stdout.resume();
  const stdin = Object.assign(new PassThrough(), { isTTY: true, setRawMode: () => stdin });
  return {
    stdout: stdout as unknown as NodeJS.WriteStream,
    stdin: stdin as unknown as NodeJS.ReadStream,
    press(ch: string) {
      stdin.write(ch);
    },
  };
}

function start(panes: PaneSource<Item>[], cols = 160, rows = 40) {
  const term = fakeTerminal(cols, rows);
  const app: RunningApp<Item> = startApp<Item>({
    panes,
    renderItem: (item) => [item.id],
    accountLabel: "me@test",
    connectionState: () => "live",
    onConnectionChange: () => () => {},
    unicode: true,
    colorLevel: 0,
    stdin: term.stdin,
    stdout: term.stdout,
  });
  return { app, term };
}

describe("panes opened and closed while running", () => {
  test("an added pane is active and takes the place asked for; removing it closes its source", () => {
    const home = fakePane("Home");
    const local = fakePane("Local");
    const { app } = start([home, local]);
    try {
      const rust = fakePane("#rust", { timeline: "tag:rust" });
      assert.equal(app.addPane(rust, 1), 1);
      assert.deepEqual(
        app.panes().map((p) => p.title),
        ["Home", "#rust", "Local"],
      );
      assert.equal(app.context().paneIndex, 1);
      assert.equal(app.context().selected?.id, "#rust-1");
      assert.equal(rust.listenerCount(), 1);

      assert.equal(app.removePane(1), true);
      assert.equal(rust.closed, 1);
      assert.equal(rust.listenerCount(), 0, "the shell stopped listening to the closed pane");
      assert.equal(app.indexOf(rust), -1);
      assert.deepEqual(
        app.panes().map((p) => p.title),
        ["Home", "Local"],
      );
      assert.equal(home.closed + local.closed, 0);
    } finally {
      app.destroy();
    }
  });

  test("the last pane cannot be closed", () => {
    const only = fakePane("Home");
    const { app } = start([only]);
    try {
      assert.equal(app.removePane(0), false);
      assert.equal(only.closed, 0);
      assert.equal(app.panes().length, 1);
    } finally {
      app.destroy();
    }
  });

  test("closing a pane left of the active one keeps the same pane active", () => {
    const panes = ["A", "B", "C"].map((t) => fakePane(t));
    const { app } = start(panes);
    try {
      app.context().focusPane(2);
      app.removePane(0);
      assert.equal(app.context().paneIndex, 1);
      assert.equal(app.context().selected?.id, "C-1");
    } finally {
      app.destroy();
    }
  });

  test("keys 5 to 9 reach the fifth to ninth pane", async () => {
    const panes = ["A", "B", "C", "D"].map((t) => fakePane(t));
    const { app, term } = start(panes);
    try {
      for (const t of ["E", "F", "G", "H", "I"]) app.addPane(fakePane(t));
      app.context().focusPane(0);
      term.press("7");
      await waitUntil(() => app.context().paneIndex === 6, "pane 7 active");
      assert.equal(app.context().selected?.id, "G-1");
      term.press("9");
      await waitUntil(() => app.context().paneIndex === 8, "pane 9 active");
    } finally {
      app.destroy();
    }
  });
});

async function waitUntil(cond: () => boolean, what: string, timeoutMs = 2000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for: ${what}`);
    await new Promise((r) => setImmediate(r));
  }
}
