import assert from "node:assert/strict";
import { before, describe, test } from "node:test";
import fc from "fast-check";
import {
  cellWidth,
  padToWidth,
  pickTheme,
  renderStatus,
  sanitizeText,
  stripAnsi,
  truncateToWidth,
  warmUpCodeHighlighting,
} from "../../src/render/index.js";
import { blessedCells } from "./harness/blessed-cells.js";
import { makeAccount, makeStatus, NOW } from "./make-status.js";

describe("cellWidth counts cells as the terminal lays them out", () => {
  const cases: Array<[string, string, number]> = [
    ["ASCII", "hello", 5],
    ["CJK is two cells each", "漢字", 4],
    ["emoji is two cells", sanitizeText("😀"), 2],
    ["combining marks are zero", "e\u0301", 1],
    ["Arabic letters are one cell each", "مرحبا", 5],
    ["SGR codes take no cells", "\x1b[31mred\x1b[39m", 3],
    ["OSC 8 links take no cells", "\x1b]8;;https://a.example\x1b\\a\x1b]8;;\x1b\\", 1],
    ["a cloud with VS16 is one cell once sanitised (wcwidth)", sanitizeText("☁️"), 1],
    ["a ZWJ family is drawn as its three parts", sanitizeText("👨‍👩‍👧"), 6],
    ["a flag is two regional indicators of one cell", "🇫🇷", 2],
  ];
  for (const [what, s, w] of cases) {
    test(what, () => assert.equal(cellWidth(s), w));
  }
});

describe("truncateToWidth and padToWidth", () => {
  test("cut at a grapheme boundary with an ellipsis, never inside a wide character", () => {
    assert.equal(truncateToWidth("漢字漢字", 5), "漢字…");
    assert.equal(truncateToWidth("e\u0301e\u0301e\u0301", 2), "e\u0301…");
    assert.equal(truncateToWidth("short", 10), "short");
  });
  test("keep colour codes balanced when cutting", () => {
    const cut = truncateToWidth("\x1b[31mredredred\x1b[39m", 4);
    assert.equal(stripAnsi(cut), "red…");
    assert.ok(cut.endsWith("\x1b[0m"));
  });
  test("pad to the exact width with spaces", () => {
    assert.equal(padToWidth("漢", 4), "漢  ");
    assert.equal(cellWidth(padToWidth("\x1b[1mabc\x1b[22m", 6)), 6);
    assert.equal(cellWidth(padToWidth("漢字漢字", 5)), 5);
  });
});

// Random toots mixing the scripts that break terminal layouts.
const piece = fc.constantFrom(
  "漢字",
  "かな",
  "한국어",
  "😀",
  "👍🏽",
  "👨‍👩‍👧",
  "🏳️‍🌈",
  "☁️",
  "🇫🇷",
  "مرحبا",
  "بالعالم",
  "שלום",
  "e\u0301\u0302",
  "a\u0300\u0301\u0302\u0303\u0304\u0305",
  "\u200b",
  "word",
  "x",
  " ",
  " ",
  "  ",
  "superlongwordwithoutanyspacesatall",
  "ﷺ",
  "\u0e01\u0e34",
  "\ud83e\udef0",
);
const mixed = fc.array(piece, { minLength: 1, maxLength: 40 }).map((a) => a.join(""));

describe("width property: rendered lines fit and blessed agrees with the terminal", () => {
  // Code blocks are then highlighted through marked-terminal: the same rules hold for them.
  before(() => warmUpCodeHighlighting());

  test("no line wider than the width, and blessed fills as many cells as cellWidth, at widths 20–200", () => {
    fc.assert(
      fc.property(
        mixed,
        mixed,
        mixed,
        fc.integer({ min: 20, max: 200 }),
        (name, body, cw, width) => {
          const status = makeStatus({
            account: makeAccount({ displayName: name }),
            content: `<p>${body}</p><blockquote><p>${body}</p></blockquote><ul><li>${name}</li></ul><pre>${body}</pre>`,
            spoilerText: cw,
          });
          for (const [expanded, unicode] of [
            [false, true],
            [true, true],
            [true, false],
          ]) {
            const lines = renderStatus(status, {
              width,
              theme: pickTheme("dark", 3),
              now: NOW,
              expanded,
              unicode,
            });
            for (const line of lines) {
              const plain = stripAnsi(line);
              assert.ok(cellWidth(line) <= width, `too wide at ${width}: ${JSON.stringify(plain)}`);
              assert.equal(
                blessedCells(plain),
                cellWidth(plain),
                `blessed disagrees: ${JSON.stringify(plain)}`,
              );
            }
          }
        },
      ),
      { numRuns: 400 },
    );
  });

  test("every width from 20 to 200 for one dense toot", () => {
    const status = makeStatus({
      content: "<p>漢字😀👨‍👩‍👧 مرحبا بالعالم e\u0301 ☁️ 🇫🇷 longwordlongwordlongword</p>".repeat(3),
    });
    for (let width = 20; width <= 200; width++) {
      for (const line of renderStatus(status, { width, theme: pickTheme("dark", 3), now: NOW })) {
        assert.ok(cellWidth(line) <= width);
        assert.equal(blessedCells(stripAnsi(line)), cellWidth(stripAnsi(line)));
      }
    }
  });
});
