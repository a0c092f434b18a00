/**
 * Ctrl-v: the blockwise selection, as vim's block_prep() cuts it line by line. The block
 * spans display cells (a wide character takes two, a tab to the next stop) from the
 * leftmost to the rightmost cell the anchor and the cursor cover, or to each line's end
 * after `$`. A character only partly inside becomes spaces for the part left behind (a
 * delete) or for the part taken (a yank), as vim pads them.
 */
import { type Lines, lineAt, type Pos } from "./buffer.js";
import {
  type BlockInsert,
  clampNormal,
  type EditorState,
  storeRegister,
  withLines,
} from "./editor-state.js";
import { cellsAt, cellsOf, splitGraphemes } from "./graphemes.js";

export interface Block {
  top: number;
  bottom: number;
  /** First and last cell, from 0; `right` is Infinity after `$`. */
  left: number;
  right: number;
}

/** The cells a position's grapheme covers (an empty line's end counts as one). */
function span(lines: Lines, p: Pos): [number, number] {
  const l = lineAt(lines, p.line);
  const start = cellsOf(l, 0, p.col);
  const w = p.col < l.length ? cellsAt(l[p.col]!, start) : 1;
  return [start, start + w - 1];
}

export function blockOf(s: EditorState): Block {
  const a = span(s.lines, s.visualAnchor);
  const b = span(s.lines, s.cursor);
  return {
    top: Math.min(s.visualAnchor.line, s.cursor.line),
    bottom: Math.max(s.visualAnchor.line, s.cursor.line),
    left: s.blockEdges?.left ?? Math.min(a[0], b[0]),
    right:
      s.blockEdges?.right ??
      (s.wantCell === Number.POSITIVE_INFINITY ? Number.POSITIVE_INFINITY : Math.max(a[1], b[1])),
  };
}

/** What of one line the block covers. */
export interface Part {
  /** The line ends before the block starts. */
  short: boolean;
  /** First and last grapheme the block touches (inclusive). */
  first: number;
  last: number;
  /** Whole graphemes inside: [whole, wholeEnd). */
  whole: number;
  wholeEnd: number;
  /** Cells of a grapheme cut by the left edge outside and inside the block. */
  startOut: number;
  startIn: number;
  /** Cells of a grapheme cut by the right edge inside and outside the block. */
  endIn: number;
  endOut: number;
  /** Cells the line lacks to reach the block's right edge (0 after `$`). */
  missing: number;
}

export function partOf(line: readonly string[], left: number, right: number): Part {
  const starts: number[] = [];
  let cell = 0;
  for (const g of line) {
    starts.push(cell);
    cell += cellsAt(g, cell);
  }
  const end = (i: number) => (i + 1 < starts.length ? starts[i + 1]! : cell) - 1;
  const first = starts.findIndex((_, i) => end(i) >= left);
  if (first === -1) {
    // Short of the block only if the line ends before it starts (an empty line is not,
    // for a block from the first column): vim's block_prep().
    return {
      short: cell < left,
      first: line.length,
      last: line.length - 1,
      whole: line.length,
      wholeEnd: line.length,
      startOut: 0,
      startIn: 0,
      endIn: 0,
      endOut: 0,
      missing: Number.isFinite(right) ? right + 1 - cell : 0,
    };
  }
  let last = first;
  while (last + 1 < line.length && starts[last + 1]! <= right) last++;
  const startCut = starts[first]! < left;
  const endCut = end(last) > right;
  const one = first === last && startCut && endCut;
  return {
    short: false,
    first,
    last,
    whole: startCut ? first + 1 : first,
    wholeEnd: Math.max(startCut ? first + 1 : first, endCut ? last : last + 1),
    startOut: startCut ? left - starts[first]! : 0,
    startIn: startCut ? Math.min(end(first), right) - left + 1 : 0,
    endIn: endCut && !one ? right - starts[last]! + 1 : 0,
    endOut: endCut ? end(last) - right : 0,
    missing: Number.isFinite(right) && end(last) < right ? right - end(last) : 0,
  };
}

const spaces = (n: number) => Array<string>(Math.max(0, n)).fill(" ");

/** The block's text, a line each, as vim yanks it (short lines padded to the width). */
function blockText(s: EditorState, b: Block): string[] {
  const out: string[] = [];
  for (let n = b.top; n <= b.bottom; n++) {
    const line = lineAt(s.lines, n);
    const p = partOf(line, b.left, b.right);
    out.push(
      [
        ...spaces(p.startIn),
        ...line.slice(p.whole, p.wholeEnd),
        ...spaces(p.endIn),
        ...spaces(p.short && Number.isFinite(b.right) ? b.right - b.left + 1 : 0),
      ].join(""),
    );
  }
  return out;
}

