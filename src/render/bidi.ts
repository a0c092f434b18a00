// Right-to-left text for terminals that do no bidi. tmux, xterm, kitty, Alacritty, Windows
// Terminal and Ghostty draw every character in the order it arrives, left to right: an
// Arabic toot sent in logical order reads backwards there, in isolated letters. In "visual"
// mode (set once at start-up, from the terminal: see src/ui/terminal/bidi.ts) each laid-out
// line is reordered by the Unicode Bidirectional Algorithm (UAX #9, through bidi-js) and its
// Arabic letters shaped into their joined forms, after wrapping: lines are cut in logical
// order, then each one is reordered (UAX #9 §3.4, "reordering resolved levels" per line).
// A terminal that reorders by itself gets logical order, never both.
import bidiModule from "bidi-js";
import { shapeArabic } from "./arabic-shaping.js";
import type { Piece } from "./pieces.js";
import type { Role } from "./theme.js";
import { cellWidth, graphemes } from "./width.js";
import type { Line } from "./wrap.js";

let visual = false;

/**
 * Whether tootty reorders right-to-left text itself. One terminal per process, so this is
 * decided once before the first paint; the render cache's key carries it.
 */
export function setVisualBidi(on: boolean): void {
  visual = on;
}

export function visualBidi(): boolean {
  return visual;
}

// The package is CommonJS and exports the factory itself; its types declare an ES default
// export, which NodeNext resolution reads as a property of the module.
const bidiFactory = bidiModule as unknown as typeof bidiModule.default;
type Bidi = ReturnType<typeof bidiFactory>;
let engine: Bidi | null = null;
const bidi = (): Bidi => {
  engine ??= bidiFactory();
  return engine;
};

/** Strong right-to-left letters and Arabic digits: a line without any is left as it is. */
const RTL = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc\u{10800}-\u{10fff}\u{1e800}-\u{1efff}]/u;
/**
 * LRM, RLM and ALM steer a bidi-aware terminal, and the isolates tootty puts around a value
 * of its own (`ltrUnit` in src/i18n) steer the analysis; once the line is in visual order
 * they are noise. Server text never holds isolates: the sanitiser removes them.
 */
const BIDI_MARKS = /[\u200e\u200f\u061c\u2066-\u2069]/g;
const ISOLATE_MARKS = /[\u2066-\u2069]/;
const FSI = "\u2068";
const PDI = "\u2069";
/** The sanitiser appends an LRM to right-to-left text for bidi-aware terminals (sanitize.ts). */
const TRAILING_LRM = /\u200e$/;

/**
 * Mentions, hashtags and links keep their own direction inside the sentence around them, as
 * HTML's <bdi> would: `@user` inside Arabic must not become `user@`. They are analysed as
 * first-strong isolates (UAX #9 FSI…PDI), so an Arabic hashtag is still right-to-left.
 */
const ISOLATED_ROLES: ReadonlySet<Role> = new Set<Role>(["mention", "hashtag", "link"]);

// bidi-js reads the bidi class of each UTF-16 unit (`string[i]`), so a character outside the
// BMP would be classed by its surrogate halves (as L). Such characters are analysed as a BMP
// stand-in of the same class instead; the text drawn is always the original.
const STAND_IN: Partial<Record<string, string>> = {
  R: "\u05d0",
  AL: "\u0627",
  EN: "0",
  AN: "\u0660",
  ES: "+",
  ET: "$",
  CS: ",",
  NSM: "\u0300",
  BN: "\u200b",
  WS: " ",
  ON: "!",
};

function standIn(ch: string): string {
  if (ch.length === 1) return ch;
  return STAND_IN[bidi().getBidiCharTypeName(ch)] ?? "a";
}

interface Cluster {
  text: string;
  piece: number;
}

interface Analysed {
  clusters: Cluster[];
  /** Where each cluster's first character is in the analysed string. */
  starts: number[];
  /** Inclusive range of each line in the analysed string. */
  lines: Array<[number, number]>;
  text: string;
}

/** Which isolate a piece belongs to: none, its own (`true`), or a run shared by number. */
function isolateOf(piece: Piece): boolean | number {
  if (piece.isolate !== undefined && piece.isolate !== false) return piece.isolate;
  return piece.roles.some((r) => ISOLATED_ROLES.has(r));
}

/**
 * Each piece's isolate over the whole paragraph: a space the wrapper put between two pieces
 * of one run (it carries no isolate of its own) is inside that run, so an English filter
 * title's words stay in their order in a right-to-left line.
 */
