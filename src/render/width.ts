// Terminal cell widths. The terminal has the last word: tmux 3.3a and most Linux terminals
// place every code point by the C library's wcwidth(), and width-table.ts records that table
// (generated, with how blessed's own older tables compare). Emoji sequences are where
// terminals part ways — one joins a ZWJ family into a 2-cell glyph, another draws each
// person; one widens ☁ when U+FE0F follows, another does not — so how the terminal joins
// them is a setting, `TerminalWidths`, which the UI learns by asking the terminal at
// start-up (src/ui/terminal/width-probe.ts) and which falls back to wcwidth per code point.
//
// Everything that lays text out goes through `graphemes()` (the units the terminal draws,
// each one glyph) and `cellWidth()`, so a line measured here is a line the terminal draws
// at that width; blessed is made to place the same units in the same cells (blessed-fit.ts).
import { AGE_RUNS, DISPUTED_RUNS } from "./terminal-ages.js";
import { RUN_KINDS, RUN_STARTS } from "./width-table.js";

/** Kind of a code point, see width-table.generate.mjs. */
const WidthKind = {
  Zero: 0,
  One: 1,
  Two: 2,
  /** Two cells in the terminal, one in blessed's own tables (blessed-fit.ts makes it two). */
  TwoInTerminal: 3,
  /** Zero in the terminal, not in blessed: dropped. */
  Drop: 4,
  /** Unassigned or irreconcilable: replaced by U+FFFD. */
  Replace: 5,
} as const;
type WidthKind = (typeof WidthKind)[keyof typeof WidthKind];

/** How the terminal draws emoji sequences; see `FALLBACK_WIDTHS` and width-probe.ts. */
export interface TerminalWidths {
  /** An emoji after U+200D ZWJ joins the glyph before it and takes no cell of its own. */
  zwjJoins: boolean;
  /** A skin-tone modifier (U+1F3FB–U+1F3FF) joins the emoji before it, no 2-cell swatch. */
  modifierJoins: boolean;
  /** U+FE0F after a one-cell emoji (☁️, ❤️) makes it two cells wide. */
  vs16Wide: boolean;
  /** Cells a flag (a pair of regional indicators) takes: 1 or 2 as one glyph, 4 as two. */
  flagCells: 1 | 2 | 4;
  /**
   * Most UTF-8 bytes the terminal keeps in one cell, if it has a limit: tmux keeps 21
   * (UTF8_SIZE in tmux.h) and silently drops what a joined sequence has beyond that, so a
   * longer sequence is split before it would overflow.
   */
  cellBytes?: number;
  /**
   * The Unicode version of the terminal's width table, where it is older than the C
   * library's: two-cell characters added after it take one cell there (xterm.js answers
   * 🥱, Unicode 12.0, with two cells and 🥲, 13.0, with one). Absent: wcwidth throughout.
   */
  unicodeVersion?: number;
}

/**
 * wcwidth per code point, what a terminal that answers no question is assumed to do:
 * ZWJ sequences drawn as their parts (their joiners dropped), modifiers as swatches,
 * U+FE0F dropped (one cell), a flag as its two one-cell letters.
 */
export const FALLBACK_WIDTHS: Readonly<TerminalWidths> = Object.freeze({
  zwjJoins: false,
  modifierJoins: false,
  vs16Wide: false,
  flagCells: 2,
});

let widths: TerminalWidths = { ...FALLBACK_WIDTHS };

/** Sets how the terminal draws emoji sequences; call before anything is laid out. */
export function setTerminalWidths(next: Readonly<TerminalWidths>): void {
  widths = { ...next };
}

export function terminalWidths(): Readonly<TerminalWidths> {
  return widths;
}

const REPLACEMENT = "\ufffd";
const ZWJ = 0x200d;
const VS15 = 0xfe0e;
const VS16 = 0xfe0f;
/** U+2064 INVISIBLE PLUS: earlier versions padded wide emoji with it; never kept. */
const OLD_PAD = 0x2064;
/** Longest run of zero-width code points kept after one base character (stops "Zalgo"). */
const MAX_ZERO_WIDTH_RUN = 4;

const KIND_WIDTH = [0, 1, 2, 2, 0, 1];

function kindOf(cp: number): WidthKind {
  if (cp >= 0x20 && cp < 0x7f) return WidthKind.One;
  let lo = 0;
  let hi = RUN_STARTS.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (RUN_STARTS[mid]! <= cp) lo = mid;
    else hi = mid - 1;
  }
  return RUN_KINDS[lo] as WidthKind;
}

const EMOJI_BASE = /[\p{Extended_Pictographic}\p{Emoji_Modifier}\p{Regional_Indicator}]/u;
/** Bases U+FE0F can give emoji presentation (☁, ❤, digits of a keycap). */
const EMOJI = /\p{Emoji}/u;
const isModifier = (cp: number) => cp >= 0x1f3fb && cp <= 0x1f3ff;
const isRegionalIndicator = (cp: number) => cp >= 0x1f1e6 && cp <= 0x1f1ff;
/**
 * Plane 16 private use: the UI stands its own cell placeholders in for emoji sequences there
 * (blessed-fit.ts), so server text may not bring any.
 */
