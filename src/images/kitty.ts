// kitty's graphics protocol with Unicode placeholders
// (https://sw.kovidgoyal.net/kitty/graphics-protocol/#unicode-placeholders): the picture is
// transmitted once as a virtual placement, and the screen shows it through ordinary text
// cells — U+10EEEE with a row and a column diacritic, the image id as the foreground colour.
// Because they are text, the placeholders scroll, diff and redraw with everything else
// (blessed's cell buffer, tmux's grid), and a picture never leaves debris behind.
import { deflateSync } from "node:zlib";
import type { Rgb } from "./scale.js";

export const PLACEHOLDER = String.fromCodePoint(0x10eeee);

/**
 * The first 100 of kitty's row/column diacritics (its gen/rowcolumn-diacritics.txt, in order):
 * the Nth one names row or column N. Pictures are never wider or higher than this.
 */
const DIACRITICS = [
  0x0305, 0x030d, 0x030e, 0x0310, 0x0312, 0x033d, 0x033e, 0x033f, 0x0346, 0x034a, 0x034b, 0x034c,
  0x0350, 0x0351, 0x0352, 0x0357, 0x035b, 0x0363, 0x0364, 0x0365, 0x0366, 0x0367, 0x0368, 0x0369,
  0x036a, 0x036b, 0x036c, 0x036d, 0x036e, 0x036f, 0x0483, 0x0484, 0x0485, 0x0486, 0x0487, 0x0592,
  0x0593, 0x0594, 0x0595, 0x0597, 0x0598, 0x0599, 0x059c, 0x059d, 0x059e, 0x059f, 0x05a0, 0x05a1,
  0x05a8, 0x05a9, 0x05ab, 0x05ac, 0x05af, 0x05c4, 0x0610, 0x0611, 0x0612, 0x0613, 0x0614, 0x0615,
  0x0616, 0x0617, 0x0657, 0x0658, 0x0659, 0x065a, 0x065b, 0x065d, 0x065e, 0x06d6, 0x06d7, 0x06d8,
  0x06d9, 0x06da, 0x06db, 0x06dc, 0x06df, 0x06e0, 0x06e1, 0x06e2, 0x06e4, 0x06e7, 0x06e8, 0x06eb,
  0x06ec, 0x0730, 0x0732, 0x0733, 0x0735, 0x0736, 0x073a, 0x073d, 0x073f, 0x0740, 0x0741, 0x0743,
  0x0745, 0x0747, 0x0749, 0x074a,
].map((c) => String.fromCodePoint(c));

export const MAX_KITTY_CELLS = DIACRITICS.length;

/** The query tootty sends at start-up; a kitty-protocol terminal answers `ESC _Gi=31;OK ESC \`. */
export const KITTY_QUERY = "\x1b_Gi=31,s=1,v=1,a=q,t=d,f=24;AAAA\x1b\\";

const CHUNK = 4096;

/**
 * The escape sequences that hand `dots` (pixels) to the terminal as image `id`, placed
 * virtually over `cols`×`rows` cells. `q=2`: the terminal answers nothing, so no reply can
 * arrive as keyboard input. Inside tmux the sequence is wrapped for passthrough.
 */
export function kittyTransmit(
  id: number,
  dots: Rgb,
  cols: number,
  rows: number,
  tmux = false,
): string {
  const payload = deflateSync(dots.data).toString("base64");
  const parts: string[] = [];
  for (let at = 0; at < payload.length || at === 0; at += CHUNK) {
    const chunk = payload.slice(at, at + CHUNK);
    const more = at + CHUNK < payload.length ? 1 : 0;
    const keys =
      at === 0
        ? `a=T,U=1,q=2,i=${id},f=24,o=z,s=${dots.width},v=${dots.height},c=${cols},r=${rows},m=${more}`
        : `m=${more}`;
    parts.push(`\x1b_G${keys};${chunk}\x1b\\`);
  }
  return tmux ? parts.map(tmuxPassthrough).join("") : parts.join("");
}

/** Frees the terminal's copy of image `id` (d=I: the image and its placements). */
export function kittyDelete(id: number, tmux = false): string {
  const seq = `\x1b_Ga=d,d=I,q=2,i=${id}\x1b\\`;
  return tmux ? tmuxPassthrough(seq) : seq;
}

/** tmux (with `allow-passthrough on`) hands `ESC P tmux; … ESC \` to the outer terminal. */
export function tmuxPassthrough(seq: string): string {
  return `\x1bPtmux;${seq.replaceAll("\x1b", "\x1b\x1b")}\x1b\\`;
}

/**
 * One painted line per cell row. Every cell carries both diacritics: a diffing renderer
 * writes only the cells that changed, so kitty's "same as the cell to the left" shorthand
 * would name the wrong column. The id travels as a 256-colour foreground (ids 1–255).
 */
export function kittyPlaceholderLines(id: number, cols: number, rows: number): string[] {
  const c = Math.min(cols, MAX_KITTY_CELLS);
  const r = Math.min(rows, MAX_KITTY_CELLS);
  const lines: string[] = [];
  for (let row = 0; row < r; row++) {
    let line = `\x1b[38;5;${id}m`;
    for (let col = 0; col < c; col++) line += PLACEHOLDER + DIACRITICS[row] + DIACRITICS[col];
    lines.push(`${line}\x1b[39m`);
  }
  return lines;
}
