// Incremental redraws must leave the terminal exactly as a full repaint would draw it, and
// Ctrl-L must give that full repaint on demand. Both checked in tmux, which places every
// character by its own widths: whatever blessed believes, the capture is what the user sees.
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { after, test } from "node:test";
import { killAll } from "../ui/terminal-harness.js";
import { incrementalEqualsFull, settled, startQuiet } from "./redraw-property.js";

after(killAll);

test("Ctrl-L clears what another program wrote over the screen and draws every cell again", async () => {
  const { session } = await startQuiet(120, 30);
  const clean = await settled(session);
  // Another program writing to the same terminal (a `wall` message, a background job).
  // The terminal tootty writes to, as another process on the machine would reach it.
  const tty = `/proc/${session.pid()}/fd/1`;
  writeFileSync(tty, "\x1b[6;10HGARBAGE-OVER-THE-PANES\x1b[12;1H#####");
  await session.waitForText("GARBAGE-OVER-THE-PANES");
  session.send("C-l");
  await session.waitFor((s) => !s.includes("GARBAGE") && !s.includes("#####"), "the redraw");
  assert.equal(await settled(session), clean);

  session.send("?");
  const help = await session.waitForText("redraw the whole screen");
  assert.match(help, /Ctrl-l\s+redraw the whole screen/);
  // Ctrl-L works over an overlay too, and leaves it open.
  writeFileSync(tty, "\x1b[3;3HGARBAGE-OVER-THE-HELP");
  await session.waitForText("GARBAGE-OVER-THE-HELP");
  session.send("C-l");
  const redrawn = await session.waitFor((s) => !s.includes("GARBAGE"), "the redraw");
  assert.match(redrawn, /redraw the whole screen/);
});

test("at 150×40, after random keys and streamed toots the screen equals a full repaint", () =>
  incrementalEqualsFull(150, 40, 8));
