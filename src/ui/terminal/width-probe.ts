// How wide does this terminal draw an emoji sequence? Terminals disagree (tmux 3.3a joins a
// ZWJ family into one 2-cell glyph but draws a skin tone as a separate swatch and ☁️ in one
// cell; xterm.js, kitty and WezTerm each answer otherwise), and no table can say which one
// is at the other end of an SSH link. So tootty asks, once, before its first paint: it writes
// a few probe sequences, each at the start of the line followed by a cursor position report
// request (DSR, `CSI 6 n`; the answer is `CSI row ; col R`), and lays out by the columns the
// terminal reports. A terminal that does not answer within the timeout gets wcwidth per
// code point (FALLBACK_WIDTHS). The probe line is erased afterwards; blessed then switches to
// the alternate screen. The questions go out with the graphics probe's, in one write
// (start-probe.ts).
import type { TerminalWidths } from "../../render/index.js";

/** What is asked, and what each answer tells (see `widthsFromAdvances`). */
export const PROBES = {
  /** man, woman, girl joined by ZWJ: 2 cells if joined, 6 if drawn as the three people. */
  family: "\u{1f468}\u200d\u{1f469}\u200d\u{1f467}",
  /** thumbs up with a medium skin tone: 2 if joined, 4 if the swatch stands apart. */
  skinTone: "\u{1f44d}\u{1f3fd}",
  /** cloud with VS16: 2 if the terminal gives it emoji width, 1 if wcwidth. */
  vs16: "\u2601\ufe0f",
  /** the flag of Japan: a pair of regional indicators. */
  flag: "\u{1f1ef}\u{1f1f5}",
  /** a CJK ideograph: 2 in every terminal whose answers can be trusted. */
  cjk: "\u4e2d",
  /** yawning face, Unicode 12.0: one cell where the terminal's width table is older. */
  emoji12: "\u{1f971}",
  /** smiling face with tear, Unicode 13.0. */
  emoji13: "\u{1f972}",
  /** melting face, Unicode 14.0. */
  emoji14: "\u{1fae0}",
} as const;
export type ProbeName = keyof typeof PROBES;
const NAMES = Object.keys(PROBES) as ProbeName[];

/** About one round trip on a slow link; a local terminal or tmux answers within a few ms. */
export const PROBE_TIMEOUT_MS = 150;

/** tmux keeps at most this many UTF-8 bytes in a cell (UTF8_SIZE in tmux.h). */
const TMUX_CELL_BYTES = 21;

/**
 * The layout rules a terminal's cursor advances imply; null when they cannot be trusted.
 * `inTmux`: the answers come from tmux (TMUX is set), whose cells have a size limit.
 */
export function widthsFromAdvances(
  advance: Readonly<Record<ProbeName, number>>,
  inTmux = false,
): TerminalWidths | null {
  // A terminal that does not draw CJK two cells wide does not follow wcwidth at all (or the
  // answer is not about our line): guessing better than the fallback is not possible.
  if (advance.cjk !== 2) return null;
  const flag = advance.flag;
  // The first new emoji drawn in one cell dates the terminal's width table (xterm.js: 12).
  const newest = ([12, 13, 14] as const).find((v) => advance[`emoji${v}`] !== 2);
  return {
    // tmux joins a ZWJ family in its grid (the probe sees 2 cells), but when tootty then
    // rewrites only part of a row, cells next to such a glyph have been seen to end up where
    // blessed did not put them (test/e2e/redraw.test.ts, tmux 3.3a): inside tmux the parts
    // are drawn apart, which tmux places exactly.
    zwjJoins: advance.family === 2 && !inTmux,
    modifierJoins: advance.skinTone === 2,
    vs16Wide: advance.vs16 === 2,
    flagCells: flag === 1 || flag === 2 || flag === 4 ? flag : 2,
    ...(inTmux ? { cellBytes: TMUX_CELL_BYTES } : {}),
    ...(newest !== undefined ? { unicodeVersion: newest - 1 } : {}),
  };
}

/** The questions, each at the start of the line, then the line erased (it is asked before blessed's alternate screen). */
export const WIDTH_QUERIES = `${NAMES.map((n) => `\r${PROBES[n]}\x1b[6n`).join("")}\r\x1b[2K`;
/** How many cursor position reports WIDTH_QUERIES brings back. */
export const WIDTH_ANSWERS = NAMES.length;

/** The layout rules the reported columns imply (`columns` in the order asked), or null. */
export function widthsFromColumns(
  columns: readonly number[],
  inTmux: boolean,
): TerminalWidths | null {
  if (columns.length < NAMES.length) return null;
  const advance = Object.fromEntries(NAMES.map((n, i) => [n, columns[i]!])) as Record<
    ProbeName,
    number
  >;
  return widthsFromAdvances(advance, inTmux);
}

// Answers that come after the timeout (a slow link) must not reach blessed as key presses.
let lateAnswers = 0;
let lateUntil = 0;

/** `count` reports did not come in time: swallow that many in the next few seconds. */
export function expectLateAnswers(count: number, now = Date.now()): void {
  lateAnswers = count;
  lateUntil = now + 5000;
}

/**
 * Whether an input piece is a cursor position report the probe gave up waiting for; each
 * such piece is swallowed once, and only in the few seconds after the probe.
 */
export function isLateProbeAnswer(piece: string, now = Date.now()): boolean {
  if (lateAnswers === 0 || now > lateUntil || !/^\x1b\[\d+;\d+R$/.test(piece)) return false;
  lateAnswers--;
  return true;
}
