import assert from "node:assert/strict";
import { afterEach, describe, test } from "node:test";
import fc from "fast-check";
import { toBlessedCells } from "../../src/render/blessed-fit.js";
import {
  cellWidth,
  codePointWidth,
  FALLBACK_WIDTHS,
  graphemes,
  isOneCellText,
  setTerminalWidths,
  type TerminalWidths,
  units,
} from "../../src/render/width.js";

/** Every way width.ts may have been told the terminal draws sequences. */
const TERMINALS: TerminalWidths[] = [
  FALLBACK_WIDTHS,
  { zwjJoins: true, modifierJoins: true, vs16Wide: true, flagCells: 2 },
  { zwjJoins: true, modifierJoins: false, vs16Wide: true, flagCells: 1, unicodeVersion: 9 },
  { zwjJoins: false, modifierJoins: true, vs16Wide: false, flagCells: 4, cellBytes: 21 },
];

const oneCell: string[] = [];
for (let cp = 0; cp <= 0x10ffff; cp++) {
  if (cp >= 0xd800 && cp <= 0xdfff) continue;
  const ch = String.fromCodePoint(cp);
  if (isOneCellText(ch)) oneCell.push(ch);
}

/** What a toot's line holds: one-cell text beside emoji, joiners, marks, CJK and Arabic. */
const anyChar = fc.oneof(
  fc.constantFrom(...oneCell),
  fc.constantFrom(
    "👩",
    "🏽",
    "\u200d",
    "\ufe0f",
    "\u0301",
    "🇫",
    "🇷",
    "中",
    "ا",
    "\u2614",
    "\n",
    "\t",
  ),
  fc.integer({ min: 0x20, max: 0x2fff }).map((cp) => String.fromCodePoint(cp)),
);

describe("text measured without a walk through it (a picture's rows, borders, Latin text)", () => {
  afterEach(() => setTerminalWidths(FALLBACK_WIDTHS));

  test("holds only code points one cell wide in every terminal", () => {
    assert.ok(oneCell.includes("▀") && oneCell.includes("│") && oneCell.includes("é"));
    for (const terminal of TERMINALS) {
      setTerminalWidths(terminal);
      const wide = oneCell.filter((ch) => codePointWidth(ch.codePointAt(0)!) !== 1);
      assert.deepEqual(wide, []);
    }
  });

  test("is measured, split and handed to blessed as the unit walk does", () => {
    for (const terminal of TERMINALS) {
      setTerminalWidths(terminal);
      fc.assert(
        fc.property(fc.array(anyChar, { maxLength: 40 }), (chars) => {
          const text = chars.join("");
          const walked = units(text);
          assert.equal(
            cellWidth(text),
            walked.reduce((w, u) => w + u.width, 0),
          );
          assert.deepEqual(
            graphemes(text),
            walked.map((u) => u.text),
          );
          if (isOneCellText(text)) {
            assert.ok(walked.every((u) => u.width === 1 && [...u.text].length === 1));
            assert.equal(toBlessedCells(`\x1b[31m${text}\x1b[0m`, {}), `\x1b[31m${text}\x1b[0m`);
          }
        }),
        { numRuns: 3_000 },
      );
    }
  });
});
