import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { describe, test } from "node:test";
import { inflateSync } from "node:zlib";
import { halfBlockLines, xterm256 } from "../../src/images/blocks.js";
import {
  kittyPlaceholderLines,
  kittyTransmit,
  PLACEHOLDER,
  tmuxPassthrough,
} from "../../src/images/kitty.js";
import { fitCells, resample } from "../../src/images/scale.js";
import { cellWidth, stripAnsi } from "../../src/render/width.js";

const quadrants = () => {
  // 4×4 dots: red | green over blue | white.
  const data = new Uint8Array(4 * 4 * 4);
  for (let y = 0; y < 4; y++)
    for (let x = 0; x < 4; x++) {
      const c = y < 2 ? (x < 2 ? [255, 0, 0] : [0, 255, 0]) : x < 2 ? [0, 0, 255] : [255, 255, 255];
      data.set([...c, 255], (y * 4 + x) * 4);
    }
  return { width: 4, height: 4, data };
};

describe("painting pictures", () => {
  test("resampling averages the pixels each dot covers", () => {
    const dots = resample(quadrants(), 2, 2);
    assert.deepEqual([...dots.data], [255, 0, 0, 0, 255, 0, 0, 0, 255, 255, 255, 255]);
    const one = resample(quadrants(), 1, 1);
    assert.deepEqual([...one.data], [128, 128, 128]);
  });

  test("transparent pixels take the background, not black", () => {
    const clear = { width: 1, height: 1, data: Uint8Array.from([0, 0, 0, 0]) };
    assert.deepEqual([...resample(clear, 1, 1, [200, 100, 50]).data], [200, 100, 50]);
  });

  test("half blocks: upper dot as foreground, lower as background, one line per cell row", () => {
    const lines = halfBlockLines(resample(quadrants(), 2, 4), 2);
    assert.equal(lines.length, 2);
    for (const l of lines) assert.equal(cellWidth(l), 2);
    const red = xterm256(255, 0, 0);
    const green = xterm256(0, 255, 0);
    const blue = xterm256(0, 0, 255);
    assert.equal(
      lines[0],
      `\x1b[38;5;${red};48;5;${red}m▀\x1b[38;5;${green};48;5;${green}m▀\x1b[0m`,
    );
    assert.ok(lines[1]!.startsWith(`\x1b[38;5;${blue};48;5;${blue}m▀`));
    assert.deepEqual([red, green, blue], [196, 46, 21]);
  });

  test("sixteen colours where the terminal has no more; spaces without Unicode", () => {
    const [line] = halfBlockLines(resample(quadrants(), 2, 2), 1);
    // Upper dots red and green over lower dots blue and white.
    assert.equal(line, "\x1b[91;44m▀\x1b[92;107m▀\x1b[0m");
    const [ascii] = halfBlockLines(resample(quadrants(), 2, 2), 2, false);
    assert.equal(stripAnsi(ascii!), "  ");
  });

  test("cells keep the picture's aspect within the room given", () => {
    assert.deepEqual(fitCells(640, 480, 40, 8), { cols: 21, rows: 8 });
    assert.deepEqual(fitCells(640, 480, 20, 40), { cols: 20, rows: 8 });
    assert.deepEqual(fitCells(100, 1000, 40, 8), { cols: 2, rows: 8 });
    assert.deepEqual(fitCells(0, 0, 10, 10).cols, 10);
  });

  test("kitty: placeholders are one cell each, with both diacritics and the id as colour", () => {
    const lines = kittyPlaceholderLines(7, 5, 3);
    assert.equal(lines.length, 3);
    for (const l of lines) {
      assert.equal(cellWidth(l), 5);
      assert.ok(l.startsWith("\x1b[38;5;7m"));
      // Each cell: U+10EEEE, a row diacritic and a column diacritic.
      assert.equal([...stripAnsi(l)].length, 15);
      assert.equal(stripAnsi(l).split(PLACEHOLDER).length - 1, 5);
    }
    assert.notEqual(lines[0], lines[1], "rows are told apart by their diacritic");
  });

  test("kitty: transmission in ≤ 4096-byte chunks of deflated RGB, quiet, virtual placement", () => {
    // Noise does not deflate: several chunks.
    const dots = { width: 60, height: 40, data: new Uint8Array(randomBytes(60 * 40 * 3)) };
    const seq = kittyTransmit(9, dots, 6, 2);
    const chunks = [...seq.matchAll(/\x1b_G([^;]*);([^\x1b]*)\x1b\\/g)];
    assert.ok(chunks.length > 1);
    assert.match(chunks[0]![1]!, /^a=T,U=1,q=2,i=9,f=24,o=z,s=60,v=40,c=6,r=2,m=1$/);
    assert.equal(chunks.at(-1)![1], "m=0");
    for (const c of chunks) assert.ok(c[2]!.length <= 4096);
    const payload = Buffer.from(chunks.map((c) => c[2]).join(""), "base64");
    assert.deepEqual([...inflateSync(payload)], [...dots.data]);
  });

  test("inside tmux every ESC is doubled inside one passthrough", () => {
    assert.equal(tmuxPassthrough("\x1b_Ga=d\x1b\\"), "\x1bPtmux;\x1b\x1b_Ga=d\x1b\x1b\\\x1b\\");
  });
});
