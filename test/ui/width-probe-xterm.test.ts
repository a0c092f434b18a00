// The width probe in a real xterm.js (the emulator of VS Code's and many web terminals): it
// answers `CSI 6 n` as the stand-in in width-probe.test.ts says it does — a ZWJ family as its
// parts, new emoji past Unicode 12 one cell — and so differently from tmux, whose answer
// carries its cell byte limit instead (width-probe-tmux.test.ts lays out by it).
import assert from "node:assert/strict";
import { test } from "node:test";
import { skipUnlessAvailable } from "../helpers/terminal.js";
import { probeWidthsIn } from "./terminal-harness.js";

test("xterm.js answers the probe with its own widths, not tmux's", {
  skip: skipUnlessAvailable("xterm") || skipUnlessAvailable("tmux"),
}, async () => {
  const xterm = await probeWidthsIn("xterm");
  assert.deepEqual(xterm, {
    zwjJoins: false,
    modifierJoins: false,
    vs16Wide: false,
    flagCells: 2,
    unicodeVersion: 12,
  });
  const tmux = await probeWidthsIn("tmux");
  assert.ok(tmux, "tmux answered");
  assert.notDeepEqual(tmux, xterm, "the two terminals answer differently");
  assert.equal(tmux.unicodeVersion, undefined, "tmux's table is not cut at Unicode 12");
});