/** The register's width in cells: the block's, or its longest line's after `$`. */
function widthOf(b: Block, text: readonly string[]): number {
  if (Number.isFinite(b.right)) return b.right - b.left + 1;
  return Math.max(0, ...text.map((t) => cellsOf([...t])));
}

export function yankBlock(s: EditorState, b: Block, kind: "yank" | "delete"): EditorState {
  const text = blockText(s, b);
  return storeRegister(
    s,
    { text: text.join("\n"), linewise: false, blockwise: widthOf(b, text) },
    kind,
  );
}

/** Where each line of the block is cut (null for a line short of it), as `c` types there. */
export function cutColumns(s: EditorState, b: Block): (number | null)[] {
  const out: (number | null)[] = [];
  for (let n = b.top; n <= b.bottom; n++) {
    const p = partOf(lineAt(s.lines, n), b.left, b.right);
    out.push(p.short ? null : p.first + p.startOut);
  }
  return out;
}

/** Removes the block; each cut grapheme leaves spaces for its cells outside the block. */
export function deleteBlock(s: EditorState, b: Block): { lines: Lines; col: number } {
  const lines = s.lines.map((line, n) => {
    if (n < b.top || n > b.bottom) return line;
    const p = partOf(line, b.left, b.right);
    if (p.short) return line;
    return [...line.slice(0, p.first), ...spaces(p.startOut + p.endOut), ...line.slice(p.last + 1)];
  });
  const top = partOf(lineAt(s.lines, b.top), b.left, b.right);
  return { lines, col: top.first + top.startOut };
}

/** d x: the block goes to the register and the cursor to its top-left corner. */
export function cutBlock(s: EditorState, b: Block): EditorState {
  const stored = yankBlock(s, b, "delete");
  const { lines, col } = deleteBlock(s, b);
  return clampNormal(withLines({ ...stored, cursor: { line: b.top, col } }, lines));
}

/**
 * r x: every cell of the block becomes x (half as many for a two-cell x), as vim's
 * op_replace(); a character the edge cuts leaves spaces for its cells outside.
 */
export function replaceBlock(s: EditorState, b: Block, ch: string): EditorState {
  const wide = cellsAt(ch, 0) > 1 ? 2 : 1;
  const lines = s.lines.map((line, n) => {
    if (n < b.top || n > b.bottom) return line;
    const p = partOf(line, b.left, b.right);
    if (p.short) return line;
    const cells = p.startIn + cellsOf(line.slice(p.whole, p.wholeEnd)) + p.endIn;
    return [
      ...line.slice(0, p.first),
      ...spaces(p.startOut),
      ...Array<string>(Math.floor(cells / wide)).fill(ch),
      ...spaces(p.endOut),
      ...line.slice(p.last + 1),
    ];
  });
  const top = partOf(lineAt(s.lines, b.top), b.left, b.right);
  return clampNormal(
    withLines({ ...s, cursor: { line: b.top, col: top.first + top.startOut } }, lines),
  );
}

/** ~ u U: every grapheme whole inside the block, changed by `fn`. */
export function mapBlock(s: EditorState, b: Block, fn: (g: string) => string): EditorState {
  const lines = s.lines.map((line, n) => {
    if (n < b.top || n > b.bottom) return line;
    const p = partOf(line, b.left, b.right);
    if (p.short) return line;
    return line.map((g, i) => (i >= p.whole && i < p.wholeEnd ? fn(g) : g));
  });
  const top = partOf(lineAt(s.lines, b.top), b.left, b.right);
  return clampNormal(withLines({ ...s, cursor: { line: b.top, col: top.first } }, lines));
}

/**
 * Where `I`, `A` or `c` types on one line, making room first: a grapheme the edge cuts
 * becomes spaces, and `A` pads a line that ends before the block's right edge.
 */