const isPlane16 = (cp: number) => cp >= 0x100000;

/**
 * Rewrites already-sanitised text into what the terminal can draw as measured: U+FE0F kept
 * only where the terminal widens by it, emoji ZWJs kept only where the terminal joins the
 * sequence (elsewhere it is drawn as its parts, which is what such a terminal shows anyway),
 * invisible marks blessed would count dropped, what cannot be reconciled replaced, and runs
 * of zero-width characters bounded.
 */
export function toTerminalSafe(s: string): string {
  let out = "";
  let zeroRun = 0;
  let prevBase = "";
  const cps = Array.from(s);
  const limit = widths.cellBytes ?? Number.POSITIVE_INFINITY;
  /** UTF-8 bytes of the glyph being built, and whether the next base joins it. */
  let glyphBytes = 0;
  let joinNext = false;
  for (let i = 0; i < cps.length; i++) {
    const ch = cps[i]!;
    const cp = ch.codePointAt(0)!;
    if (cp === 0x0a) {
      out += ch;
      zeroRun = 0;
      prevBase = "";
      continue;
    }
    if (cp === VS15 || cp === OLD_PAD) continue;
    if (cp === VS16) {
      if (
        widths.vs16Wide &&
        prevBase !== "" &&
        EMOJI.test(prevBase) &&
        ++zeroRun <= MAX_ZERO_WIDTH_RUN
      ) {
        out += ch;
        glyphBytes += 3;
      }
      continue;
    }
    if (cp === ZWJ && prevBase !== "" && EMOJI_BASE.test(prevBase)) {
      const next = cps[i + 1];
      // Kept, the terminal joins what follows into this glyph — whatever it is, so only an
      // emoji, and only if the glyph still fits its cell; dropped, it draws the parts.
      const fits =
        next !== undefined && EMOJI_BASE.test(next) && glyphBytes + 3 + utf8Length(next) <= limit;
      if (widths.zwjJoins && fits && ++zeroRun <= MAX_ZERO_WIDTH_RUN) {
        out += ch;
        glyphBytes += 3;
        joinNext = true;
      }
      continue;
    }
    const kind = isPlane16(cp) || disputed(cp) ? WidthKind.Replace : kindOf(cp);
    switch (kind) {
      case WidthKind.Zero:
        // With no base to sit on, terminals disagree: tmux draws nothing, xterm.js gives
        // each one a cell of its own. Nothing is lost by dropping what no one would see.
        if (prevBase !== "" && ++zeroRun <= MAX_ZERO_WIDTH_RUN) {
          out += ch;
          glyphBytes += utf8Length(ch);
        }
        break;
      case WidthKind.One:
      case WidthKind.Two:
      case WidthKind.TwoInTerminal: {
        const joins =
          joinNext ||
          (isModifier(cp) && widths.modifierJoins && prevBase !== "" && EMOJI_BASE.test(prevBase));
        glyphBytes = (joins ? glyphBytes : 0) + utf8Length(ch);
        joinNext = false;
        out += ch;
        zeroRun = 0;
        prevBase = ch;
        break;
      }
      case WidthKind.Drop:
        break;
      default:
        out += REPLACEMENT;
        zeroRun = 0;
        prevBase = REPLACEMENT;
        glyphBytes = 3;
        joinNext = false;
    }
  }
  return out;
}

function utf8Length(ch: string): number {
  const cp = ch.codePointAt(0)!;
  return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
}

// CSI sequences (SGR included) and OSC 8 hyperlinks: the only escapes our own output contains.
const ANSI = /\x1b\[[0-9;:?]*[ -/]*[@-~]|\x1b\]8;[^\x07\x1b]*(?:\x07|\x1b\\)/g;
/**
 * Text of code points that are each a unit of one cell, whatever the terminal: printable
 * ASCII, Latin-1 and Latin Extended, Greek, Cyrillic, punctuation, letterlike symbols, arrows,
 * mathematical operators, box drawing, blocks and shapes (a picture's half-block rows, a
 * pane's borders), and the one-cell parts of the symbol blocks (☆, ❝). Each has
 * `codePointWidth` 1 (test/render/one-cell-text.test.ts checks every one), none is a mark, a
 * joiner, a selector, a skin tone or a regional indicator, so `units` would make one unit of
 * each: measuring such text needs no walk through it.
 */
const ONE_CELL_TEXT =
  /^[\x20-\x7e\u00a0-\u02ff\u0370-\u0482\u048a-\u052f\u2010-\u2029\u202f-\u205e\u2100-\u22ff\u2500-\u25fc\u2600-\u2613\u2758-\u2794]*$/;

/** Whether every code point of `s` is a unit of its own one cell wide (see ONE_CELL_TEXT). */
export function isOneCellText(s: string): boolean {
  return ONE_CELL_TEXT.test(s);
}

export function stripAnsi(s: string): string {
  return s.includes("\x1b") ? s.replace(ANSI, "") : s;
}