function isolates(pieces: readonly Piece[]): Array<boolean | number> {
  const out = pieces.map(isolateOf);
  for (let i = 1; i < pieces.length - 1; i++) {
    if (out[i] !== false || pieces[i]!.text.trim() !== "") continue;
    const before = out[i - 1]!;
    let j = i + 1;
    while (j < pieces.length - 1 && out[j] === false && pieces[j]!.text.trim() === "") j++;
    if (typeof before === "number" && out[j] === before) out.fill(before, i, j);
  }
  return out;
}

let runs = 0;

/**
 * `pieces` as one first-strong isolate (UAX #9 FSI…PDI), as HTML's <bdi> would: server text
 * (a name with its custom emoji, a filter's title) inside a line of tootty's words keeps its
 * own direction and its words their order, whichever way the line around it runs.
 */
export function isolateRun(pieces: readonly Piece[]): Piece[] {
  const run = ++runs;
  return pieces.map((piece) => ({ ...piece, isolate: run }));
}

/** One string for the whole paragraph, lines joined by a space (what the wrapper removed). */
function analyse(lines: readonly Line[], pieces: Piece[]): Analysed {
  const clusters: Cluster[] = [];
  const starts: number[] = [];
  const ranges: Array<[number, number]> = [];
  const groups = isolates(lines.flat());
  let text = "";
  let open: boolean | number = false;
  let at = 0;
  for (const [n, line] of lines.entries()) {
    const next = line.length > 0 ? groups[at]! : false;
    if (open !== false && (open === true || next !== open)) {
      text += PDI;
      open = false;
    }
    if (n > 0) text += " ";
    const lineStart = text.length;
    for (const piece of line) {
      const index = pieces.push(piece) - 1;
      const group = groups[at++]!;
      if (open !== false && (open === true || group !== open)) {
        text += PDI;
        open = false;
      }
      if (group !== false && open === false) {
        text += FSI;
        open = group;
      }
      for (const g of graphemes(piece.text)) {
        clusters.push({ text: g, piece: index });
        starts.push(text.length);
        for (const ch of g) text += standIn(ch);
      }
      // The LRM the sanitiser added says "end of this run" to a bidi terminal; analysed here it
      // would be a strong left-to-right character in the middle of an Arabic sentence.
      if (group === false && TRAILING_LRM.test(piece.text)) {
        text = `${text.slice(0, -1)}\u200b`;
      }
    }
    ranges.push([lineStart, text.length - 1]);
  }
  if (open !== false) text += PDI;
  return { clusters, starts, lines: ranges, text };
}

export type BaseDirection = "ltr" | "rtl" | "auto";

export interface VisualParagraph {
  lines: Line[];
  /** The paragraph's resolved direction (UAX #9 P2/P3 for "auto"). */
  rtl: boolean;
}

interface Arranged {
  rtl: boolean;
  clusters: Cluster[];
  /** Each cluster as drawn: shaped, mirrored, without bidi marks ("" when it draws nothing). */
  drawn: string[];
  /** Each cluster runs right to left (an odd level). */
  odd: boolean[];
  /** Per line, its clusters' indices left to right. */
  orders: number[][];
}

/**
 * One bidi paragraph over all the lines (so the rules that look across a line break still
 * see the text before it), each line reordered on its own (UAX #9 L1–L2), brackets mirrored
 * where they run right to left (L4), Arabic shaped.
 */
function arrange(
  lines: readonly Line[],
  base: BaseDirection,
  ligatures: boolean,
  pieces: Piece[],
): Arranged {
  const a = analyse(lines, pieces);
  const levels = bidi().getEmbeddingLevels(a.text, base);
  const rtl = (levels.paragraphs[0]?.level ?? 0) % 2 === 1;
  const mirrored = bidi().getMirroredCharactersMap(a.text, levels.levels);
  const clusterAt = new Map<number, number>();
  for (const [k, start] of a.starts.entries()) clusterAt.set(start, k);
  const shaped = shapeArabic(
    a.clusters.map((c) => c.text),
    ligatures,
  );
  const drawn = shaped.map((text, k) => {
    const t = text.replace(BIDI_MARKS, "");
    const mirror = mirrored.get(a.starts[k]!);
    return mirror !== undefined && t !== "" ? mirror + t.slice(1) : t;
  });
  const odd = a.starts.map((i) => (levels.levels[i]! & 1) === 1);
  const orders = a.lines.map(([start, end]) => {
    const order: number[] = [];
    for (let i = start; i <= end; i++) order.push(i);
    if (end >= start) {
      for (const segment of bidi().getReorderSegments(a.text, levels, start, end)) {
        const [s, e] = segment as [number, number];
        const run = order.slice(s - start, e - start + 1).reverse();
        order.splice(s - start, run.length, ...run);
      }
    }
    return order.map((i) => clusterAt.get(i)).filter((k) => k !== undefined);
  });
  return { rtl, clusters: a.clusters, drawn, odd, orders };
}