function insertPoint(
  line: readonly string[],
  how: BlockInsert,
): { line: readonly string[]; col: number } | null {
  if (how.kind === "A" && !Number.isFinite(how.right)) return { line, col: line.length };
  const p = partOf(line, how.left, how.right);
  if (how.kind === "A") {
    if (p.short || p.missing > 0) {
      return { line: [...line, ...spaces(p.missing)], col: line.length + p.missing };
    }
    if (p.endOut > 0) {
      const cut = [
        ...line.slice(0, p.last),
        ...spaces(p.endIn + p.endOut),
        ...line.slice(p.last + 1),
      ];
      return { line: cut, col: p.last + p.endIn };
    }
    return { line, col: p.last + 1 };
  }
  if (p.short) return null;
  // Where the edge cuts a character, vim pads up to the edge and keeps the character after
  // it; a tab it cuts becomes the spaces it stood for, on both sides of the text.
  if (p.startOut > 0) {
    const tab = line[p.first] === "\t";
    const after = tab
      ? [
          ...spaces(cellsOf(line, 0, p.first + 1) - cellsOf(line, 0, p.first) - p.startOut),
          ...line.slice(p.first + 1),
        ]
      : line.slice(p.first);
    const cut = [...line.slice(0, p.first), ...spaces(p.startOut), ...after];
    return { line: cut, col: p.first + p.startOut };
  }
  return { line, col: p.first };
}

/** Opens the top line for `I`, `A` or `c` (after the delete): where the cursor types. */
export function prepareBlockInsert(
  s: EditorState,
  how: BlockInsert,
): { state: EditorState; col: number } {
  const at = insertPoint(lineAt(s.lines, how.top), how);
  if (!at) return { state: s, col: lineAt(s.lines, how.top).length };
  const lines = s.lines.map((l, n) => (n === how.top ? at.line : l));
  return { state: withLines(s, lines), col: at.col };
}

/**
 * Leaving insert after a block `I`, `A` or `c`: what was typed on the top line goes into the
 * other lines too (not if a line break was typed), and the cursor to the block's corner.
 */
export function finishBlockInsert(s: EditorState, how: BlockInsert): EditorState | null {
  const now = lineAt(s.lines, how.top);
  const added = now.length - how.before.length;
  if (s.lines.length !== how.lineCount || added <= 0) return null;
  const head = how.before.slice(0, how.col).join("");
  const tail = how.before.slice(how.col).join("");
  if (now.slice(0, how.col).join("") !== head || now.slice(how.col + added).join("") !== tail) {
    return null;
  }
  const typed = now.slice(how.col, how.col + added);
  const lines = s.lines.map((line, n) => {
    if (n <= how.top || n > how.bottom) return line;
    const fixed = how.cols?.[n - how.top];
    const at = how.cols ? (fixed == null ? null : { line, col: fixed }) : insertPoint(line, how);
    if (!at) return line;
    return [...at.line.slice(0, at.col), ...typed, ...at.line.slice(at.col)];
  });
  const cursor =
    how.corner < 0 ? { ...s.cursor, col: s.cursor.col - 1 } : { line: how.top, col: how.corner };
  return clampNormal(withLines({ ...s, cursor }, lines));
}

/**
 * p and P of a block: each of its lines goes into the next line down at the cursor's cell
 * (after it for p), lines added and short lines padded with spaces as needed, and a piece
 * with text after it padded to the block's width.
 */
export function putBlock(
  s: EditorState,
  text: string,
  width: number,
  after: boolean,
  count: number,
): EditorState {
  const pieces = text.split("\n").map(splitGraphemes);
  const cur = lineAt(s.lines, s.cursor.line);
  const [start, end] = span(s.lines, s.cursor);
  const cell = after && cur.length > 0 ? end + 1 : start;
  const lines = s.lines.map((l) => [...l]);
  let firstCol = 0;
  pieces.forEach((piece, k) => {
    const n = s.cursor.line + k;
    while (lines.length <= n) lines.push([]);
    let line = lines[n]!;
    const have = cellsOf(line);
    if (have < cell) line = [...line, ...spaces(cell - have)];
    let col = 0;
    while (col < line.length && cellsOf(line, 0, col + 1) <= cell) col++;
    const pad = spaces(width - cellsOf(piece));
    const one = [...piece, ...pad];
    const block = Array.from({ length: count }, () => one).flat();
    const rest = line.slice(col);
    // The last copy keeps its padding only where text follows it.
    const body = rest.length > 0 ? block : block.slice(0, block.length - pad.length);
    lines[n] = [...line.slice(0, col), ...body, ...rest];
    if (k === 0) firstCol = col;
  });
  return clampNormal(withLines({ ...s, cursor: { line: s.cursor.line, col: firstCol } }, lines));
}
