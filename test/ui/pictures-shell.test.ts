import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { RESERVED_MARK } from "../../src/images/pictures.js";
import { findPlacements } from "../../src/ui/shell/picture-overlay.js";
import { chooseProtocol } from "../../src/ui/shell/pictures.js";
import { parseGraphicsAnswers } from "../../src/ui/terminal/graphics-probe.js";

const DEFAULT = (0x1ff << 9) | 0x1ff;
const cell = (ch: string, fg = 0x1ff): [number, string] => [(fg << 9) | 0x1ff, ch];

function screen(width: number, height: number) {
  return Array.from({ length: height }, () =>
    Array.from({ length: width }, () => [DEFAULT, " "] as [number, string]),
  );
}

function reserve(lines: [number, string][][], slot: number, x: number, y: number, rows: number) {
  for (let r = 0; r < rows; r++) {
    if (!lines[y + r]) continue;
    lines[y + r]![x] = cell(RESERVED_MARK, slot);
    lines[y + r]![x + 1] = cell(RESERVED_MARK, r);
  }
}

describe("what the terminal answers", () => {
  test("kitty's OK before DA1, sixel in DA1's attributes, the cell size from XTWINOPS", () => {
    assert.deepEqual(parseGraphicsAnswers("\x1b_Gi=31;OK\x1b\\\x1b[?62;22c"), {
      kitty: true,
      sixel: false,
      answered: true,
    });
    assert.deepEqual(parseGraphicsAnswers("\x1b[6;20;10t\x1b[?63;1;4;6c"), {
      cellPixels: { width: 10, height: 20 },
      kitty: false,
      sixel: true,
      answered: true,
    });
    // A "4" as the terminal's class, not an attribute, is no sixel.
    assert.equal(parseGraphicsAnswers("\x1b[?4;6c").sixel, false);
    assert.deepEqual(parseGraphicsAnswers(""), { kitty: false, sixel: false, answered: false });
  });

  test("auto picks by the answers and the terminal, never by TERM alone", () => {
    const none = { kitty: false, sixel: false, answered: true };
    const kitty = { ...none, kitty: true };
    const sixel = { ...none, sixel: true, cellPixels: { width: 9, height: 18 } };
    assert.equal(chooseProtocol("auto", kitty, 2, {}), "kitty");
    assert.equal(chooseProtocol("auto", kitty, 2, { KONSOLE_VERSION: "230800" }), "blocks");
    assert.equal(chooseProtocol("auto", kitty, 2, { TMUX: "/tmp/tmux-0/default,1,0" }), "blocks");
    assert.equal(chooseProtocol("auto", sixel, 2, { TMUX: "/tmp/x,1,0" }), "sixel");
    assert.equal(chooseProtocol("auto", sixel, 2, {}), "sixel");
    assert.equal(chooseProtocol("auto", { ...sixel, cellPixels: undefined }, 2, {}), "blocks");
    assert.equal(chooseProtocol("auto", none, 2, { TERM_PROGRAM: "iTerm.app" }), "iterm");
    assert.equal(chooseProtocol("auto", none, 2, { TERM: "xterm-kitty" }), "blocks");
    assert.equal(chooseProtocol("kitty", none, 2, {}), "kitty");
    assert.equal(chooseProtocol("auto", kitty, 0, {}), "off", "no colours, no pictures");
    assert.equal(chooseProtocol("off", kitty, 3, {}), "off");
  });
});

describe("pictures drawn over the text grid", () => {
  const size = () => ({ cols: 6, rows: 3 });

  test("a picture wholly on screen is found where its first cell is", () => {
    const lines = screen(20, 8);
    reserve(lines, 5, 4, 2, 3);
    assert.deepEqual([...findPlacements(lines, size)], [[5, { x: 4, y: 2, cols: 6, rows: 3 }]]);
  });

  test("a picture cut by the pane's edge, or with text drawn over it, is not drawn", () => {
    const cut = screen(20, 4);
    reserve(cut, 5, 4, 2, 3);
    assert.equal(findPlacements(cut, size).size, 0);
    const covered = screen(20, 8);
    reserve(covered, 5, 4, 2, 3);
    covered[3]![7] = cell("x");
    assert.equal(findPlacements(covered, size).size, 0);
  });

  test("marks in server text that name no reserved picture are ignored", () => {
    const lines = screen(20, 4);
    lines[1]![0] = cell(RESERVED_MARK, 3);
    lines[1]![1] = cell(RESERVED_MARK, 0);
    assert.equal(findPlacements(lines, () => undefined).size, 0);
  });
});
