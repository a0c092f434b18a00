import assert from "node:assert/strict";
import { after, describe, test } from "node:test";
import fc from "fast-check";
import {
  cellWidth,
  FALLBACK_WIDTHS,
  sanitizeText,
  setTerminalWidths,
  toTerminalSafe,
} from "../../src/render/index.js";
import { PROBES, widthsFromAdvances } from "../../src/ui/terminal/width-probe.js";
import { EMULATORS, skipUnlessAvailable } from "../helpers/terminal.js";
import { cursorAdvanceInTmux } from "./harness/tmux-cursor.js";

const samples = [
  "漢字かな한국어",
  "😀🎉🗼✨⌚",
  "☁️ ❤️ ✔️",
  "👍🏽👋🏿",
  "👨‍👩‍👧 🏳️‍🌈 👩‍💻",
  "🇫🇷🇩🇪🇯🇵",
  "مرحبا بالعالم ﷺ",
  "שָׁלוֹם",
  "e\u0301\u0302\u0303\u0304\u0305\u0306\u0307",
  "\u0e01\u0e34\u0e4a",
  "नमस्ते",
  "Ａｂｃ１２３",
  "\ud83e\udef0 \ud83e\udee8",
  "\u200b\u200c\u200d\u2060\ufeff",
  "\u{1f9d1}\u200d\u{1f91d}\u200d\u{1f9d1}",
];

for (const emulator of EMULATORS)
  describe(`cellWidth equals how far ${emulator} moves the cursor`, {
    skip: skipUnlessAvailable(emulator),
  }, () => {
    // Terminals disagree (xterm.js draws with Unicode 11-era widths, tmux with glibc's): what
    // is compared is tootty's layout after the start-up probe's questions, put to this
    // terminal, against where the terminal then puts the cursor for what tootty writes.
    test("for sanitised text in many scripts and emoji forms, after the width probe", async () => {
      const names = Object.keys(PROBES) as (keyof typeof PROBES)[];
      const answers = await cursorAdvanceInTmux(Object.values(PROBES), 80, emulator);
      const advance = Object.fromEntries(names.map((n, i) => [n, answers[i]!]));
      const widths = widthsFromAdvances(advance as never, emulator === "tmux");
      assert.ok(widths, `${emulator} answered the probe as a terminal that follows wcwidth`);
      setTerminalWidths(widths);
      after(() => setTerminalWidths(FALLBACK_WIDTHS));
      const random = fc.sample(fc.string({ unit: "grapheme", minLength: 1, maxLength: 12 }), {
        numRuns: 60,
        seed: 7,
      });
      const strings = [...samples, ...random].map((s) => toTerminalSafe(sanitizeText(s)));
      const columns = await cursorAdvanceInTmux(strings, 250, emulator);
      strings.forEach((s, i) => {
        assert.equal(
          cellWidth(s),
          columns[i],
          `${JSON.stringify(s)} ${[...s].map((c) => c.codePointAt(0)!.toString(16)).join(" ")}`,
        );
      });
    });
  });
