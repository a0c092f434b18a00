import assert from "node:assert/strict";
import { EventEmitter } from "node:events";
import { describe, test } from "node:test";
import { toAscii } from "../../src/ui/terminal/ascii.js";
import { detectColorLevel, detectTerminal } from "../../src/ui/terminal/capabilities.js";
import { installLifecycle } from "../../src/ui/terminal/lifecycle.js";
import { RESTORE_SEQUENCE } from "../../src/ui/terminal/restore.js";

describe("colour level from the terminal", () => {
  const cases: [string, NodeJS.ProcessEnv, number][] = [
    ["xterm-256color is 256 colours", { TERM: "xterm-256color" }, 2],
    ["screen-256color is 256 colours", { TERM: "screen-256color" }, 2],
    ["tmux-256color is 256 colours", { TERM: "tmux-256color" }, 2],
    ["plain xterm is 16 colours", { TERM: "xterm" }, 1],
    ["the Linux console is 16 colours", { TERM: "linux" }, 1],
    ["vt100 has none", { TERM: "vt100" }, 0],
    ["COLORTERM=truecolor is truecolor", { TERM: "xterm-256color", COLORTERM: "truecolor" }, 3],
    ["a -direct TERM is truecolor", { TERM: "xterm-direct" }, 3],
    [
      "NO_COLOR wins over everything",
      { TERM: "xterm-256color", COLORTERM: "truecolor", NO_COLOR: "1" },
      0,
    ],
    ["FORCE_COLOR=3 forces truecolor", { TERM: "vt100", FORCE_COLOR: "3" }, 3],
  ];
  for (const [name, env, level] of cases) {
    test(name, () => assert.equal(detectColorLevel(env, true), level));
  }
  test("no colour when the output is not a terminal", () => {
    assert.equal(detectColorLevel({ TERM: "xterm-256color" }, false), 0);
  });
});

describe("locale", () => {
  test("LC_ALL overrides LANG, and only a UTF-8 charset means Unicode", () => {
    assert.equal(detectTerminal({ LANG: "C.UTF-8" }, {}).unicode, true);
    assert.equal(detectTerminal({ LANG: "en_GB.utf8" }, {}).unicode, true);
    assert.equal(detectTerminal({ LANG: "C" }, {}).unicode, false);
    assert.equal(detectTerminal({ LANG: "C.UTF-8", LC_ALL: "POSIX" }, {}).unicode, false);
  });
  test("ASCII fallback keeps one character per replaced character", () => {
    const s = "┌─ Home · live ─┐ • ↩ 0 ↻ 3 ☆ 4 東";
    const a = toAscii(s);
    assert.equal(a, "+- Home - live -+ * < 0 R 3 * 4 ?");
    assert.equal(a.length, s.length);
  });
});

describe("lifecycle", () => {
  function harness() {
    const events: string[] = [];
    const proc = new EventEmitter();
    let exited: (code: number) => void = () => {};
    const exitCode = new Promise<number>((r) => {
      exited = r;
    });
    installLifecycle({
      destroyScreen: () => events.push("destroy"),
      cleanup: async () => {
        events.push("cleanup");
      },
      exit: (code) => {
        events.push(`exit ${code}`);
        exited(code);
      },
      stdin: {
        isTTY: true,
        setRawMode: (m) => events.push(`raw ${m}`),
        pause: () => events.push("pause"),
      },
      stdout: { isTTY: true, write: (s) => events.push(s === RESTORE_SEQUENCE ? "restore" : s) },
      stderr: { write: (s) => events.push(`stderr ${s.split("\n")[0]}`) },
      proc,
    });
    return { events, proc, exitCode };
  }

  test("SIGHUP restores the terminal, then closes, then exits 129", async () => {
    const { events, proc, exitCode } = harness();
    proc.emit("SIGHUP");
    assert.equal(await exitCode, 129);
    assert.deepEqual(events, ["destroy", "raw false", "pause", "restore", "cleanup", "exit 129"]);
  });

  test("a crash prints its message after the terminal is restored, and exits 1", async () => {
    const { events, proc, exitCode } = harness();
    proc.emit("uncaughtException", new Error("boom"));
    assert.equal(await exitCode, 1);
    const restoredAt = events.indexOf("restore");
    const messageAt = events.findIndex((e) => e.startsWith("stderr tootty: crashed: Error: boom"));
    assert.ok(restoredAt >= 0 && messageAt > restoredAt, events.join(" | "));
  });

  test("a second signal during shutdown does not restore or exit twice", async () => {
    const { events, proc, exitCode } = harness();
    proc.emit("SIGTERM");
    proc.emit("SIGTERM");
    assert.equal(await exitCode, 143);
    assert.equal(events.filter((e) => e === "destroy").length, 1);
  });
});
