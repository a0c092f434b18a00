// Every frame reaches the terminal whole: blessed's draw output sits between the begin and end
// marks of synchronized output (mode 2026), so a terminal that knows the mode never shows half
// a redraw on a slow link. Writes that are not frames (a title, a mode) pass unmarked.
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { PassThrough } from "node:stream";
import { test } from "node:test";
import { installBlessedWidthFix, installCellModel } from "../../src/render/blessed-fit.js";
import { RESTORE_SEQUENCE } from "../../src/ui/terminal/restore.js";
import {
  installSynchronizedFrames,
  SYNC_BEGIN,
  SYNC_END,
} from "../../src/ui/terminal/synchronized-output.js";

const blessed = createRequire(import.meta.url)("blessed");
installBlessedWidthFix(blessed);

test("each drawn frame is one synchronized update, and nothing drawn is outside one", async () => {
  const output = Object.assign(new PassThrough(), { columns: 40, rows: 6, isTTY: true });
  const input = Object.assign(new PassThrough(), { isTTY: true, setRawMode: () => {} });
  let written = "";
  output.on("data", (chunk: Buffer) => {
    written += chunk.toString("utf8");
  });
  const screen = blessed.screen({
    input,
    output,
    terminal: "xterm-256color",
    fullUnicode: true,
    smartCSR: true,
    warnings: false,
  });
  installCellModel(screen);
  installSynchronizedFrames(screen);
  const box = blessed.box({ parent: screen, top: 0, left: 0, width: 40, height: 4 });
  box.setContent("first frame 日本");
  screen.render();
  box.setContent("second frame عربي");
  screen.render();
  await new Promise<void>((resolve) => setImmediate(resolve));
  screen.destroy();

  const frames = written.split(SYNC_BEGIN).slice(1);
  const drawn = frames.map((f) => f.slice(0, f.indexOf(SYNC_END)));
  assert.ok(
    drawn.some((f) => f.includes("first")),
    "the first frame is marked",
  );
  assert.ok(
    drawn.some((f) => f.includes("second")),
    "the second frame is marked",
  );
  for (const f of frames) assert.ok(f.includes(SYNC_END), "every frame is ended");
  // What lies outside the marks holds none of the frames' text (blessed skips a blank cell
  // with a cursor move, so "first frame" is written as two words).
  const outside = written.replace(/\x1b\[\?2026h[\s\S]*?\x1b\[\?2026l/g, "");
  assert.doesNotMatch(outside, /first|second|frame|日本|عربي/);
});

test("leaving the terminal ends a frame a crash cut off", () => {
  assert.ok(RESTORE_SEQUENCE.includes(SYNC_END));
});