/**
 * A wrapped paragraph in visual order (see `arrange`). Pieces keep their roles and links; a
 * piece split by the reordering becomes several.
 */
export function visualParagraph(lines: readonly Line[], base: BaseDirection): VisualParagraph {
  if (
    base !== "rtl" &&
    !lines.some((l) => l.some((p) => RTL.test(p.text) || ISOLATE_MARKS.test(p.text)))
  ) {
    return { lines: [...lines], rtl: false };
  }
  const pieces: Piece[] = [];
  const a = arrange(lines, base, true, pieces);
  const out = a.orders.map((order) => {
    const line: Piece[] = [];
    for (const k of order) {
      const text = a.drawn[k]!;
      if (text === "") continue;
      const piece = pieces[a.clusters[k]!.piece]!;
      const last = line[line.length - 1];
      if (last && last.roles === piece.roles && last.url === piece.url) last.text += text;
      else line.push({ ...piece, text });
    }
    return line;
  });
  return { lines: out, rtl: a.rtl };
}

export interface VisualRow {
  /** The row as drawn, right-aligned in `width` when it runs right to left. */
  text: string;
  /** Where the cursor at logical cell `col` is drawn, in cells. */
  col: number;
}

/**
 * A row of edited text (already display-safe) in visual order, and where its cursor goes:
 * on the cell of the character at the cursor — in a right-aligned right-to-left row that is
 * where the next character typed appears, as it is in a left-to-right one — or, at the end
 * of the row, beside the last character on the side the text runs to. No lam-alef ligature
 * here: every character keeps a cell of its own for the cursor to stand on.
 */
export function visualRow(row: string, col: number, width: number): VisualRow {
  if (!visual || !RTL.test(row)) return { text: row, col };
  const a = arrange([[{ text: row, roles: [] }]], "auto", false, []);
  const cells = a.clusters.map((c) => Math.max(1, cellWidth(c.text)));
  let p = 0;
  for (let used = 0; p < cells.length && used + cells[p]! <= col; p++) used += cells[p]!;
  const total = cells.reduce((x, y) => x + y, 0);
  const pad = a.rtl ? Math.max(0, width - total) : 0;
  const at: number[] = [];
  let x = pad;
  let text = " ".repeat(pad);
  for (const k of a.orders[0]!) {
    at[k] = x;
    x += cells[k]!;
    // A cluster that draws nothing (a lone bidi mark) still holds its cell, as the editor counts it.
    text += a.drawn[k] || " ";
  }
  if (p < cells.length) return { text, col: at[p]! };
  if (cells.length === 0) return { text, col };
  const last = cells.length - 1;
  const after = a.odd[last] ? at[last]! - 1 : at[last]! + cells[last]!;
  return { text, col: Math.max(0, Math.min(width - 1, after)) };
}

/**
 * Code point ranges (sorted, inclusive) in which bidi-js classes every character L (`true`)
 * or as neither strong nor an isolate mark (`false`): Latin, Greek, Cyrillic, kana, CJK,
 * Hangul, punctuation, symbols and emoji. `firstStrong` on text of these scripts, the usual
 * toot, reads them here and never makes a bidi-js engine (the bundle's classes from a range
 * table, scripts/bidi-char-types.mjs; unbundled, bidi-js builds a Map of every code point
 * on its first lookup, ~13 ms); test/render/bidi-first-strong.test.ts checks every code
 * point against bidi-js.
 */
