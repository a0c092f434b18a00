// The width probe in a real terminal: tmux answers `CSI 6 n`, and what tootty learns from it
// lays every sample out in exactly the cells tmux then moves the cursor by.
import assert from "node:assert/strict";
import { after, test } from "node:test";
import fc from "fast-check";
import {
  cellWidth,
  FALLBACK_WIDTHS,
  sanitizeText,
  setTerminalWidths,
} from "../../src/render/index.js";
import { tmuxAvailable } from "../render/harness/tmux-box.js";
import { cursorAdvanceInTmux } from "../render/harness/tmux-cursor.js";
import { probeWidthsIn } from "./terminal-harness.js";

after(() => setTerminalWidths(FALLBACK_WIDTHS));
const samples = [
  "👨‍👩‍👧",
  "👨‍👩‍👧‍👦 family",
  "👩🏽‍🍳 cook",
  "🧑🏻‍🤝‍🧑🏾",
  "🏃‍♀️ run",
  "🏳️‍🌈 🏴‍☠️",
  "❤️‍🔥",
  "👍🏽👋🏿",
  "☁️ ❤️ ✔️ 1️⃣",
  "🇫🇷🇩🇪🇯🇵",
  "🇯",
  "漢字かな한국어",
  "😀🎉🗼✨⌚",
  "مرحبا بالعالم",
  "e\u0301\u0302",
];

test("tmux answers the probe, and the layout it gives matches tmux's cursor", {
  skip: !tmuxAvailable() && "tmux not installed",
}, async () => {
  const widths = await probeWidthsIn("tmux");
  assert.ok(widths, "tmux answered every probe within the timeout");
  setTerminalWidths(widths);
  const random = fc.sample(fc.string({ unit: "grapheme", minLength: 1, maxLength: 12 }), {
    numRuns: 40,
    seed: 11,
  });
  const strings = [...samples, ...random].map(sanitizeText);
  const columns = await cursorAdvanceInTmux(strings);
  strings.forEach((s, i) => {
    assert.equal(
      cellWidth(s),
      columns[i],
      `${JSON.stringify(s)} ${[...s].map((c) => c.codePointAt(0)!.toString(16)).join(" ")} with ${JSON.stringify(widths)}`,
    );
  });
});
