// Terminal cell widths. The terminal has the last word: tmux 3.3a and most Linux terminals
// place every code point by the C library's wcwidth(), while blessed lays out by its own
// older tables. width-table.ts records, per code point, how the two compare; `toTerminalSafe`
// rewrites a string so they agree, and `cellWidth` then gives the width both will use.
import { RUN_KINDS, RUN_STARTS } from "./width-table.js";

/** Kind of a code point, see width-table.generate.mjs. */
const WidthKind = {
  Zero: 0,
  One: 1,
  Two: 2,
  /** Two cells in the terminal, one in blessed: emitted followed by PAD. */
  TwoPadded: 3,
  /** Zero in the terminal, not in blessed: dropped. */
  Drop: 4,
  /** Unassigned or irreconcilable: replaced by U+FFFD. */
  Replace: 5,
} as const;
type WidthKind = (typeof WidthKind)[keyof typeof WidthKind];

/**
 * Emitted after a code point the terminal draws two cells wide but blessed counts as one.
 * U+2064 INVISIBLE PLUS: wcwidth 0 (the terminal folds it into the wide glyph's cell), blessed
 * width 1 (blessed gives it the second cell). Both then agree the pair takes two cells.
 */
const PAD = "\u2064";
const PAD_CP = 0x2064;
const REPLACEMENT = "\ufffd";
const ZWJ = 0x200d;
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

/**
 * Rewrites already-sanitised text so that wcwidth (tmux, Linux terminals) and blessed agree
 * on every cell: drops variation selectors (U+FE0F after a one-cell base like ☁ makes some
 * terminals draw two cells while wcwidth counts one), splits emoji ZWJ sequences into their
 * parts (tmux 3.3a joins them into one 2-cell glyph, wcwidth terminals draw each part, blessed
 * counts yet another width — drawn apart, all three agree), pads wide emoji for blessed, drops
 * invisible marks blessed would count, replaces what cannot be reconciled, and bounds runs of
 * zero-width characters.
 */
export function toTerminalSafe(s: string): string {
  let out = "";
  let zeroRun = 0;
  let prevBase = "";
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (cp === 0x0a) {
      out += ch;
      zeroRun = 0;
      prevBase = "";
      continue;
    }
    if (cp === 0xfe0f || cp === 0xfe0e) continue;
    if (cp === ZWJ && prevBase !== "" && EMOJI_BASE.test(prevBase)) continue;
    if (cp === PAD_CP) continue;
    const kind = kindOf(cp);
    switch (kind) {
      case WidthKind.Zero:
        if (++zeroRun <= MAX_ZERO_WIDTH_RUN) out += ch;
        break;
      case WidthKind.One:
      case WidthKind.Two:
        out += ch;
        zeroRun = 0;
        prevBase = ch;
        break;
      case WidthKind.TwoPadded:
        out += ch + PAD;
        zeroRun = 0;
        prevBase = ch;
        break;
      case WidthKind.Drop:
        break;
      default:
        out += REPLACEMENT;
        zeroRun = 0;
        prevBase = REPLACEMENT;
    }
  }
  return out;
}

// CSI sequences (SGR included) and OSC 8 hyperlinks: the only escapes our own output contains.
const ANSI = /\x1b\[[0-9;:?]*[ -/]*[@-~]|\x1b\]8;[^\x07\x1b]*(?:\x07|\x1b\\)/g;
const PLAIN_ASCII = /^[\x20-\x7e]*$/;

export function stripAnsi(s: string): string {
  return s.includes("\x1b") ? s.replace(ANSI, "") : s;
}

/** Width of one code point as the terminal lays it out (controls count 0). */
function codePointWidth(cp: number): number {
  if (cp >= 0x20 && cp < 0x7f) return 1;
  if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) return 0;
  return KIND_WIDTH[kindOf(cp)]!;
}

/** Cells the terminal (and blessed, for toTerminalSafe text) uses for `s`; ANSI-aware. */
export function cellWidth(s: string): number {
  const plain = stripAnsi(s);
  if (PLAIN_ASCII.test(plain)) return plain.length;
  let w = 0;
  for (const ch of plain) w += codePointWidth(ch.codePointAt(0)!);
  return w;
}

// Created on first use: building a segmenter loads ICU data, and start-up time matters.
let segmenter: Intl.Segmenter | null = null;

/**
 * Grapheme clusters of plain text, with our PAD kept on its wide character (the segmenter
 * would split it off, and a line must never break between the two).
 */
export function graphemes(s: string): string[] {
  if (PLAIN_ASCII.test(s)) return s.split("");
  const out: string[] = [];
  segmenter ??= new Intl.Segmenter(undefined, { granularity: "grapheme" });
  for (const { segment } of segmenter.segment(s)) {
    if (segment.charCodeAt(0) === PAD_CP && out.length > 0) out[out.length - 1] += segment;
    else out.push(segment);
  }
  return out;
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
