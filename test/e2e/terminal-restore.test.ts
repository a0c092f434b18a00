// However tootty ends — q, Ctrl-c, SIGTERM, SIGHUP (an SSH drop), an uncaught error — the
// terminal is handed back usable: main screen, cursor visible, echo and line editing on; a
// crash message is printed after the restore, so it stays on the user's screen.
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, test } from "node:test";
import { until } from "../helpers/e2e.js";
import { nodeUnder } from "../helpers/processes.js";
import { startTerminal, type TerminalSession } from "../helpers/terminal.js";
import { BIN, CRASH_PRELOAD, killAll, startTootty } from "../ui/terminal-harness.js";

after(killAll);

// Prints the terminal modes a shell needs, once tootty has ended, in the same terminal.
const STTY_REPORT =
  "printf 'modes:'; stty -a | tr ' ;' '\\n\\n' | grep -x -e echo -e -echo -e icanon -e -icanon | tr '\\n' ' '; echo";

/** The node process running tootty inside the terminal (a descendant of its shell). */
function tootPid(session: TerminalSession): number {
  return nodeUnder(session.pid());
}

const ways: { name: string; end: (s: TerminalSession) => void; code: number; preload?: boolean }[] =
  [
    { name: "q", end: (s) => s.send("q"), code: 0 },
    { name: "Ctrl-c", end: (s) => s.send("C-c"), code: 0 },
    { name: "SIGTERM", end: (s) => process.kill(tootPid(s), "SIGTERM"), code: 143 },
    { name: "SIGHUP (SSH dropped)", end: (s) => process.kill(tootPid(s), "SIGHUP"), code: 129 },
    {
      name: "an uncaught error",
      end: (s) => process.kill(tootPid(s), "SIGUSR2"),
      code: 1,
      preload: true,
    },
  ];

describe("the terminal is restored", { concurrency: 3 }, () => {
  for (const way of ways) {
    test(`after ${way.name}: main screen, cursor shown, echo and icanon back`, async () => {
      const { session } = await startTootty({
        cols: 100,
        rows: 30,
        after: STTY_REPORT,
        nodeArgs: way.preload ? ["--import", CRASH_PRELOAD] : [],
      });
      await session.waitFor((s) => s.includes("Home ·") && s.includes("@"), "toots on screen");
      way.end(session);
      assert.equal(await session.waitForExit(), way.code);
      const screen = session.capture();
      const restored = session.terminalRestored();
      assert.equal(restored.alternateScreen, false, `left the alternate screen:\n${screen}`);
      assert.equal(restored.cursorVisible, true, "cursor visible");
      const modes = /modes:(.*)/.exec(screen)?.[1]?.trim().split(/\s+/) ?? [];
      assert.deepEqual(modes.sort(), ["echo", "icanon"], `terminal modes after exit:\n${screen}`);
      assert.ok(!/Home ·|┌/.test(screen), `no pane left on the shell's screen:\n${screen}`);
      if (way.preload) {
        assert.match(screen, /tootty: crashed: Error: deliberate crash/);
      } else {
        assert.ok(!screen.includes("crashed"), "no crash message on a normal exit");
      }
    });
  }
});

describe("when the terminal itself goes away (SSH connection lost)", () => {
  test("tootty ends by SIGHUP, without a crash report or a segfault", async () => {
    const dir = mkdtempSync(join(tmpdir(), "tootty-hup-"));
    const rc = join(dir, "rc");
    const err = join(dir, "stderr");
    // The shell ignores the hang-up so it can report how tootty ended.
    const session = startTerminal({
      command: [
        "sh",
        "-c",
        `trap '' HUP; "$@" 2>'${err}'; echo $? > '${rc}'`,
        "sh",
        process.execPath,
        BIN,
        "--demo",
      ],
      cols: 100,
      rows: 30,
      env: { TOOTTY_CONFIG_DIR: join(dir, "config") },
    });
    await session.waitFor((s) => s.includes("Home ·") && s.includes("▌"), "toots on screen");
    session.kill(); // closes the pty: every write now fails with EIO, and SIGHUP follows
    await until(
      "tootty to end after its terminal went away",
      () => existsSync(rc) && readFileSync(rc, "utf8").trim() !== "",
      10_000,
    );
    assert.equal(readFileSync(rc, "utf8").trim(), "129", "ended by SIGHUP (not 139, a segfault)");
    assert.ok(!readFileSync(err, "utf8").includes("crashed"), readFileSync(err, "utf8"));
  });
});