const KNOWN_STRENGTH: ReadonlyArray<readonly [number, number, boolean]> = [
  [0x00, 0x40, false],
  [0x41, 0x5a, true],
  [0x5b, 0x60, false],
  [0x61, 0x7a, true],
  [0x7b, 0xa9, false],
  [0xaa, 0xaa, true],
  [0xab, 0xb4, false],
  [0xb5, 0xb5, true],
  [0xb6, 0xb9, false],
  [0xba, 0xba, true],
  [0xbb, 0xbf, false],
  [0xc0, 0xd6, true],
  [0xd7, 0xd7, false],
  [0xd8, 0xf6, true],
  [0xf7, 0xf7, false],
  [0xf8, 0x2b8, true],
  [0x300, 0x36f, false],
  [0x388, 0x3f5, true],
  [0x3f7, 0x482, true],
  [0x48a, 0x589, true],
  [0x2000, 0x200d, false],
  [0x2010, 0x2065, false],
  [0x2190, 0x2335, false],
  [0x24ea, 0x26ab, false],
  [0x26ad, 0x27ff, false],
  [0x3040, 0x3098, true],
  [0x30a1, 0x30fa, true],
  [0x4e00, 0x9fff, true],
  [0xac00, 0xd7a3, true],
  [0xfe00, 0xfe0f, false],
  [0x1f300, 0x1f6d7, false],
  [0x1f900, 0x1f978, false],
  [0x1f97a, 0x1f9cb, false],
  [0x1f9cd, 0x1fa53, false],
];

/** Whether `cp` is strong left-to-right, by KNOWN_STRENGTH; undefined outside its ranges. */
function knownStrength(cp: number): boolean | undefined {
  let lo = 0;
  let hi = KNOWN_STRENGTH.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [start, end, strong] = KNOWN_STRENGTH[mid]!;
    if (cp < start) hi = mid - 1;
    else if (cp > end) lo = mid + 1;
    else return strong;
  }
  return undefined;
}

/**
 * The direction of `text`'s first strong character (UAX #9 P2, skipping isolates as P2
 * does; P3 makes it the paragraph's), or null where it has none.
 */
export function firstStrong(text: string): "ltr" | "rtl" | null {
  let depth = 0;
  for (const ch of text) {
    const known = knownStrength(ch.codePointAt(0)!);
    if (known === false) continue;
    const type = known ? "L" : bidi().getBidiCharTypeName(ch);
    if (type === "LRI" || type === "RLI" || type === "FSI") depth++;
    else if (type === "PDI") depth = Math.max(0, depth - 1);
    else if (depth === 0 && type === "L") return "ltr";
    else if (depth === 0 && (type === "R" || type === "AL")) return "rtl";
  }
  return null;
}

/** Padding that puts a right-to-left line against the right edge of `width` cells. */
export function alignRight(line: Line, width: number): Line {
  const used = line.reduce((w, p) => w + cellWidth(p.text), 0);
  return used < width ? [{ text: " ".repeat(width - used), roles: [] }, ...line] : line;
}

const arranged = new WeakSet<Line>();

/** A line already in visual order (or painted already): the last step leaves it alone. */
export function markArranged<T extends Line>(line: T): T {
  arranged.add(line);
  return line;
}

export function isArranged(line: Line): boolean {
  return arranged.has(line);
}

/**
 * Lines of tootty's own words (a notice, a footer, a notification) as a right-to-left
 * interface draws them where tootty does the bidi: one right-to-left paragraph, each line
 * against the right edge of `width` (wrapped or cut to it before, in reading order). Server
 * text inside them keeps its own direction as an isolate (`isolateRun`). Unchanged where
 * the terminal reorders: it is handed logical order and the sanitiser's marks.
 */
export function rtlLines(lines: readonly Line[], width: number): Line[] {
  if (!visual) return [...lines];
  return visualParagraph(lines, "rtl").lines.map((l) => markArranged(alignRight(l, width)));
}

/**
 * The last step for a line of tootty's own layout (a header, a poll option, a media line):
 * left to right as laid out, with any right-to-left text in it reordered in place.
 */
export function visualLine(line: Line): Line {
  if (!visual || arranged.has(line) || line.some((p) => p.text.includes("\x1b"))) return line;
  return visualParagraph([line], "ltr").lines[0]!;
}

/**
 * A plain message of tootty's own (its interface in a right-to-left language) in visual
 * order, each line one paragraph of direction `base`; unchanged where the terminal does bidi.
 */
export function visualText(text: string, base: BaseDirection = "rtl"): string {
  if (!visual) return text;
  return text
    .split("\n")
    .map((line) =>
      visualParagraph([[{ text: line, roles: [] }]], base)
        .lines[0]!.map((p) => p.text)
        .join(""),
    )
    .join("\n");
}

/**
 * Cells `text` takes as drawn: where tootty does the bidi, each lam-alef pair of its Arabic is
 * one ligature cell, so a column padded after it must count the text so, not as typed.
 */
export function drawnWidth(text: string): number {
  return visual && RTL.test(text) ? cellWidth(visualText(text, "auto")) : cellWidth(text);
}
