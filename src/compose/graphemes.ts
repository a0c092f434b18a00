// The terminal's width truth (wcwidth per code point, and the rewriting that makes blessed
// agree with it) lives in the render room: the composer draws with the same rules as a toot.
import { cellWidth, toTerminalSafe } from "../render/width.js";

// Made on first use: the bundle puts this module in a chunk the first paint loads, and the
// first Intl.Segmenter of a process pages in ~2.5 MB of ICU's break data (RSS, bare node 20)
// that only the composer and the counter read.
let segmenter: Intl.Segmenter | undefined;
const segments = (text: string) => {
  segmenter ??= new Intl.Segmenter(undefined, { granularity: "grapheme" });
  return segmenter.segment(text);
};

// Node 20's Intl.Segmenter copies the whole input into every segment it hands out, so one pass
// over n characters costs O(n²): 100 000 characters took seconds and gigabytes. Segmenting
// slices that each start on a cluster boundary gives the same clusters (UAX #29's rules look at
// the whole character after a position and back to the start of the cluster it is in, never
// across a boundary before it), so the text goes a slice at a time; the slice's last cluster
// may be cut short by the slice's end and is read again at the head of the next.
const SLICE = 1024;

function* clusters(text: string): Generator<string> {
  let start = 0;
  let size = SLICE;
  while (start < text.length) {
    if (start + size >= text.length) {
      for (const s of segments(start === 0 ? text : text.slice(start))) yield s.segment;
      return;
    }
    // Never between the halves of a surrogate pair: a boundary depends on the whole character
    // after it, and half of one reads as a control that ends the cluster before it.
    let end = start + size;
    const unit = text.charCodeAt(end);
    if (unit >= 0xdc00 && unit <= 0xdfff) end--;
    let last = "";
    let lastAt = 0;
    for (const s of segments(text.slice(start, end))) {
      if (s.index > 0) yield last;
      last = s.segment;
      lastAt = s.index;
    }
    if (lastAt === 0) {
      // One cluster longer than the slice (thousands of combining marks): look further.
      size *= 2;
      continue;
    }
    start += lastAt;
    size = SLICE;
  }
}

/** Splits text into user-perceived characters (what the cursor steps over). */
export function splitGraphemes(text: string): string[] {
  return Array.from(clusters(text));
}

export function graphemeCount(text: string): number {
  let n = 0;
  for (const _ of clusters(text)) n++;
  return n;
}

// C0, DEL and C1 controls: never written to the terminal as they are.
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
/**
 * How a grapheme is drawn and how many cells it takes. Control characters (a paste may
 * carry them) become "�" so they cannot drive the terminal. Widths are the terminal's:
 * `☁️` is one cell (its U+FE0F dropped), a ZWJ family is laid out per code point as tmux and
 * most Linux terminals do, and blessed is made to agree (docs/architecture.md, "Width
 * strategy").
 */
export function displayGrapheme(g: string): { text: string; cells: number } {
  if (g === "\t") return { text: " ", cells: 1 };
  if (CONTROL.test(g)) return { text: "\uFFFD", cells: 1 };
  const text = toTerminalSafe(g);
  const cells = cellWidth(text);
  // A lone combining mark (at the start of a line) still needs a cell to be seen.
  return { text, cells: cells === 0 ? 1 : cells };
}

/** 'tabstop' as vim -u NONE has it: a tab reaches the next multiple of eight cells. */
export const TAB_STOP = 8;

/** The cells a grapheme takes `at` cells into its line: a tab's depend on where it starts. */
export function cellsAt(g: string, at: number): number {
  return g === "\t" ? TAB_STOP - (at % TAB_STOP) : displayGrapheme(g).cells;
}

export function cellsOf(graphemes: readonly string[], from = 0, to = graphemes.length): number {
  let n = 0;
  let before = 0;
  for (let i = 0; i < to; i++) {
    if (i === from) before = n;
    n += cellsAt(graphemes[i]!, n);
  }
  return n - (from < to ? before : n);
}