/** Width of one code point as the terminal lays it out (controls count 0). */
export function codePointWidth(cp: number): number {
  if (cp >= 0x20 && cp < 0x7f) return 1;
  if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) return 0;
  const w = KIND_WIDTH[kindOf(cp)]!;
  if (w === 2 && tooNew(cp)) return 1;
  return w;
}

/** Whether the terminal's width table predates `cp` (terminal-ages.ts). */
function tooNew(cp: number): boolean {
  const known = widths.unicodeVersion;
  return known !== undefined && cp >= 0x300 && (findRun(AGE_RUNS, cp)?.[2] ?? 0) > known;
}

/** Whether terminals draw `cp` in different widths (terminal-ages.ts). */
function disputed(cp: number): boolean {
  return cp >= 0x600 && findRun(DISPUTED_RUNS, cp) !== undefined;
}

function findRun<R extends readonly [number, number, ...number[]]>(
  runs: readonly R[],
  cp: number,
): R | undefined {
  let lo = 0;
  let hi = runs.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const run = runs[mid]!;
    if (cp < run[0]) hi = mid - 1;
    else if (cp > run[1]) lo = mid + 1;
    else return run;
  }
  return undefined;
}

/** One glyph as the terminal draws it: its text and the cells it takes (0, 1 or 2). */
export interface Unit {
  text: string;
  width: number;
}

/**
 * Splits plain text into the units the terminal draws, by the code-point rules terminals
 * follow (the same whatever the text says): a base with its zero-width marks; an emoji
 * after ZWJ, a skin tone, a second regional indicator or U+FE0F joined to the glyph before
 * where `TerminalWidths` says the terminal joins them. Never more than 2 cells a unit.
 */
export function units(s: string): Unit[] {
  const out: Unit[] = [];
  let cur: Unit | undefined;
  /** The current unit's first code point, and whether its last one was an emoji ZWJ. */
  let base = 0;
  let afterZwj = false;
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (cur) {
      if (afterZwj && widths.zwjJoins && EMOJI_BASE.test(ch)) {
        cur.text += ch;
        afterZwj = false;
        continue;
      }
      if (isModifier(cp) && widths.modifierJoins && EMOJI_BASE.test(String.fromCodePoint(base))) {
        cur.text += ch;
        cur.width = 2;
        continue;
      }
      if (
        isRegionalIndicator(cp) &&
        isRegionalIndicator(base) &&
        cur.text.length === 2 &&
        widths.flagCells !== 4
      ) {
        cur.text += ch;
        cur.width = widths.flagCells;
        continue;
      }
      if (cp === VS16 && widths.vs16Wide && EMOJI.test(String.fromCodePoint(base))) {
        cur.text += ch;
        cur.width = 2;
        continue;
      }
    }
    const w = isRegionalIndicator(cp) && widths.flagCells === 4 ? 2 : codePointWidth(cp);
    if (w === 0 && cur) {
      cur.text += ch;
      afterZwj = cp === ZWJ && EMOJI_BASE.test(String.fromCodePoint(base));
      continue;
    }
    cur = { text: ch, width: w };
    base = cp;
    afterZwj = false;
    out.push(cur);
  }
  return out;
}

/** Cells the terminal uses for `s`; ANSI-aware. */
export function cellWidth(s: string): number {
  const plain = stripAnsi(s);
  if (ONE_CELL_TEXT.test(plain)) return plain.length;
  let w = 0;
  for (const u of units(plain)) w += u.width;
  return w;
}

/** The units of plain text as strings: a line may break between two, never inside one. */
export function graphemes(s: string): string[] {
  if (ONE_CELL_TEXT.test(s)) return s.split("");
  return units(s).map((u) => u.text);
}

const ANSI_SPLIT = /(\x1b\[[0-9;:?]*[ -/]*[@-~]|\x1b\]8;[^\x07\x1b]*(?:\x07|\x1b\\))/;
const OSC8_CLOSE = "\x1b]8;;\x1b\\";

/** Cuts `s` to at most `width` cells, never inside a grapheme or an escape sequence. */
export function truncateToWidth(s: string, width: number, ellipsis = "…"): string {
  if (cellWidth(s) <= width) return s;
  const room = width - cellWidth(ellipsis);
  if (room < 0) return "";
  let out = "";
  let used = 0;
  let sawSgr = false;
  let linkOpen = false;
  for (const part of s.split(ANSI_SPLIT)) {
    if (part.startsWith("\x1b")) {
      if (part.startsWith("\x1b]8;")) linkOpen = part !== OSC8_CLOSE;
      else sawSgr = true;
      out += part;
      continue;
    }
    let done = false;
    for (const g of graphemes(part)) {
      const w = cellWidth(g);
      if (used + w > room) {
        done = true;
        break;
      }
      out += g;
      used += w;
    }
    if (done) break;
  }
  if (linkOpen) out += OSC8_CLOSE;
  return out + ellipsis + (sawSgr ? "\x1b[0m" : "");
}

/** Pads `s` with spaces to exactly `width` cells (truncating first if it is wider). */
export function padToWidth(s: string, width: number): string {
  const t = truncateToWidth(s, width);
  const w = cellWidth(t);
  return w >= width ? t : t + " ".repeat(width - w);
}
