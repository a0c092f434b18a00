// Incremental redraws must leave the terminal exactly as a full repaint would draw it, and
// Ctrl-L must give that full repaint on demand. Both checked in tmux, which places every
// character by its own widths: whatever blessed believes, the capture is what the user sees.
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { after, test } from "node:test";
import { fileURLToPath } from "node:url";
import type { TmuxSession } from "../helpers/tmux.js";
import { control, killAll, startTootty, tmuxCommand } from "../ui/terminal-harness.js";

after(killAll);

const FROZEN_CLOCK = fileURLToPath(new URL("./frozen-clock-preload.mjs", import.meta.url));

/** Waits until the screen has not changed for `quietMs`: the last paint is out. */
async function settled(tui: TmuxSession, quietMs = 400, timeoutMs = 15_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let screen = tui.capture();
  let since = Date.now();
  for (;;) {
    await new Promise((r) => setTimeout(r, 25));
    const now = tui.capture();
    if (now !== screen) {
      screen = now;
      since = Date.now();
    } else if (Date.now() - since >= quietMs) return screen;
    if (Date.now() > deadline) throw new Error(`the screen never settled:\n${screen}`);
  }
}

async function startQuiet(cols: number, rows: number) {
  const started = await startTootty({ cols, rows, nodeArgs: ["--import", FROZEN_CLOCK] });
  await started.session.waitFor((s) => s.includes("▌") && s.includes("· live"), "panes", 20_000);
  await control(started.demo, "generator", { on: false });
  return started;
}

test("Ctrl-L clears what another program wrote over the screen and draws every cell again", async () => {
  const { session } = await startQuiet(120, 30);
  const clean = await settled(session);
  // Another program writing to the same terminal (a `wall` message, a background job).
  const tty = tmuxCommand(session, "display-message", "-p", "-t", "main", "#{pane_tty}").trim();
  writeFileSync(tty, "\x1b[6;10HGARBAGE-OVER-THE-PANES\x1b[12;1H#####");
  await session.waitForText("GARBAGE-OVER-THE-PANES");
  session.send("C-l");
  await session.waitFor((s) => !s.includes("GARBAGE") && !s.includes("#####"), "the redraw");
  assert.equal(await settled(session), clean);

  session.send("?");
  const help = await session.waitForText("redraw the whole screen");
  assert.match(help, /C-l\s+redraw the whole screen/);
  // Ctrl-L works over an overlay too, and leaves it open.
  writeFileSync(tty, "\x1b[3;3HGARBAGE-OVER-THE-HELP");
  await session.waitForText("GARBAGE-OVER-THE-HELP");
  session.send("C-l");
  const redrawn = await session.waitFor((s) => !s.includes("GARBAGE"), "the redraw");
  assert.match(redrawn, /redraw the whole screen/);
});
