// The picture renderer that works in every terminal, tmux and the Linux console included:
// each cell is an upper half block "▀" whose foreground is the upper dot and background the
// lower one. Colours are xterm's 256 (blessed reduces anything finer to them anyway) or the
// 16 ANSI colours; without colour there is no picture.
import type { Rgb } from "./scale.js";

const CUBE = [0, 95, 135, 175, 215, 255];

function cubeIndex(v: number): number {
  if (v < 48) return 0;
  if (v < 115) return 1;
  return Math.min(5, Math.floor((v - 35) / 40));
}

/** The nearest of xterm's colours 16–255 (the 6×6×6 cube and the 24 greys). */
export function xterm256(r: number, g: number, b: number): number {
  const ri = cubeIndex(r);
  const gi = cubeIndex(g);
  const bi = cubeIndex(b);
  const cr = CUBE[ri]!;
  const cg = CUBE[gi]!;
  const cb = CUBE[bi]!;
  const cubeDist = (r - cr) ** 2 + (g - cg) ** 2 + (b - cb) ** 2;
  const mean = (r + g + b) / 3;
  const grey = mean > 238 ? 23 : Math.max(0, Math.round((mean - 8) / 10));
  const gv = 8 + grey * 10;
  const greyDist = (r - gv) ** 2 + (g - gv) ** 2 + (b - gv) ** 2;
  return greyDist < cubeDist ? 232 + grey : 16 + 36 * ri + 6 * gi + bi;
}

const ANSI16: readonly (readonly [number, number, number])[] = [
  [0, 0, 0],
  [205, 0, 0],
  [0, 205, 0],
  [205, 205, 0],
  [0, 0, 238],
  [205, 0, 205],
  [0, 205, 205],
  [229, 229, 229],
  [127, 127, 127],
  [255, 0, 0],
  [0, 255, 0],
  [255, 255, 0],
  [92, 92, 255],
  [255, 0, 255],
  [0, 255, 255],
  [255, 255, 255],
];

export function ansi16(r: number, g: number, b: number): number {
  let best = 0;
  let bestDist = Number.POSITIVE_INFINITY;
  for (let i = 0; i < ANSI16.length; i++) {
    const c = ANSI16[i]!;
    const d = (r - c[0]) ** 2 + (g - c[1]) ** 2 + (b - c[2]) ** 2;
    if (d < bestDist) {
      bestDist = d;
      best = i;
    }
  }
  return best;
}

function fg(level: number, c: number): string {
  if (level >= 2) return `38;5;${c}`;
  return c < 8 ? `${30 + c}` : `${90 + c - 8}`;
}

function bg(level: number, c: number): string {
  if (level >= 2) return `48;5;${c}`;
  return c < 8 ? `${40 + c}` : `${100 + c - 8}`;
}

/**
 * `dots` is `cols` wide and `2 × rows` high: one painted line per cell row. Runs of cells with
 * the same colours share one SGR, so a flat area costs a byte a cell.
 */
export function halfBlockLines(dots: Rgb, level: 1 | 2 | 3, unicode = true): string[] {
  const colour = level >= 2 ? xterm256 : ansi16;
  const lines: string[] = [];
  const rows = Math.floor(dots.height / 2);
  for (let row = 0; row < rows; row++) {
    let line = "";
    let last = "";
    for (let x = 0; x < dots.width; x++) {
      const top = (row * 2 * dots.width + x) * 3;
      const bottom = ((row * 2 + 1) * dots.width + x) * 3;
      const d = dots.data;
      const up = colour(d[top]!, d[top + 1]!, d[top + 2]!);
      const down = colour(d[bottom]!, d[bottom + 1]!, d[bottom + 2]!);
      // Without Unicode (LANG=C) a cell shows one colour: the two dots' mean, as a space.
      const sgr = unicode
        ? `${fg(level, up)};${bg(level, down)}`
        : bg(level, colour(...mean(d, top, bottom)));
      if (sgr !== last) {
        line += `\x1b[${sgr}m`;
        last = sgr;
      }
      line += unicode ? "▀" : " ";
    }
    lines.push(`${line}\x1b[0m`);
  }
  return lines;
}

function mean(d: Uint8Array, a: number, b: number): [number, number, number] {
  return [(d[a]! + d[b]!) >> 1, (d[a + 1]! + d[b + 1]!) >> 1, (d[a + 2]! + d[b + 2]!) >> 1];
}
