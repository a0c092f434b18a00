import { tl } from "../i18n/index.js";
import {
  bigClass,
  charClass,
  firstNonBlank,
  flatten,
  fromFlat,
  type Lines,
  lineAt,
  type Pos,
  toFlat,
} from "./buffer.js";
import type { FindSpec } from "./editor-state.js";
import { cellsAt, cellsOf } from "./graphemes.js";
import { type SearchSpec, search, splitOffset, wordUnderCursor } from "./search.js";

export type MotionKind = "exclusive" | "inclusive" | "linewise";

export interface MotionResult {
  pos: Pos;
  kind: MotionKind;
  /** The display column j/k aim for afterwards (Infinity after `$`). */
  wantCell?: number;
  lastFind?: FindSpec;
  lastSearch?: SearchSpec;
  /** Said on the status line: "search hit BOTTOM, continuing at TOP". */
  message?: string;
}

export interface MotionContext {
  lines: Lines;
  cursor: Pos;
  wantCell: number;
  lastFind: FindSpec | null;
  lastSearch: SearchSpec | null;
  marks: Readonly<Record<string, Pos>>;
  /** Operators may reach one past the last grapheme (dl on the last char). */
  forOperator: boolean;
}

/** Motion keys the normal-mode grammar accepts; f F t T take one more key. */
export const MOTION_KEYS = new Set([
  "h",
  "j",
  "k",
  "l",
  "w",
  "b",
  "e",
  "W",
  "B",
  "E",
  "0",
  "^",
  "$",
  "G",
  "gg",
  "ge",
  ";",
  ",",
  "+",
  "-",
  "_",
  " ",
  "<BS>",
  "<CR>",
  "<Left>",
  "<Right>",
  "<Up>",
  "<Down>",
  "<Home>",
  "<End>",
  "%",
  "{",
  "}",
  "n",
  "N",
  "*",
  "#",
  "g*",
  "g#",
]);
export const FIND_KEYS = new Set(["f", "F", "t", "T"]);

function isEmptyLineStart(flat: readonly string[], j: number): boolean {
  return (j === 0 || flat[j - 1] === "\n") && (j === flat.length || flat[j] === "\n");
}

/**
 * Vim's `w`, step by step as fwd_word() in vim's search.c: the flat index `n` (and any "\n")
 * is where a line ends. With an operator (`eol`), the last word stops at the end of its
 * line, so `dw` on a line's last word keeps the line break.
 */
function forwardWord(
  flat: readonly string[],
  start: number,
  big: boolean,
  count: number,
  eol: boolean,
): number {
  const cls = big ? bigClass : charClass;
  const n = flat.length;
  let i = start;
  // 0: moved within the line; 1: moved to the next line; 2: moved onto the line's end; -1: at the end.
  const inc = (): number => {
    if (i >= n) return -1;
    if (flat[i] === "\n") {
      i++;
      return 1;
    }
    i++;
    return i === n || flat[i] === "\n" ? 2 : 0;
  };
  for (let left = count - 1; left >= 0; left--) {
    const sclass = cls(flat[i]);
    let r = inc();
    if (r === -1) return i;
    if (r >= 1 && eol && left === 0) return i;
    if (sclass !== 0) {
      while (cls(flat[i]) === sclass) {
        r = inc();
        if (r === -1 || (r >= 1 && eol && left === 0)) return i;
      }
    }
    while (cls(flat[i]) === 0) {
      if (isEmptyLineStart(flat, i)) break;
      r = inc();
      if (r === -1 || (r >= 1 && eol && left === 0)) return i;
    }
  }
  return i;
}

export function wordEnd(flat: readonly string[], i: number, big: boolean): number {
  const cls = big ? bigClass : charClass;
  const n = flat.length;
  let j = i + 1;
  while (j < n && cls(flat[j]) === 0) j++;
  if (j >= n) return n - 1;
  const c = cls(flat[j]);
  while (j + 1 < n && cls(flat[j + 1]) === c) j++;
  return j;
}

function prevWordStart(flat: readonly string[], i: number, big: boolean): number {
  const cls = big ? bigClass : charClass;
  let j = i - 1;
  while (j > 0 && cls(flat[j]) === 0) {
    if (isEmptyLineStart(flat, j)) return j;
    j--;
  }
  if (j <= 0) return 0;
  const c = cls(flat[j]);
  while (j > 0 && cls(flat[j - 1]) === c) j--;
  return j;
}

/** Vim's `ge` (bckend_word() in vim's search.c). */
function prevWordEnd(flat: readonly string[], start: number, big: boolean): number {
  const cls = big ? bigClass : charClass;
  let i = start;
  const sclass = cls(flat[i]);
  if (i === 0) return 0;
  i--;
  if (sclass !== 0) {
    while (cls(flat[i]) === sclass) {
      if (i === 0) return 0;
      i--;
    }
  }
  while (cls(flat[i]) === 0) {
    if (isEmptyLineStart(flat, i)) break;
    if (i === 0) return 0;
    i--;
  }
  return i;
}

const PAIRS: Record<string, [string, string, 1 | -1]> = {
  "(": ["(", ")", 1],
  "[": ["[", "]", 1],
  "{": ["{", "}", 1],
  ")": ["(", ")", -1],
  "]": ["[", "]", -1],
  "}": ["{", "}", -1],
};

/** `%`: the first bracket at or after the cursor on its line, to its match (vim's findmatch). */
function matchPair(lines: Lines, cursor: Pos): Pos | null {
  const line = lineAt(lines, cursor.line);
  let col = cursor.col;
  while (col < line.length && !PAIRS[line[col]!]) col++;
  if (col >= line.length) return null;
  const [open, close, dir] = PAIRS[line[col]!]!;
  const flat = flatten(lines);
  let i = toFlat(lines, { line: cursor.line, col });
  let depth = 0;
  for (i += dir; i >= 0 && i < flat.length; i += dir) {
    const g = flat[i];
    if (g === (dir === 1 ? open : close)) depth++;
    else if (g === (dir === 1 ? close : open)) {
      if (depth === 0) return fromFlat(lines, i);
      depth--;
    }
  }
  return null;
}

/** `{` and `}`: to the next empty line, as vim's findpar(); on the last line, to its end. */
function paragraphMotion(
  lines: Lines,
  cursor: Pos,
  dir: 1 | -1,
  count: number,
): MotionResult | null {
  let curr = cursor.line;
  for (let left = count; left > 0; left--) {
    let didSkip = false;
    for (let first = true; ; first = false) {
      if (lineAt(lines, curr).length > 0) didSkip = true;
      if (!first && didSkip && lineAt(lines, curr).length === 0) break;
      curr += dir;
      if (curr < 0 || curr >= lines.length) {
        // The text ends with paragraphs still to go: the motion fails.
        if (left > 1) return null;
        curr -= dir;
        break;
      }
    }
  }
  const last = lines.length - 1;
  // Landing on the last line (vim 9.0 does so in both directions) puts the cursor on its end.
  if (curr === last && lineAt(lines, curr).length > 0) {
    const col = lineAt(lines, curr).length - 1;
    return {
      pos: { line: curr, col },
      kind: "inclusive",
      wantCell: cellForCol(lineAt(lines, curr), col),
    };
  }
  return { pos: { line: curr, col: 0 }, kind: "exclusive", wantCell: 0 };
}

/** The grapheme index on `line` that covers display column `cell`. */
export function colForCell(line: readonly string[], cell: number, allowPastEnd: boolean): number {
  let used = 0;
  for (let i = 0; i < line.length; i++) {
    const w = cellsAt(line[i]!, used);
    if (used + w > cell) return i;
    used += w;
  }
  return Math.max(0, allowPastEnd ? line.length : line.length - 1);
}

export function cellForCol(line: readonly string[], col: number): number {
  return cellsOf(line, 0, Math.min(col, line.length));
}

function find(line: readonly string[], col: number, spec: FindSpec, count: number, again: boolean) {
  const forward = spec.kind === "f" || spec.kind === "t";
  const till = spec.kind === "t" || spec.kind === "T";
  // Repeating t/T with ; must not stick on the character it already stands before.
  let i = col + (forward ? 1 : -1) * (again && till ? 2 : 1);
  let found = -1;
  let left = count;
  while (i >= 0 && i < line.length) {
    if (line[i] === spec.ch && --left === 0) {
      found = i;
      break;
    }
    i += forward ? 1 : -1;
  }
  if (found === -1) return null;
  return till ? found + (forward ? -1 : 1) : found;
}

function linewiseTo(ctx: MotionContext, line: number): MotionResult {
  const target = Math.max(0, Math.min(line, ctx.lines.length - 1));
  return {
    pos: { line: target, col: firstNonBlank(lineAt(ctx.lines, target)) },
    kind: "linewise",
  };
}

/**
 * Where a motion goes from the cursor, or null when it cannot move (vim would beep;
 * an operator with a failed motion does nothing).
 */
export function resolveMotion(
  ctx: MotionContext,
  key: string,
  arg: string | undefined,
  countGiven: number | null,
): MotionResult | null {
  const count = countGiven ?? 1;
  const { lines, cursor } = ctx;
  const line = lineAt(lines, cursor.line);
  const lastCol = Math.max(0, line.length - 1);
  const flatMotion = (
    fn: (flat: string[], i: number) => number,
    kind: MotionKind,
    times = count,
  ) => {
    const flat = flatten(lines);
    let i = toFlat(lines, cursor);
    for (let n = 0; n < times; n++) i = fn(flat, i);
    if (!ctx.forOperator && i >= flat.length) i = flat.length - 1;
    i = Math.max(0, i);
    const pos = fromFlat(lines, i);
    if (!ctx.forOperator) {
      // The "\n" after a line is not a place the cursor can stand in normal mode.
      pos.col = Math.min(pos.col, Math.max(0, lineAt(lines, pos.line).length - 1));
    }
    return { pos, kind, wantCell: cellForCol(lineAt(lines, pos.line), pos.col) };
  };
  switch (key) {
    case "h":
    case "<Left>":
    case "<BS>": {
      if (cursor.col === 0) return null;
      const col = Math.max(0, cursor.col - count);
      return {
        pos: { line: cursor.line, col },
        kind: "exclusive",
        wantCell: cellForCol(line, col),
      };
    }
    case "l":
    case " ":
    case "<Right>": {
      const max = ctx.forOperator ? line.length : lastCol;
      if (cursor.col >= max) return null;
      const col = Math.min(max, cursor.col + count);
      return {
        pos: { line: cursor.line, col },
        kind: "exclusive",
        wantCell: cellForCol(line, col),
      };
    }
    case "j":
    case "<Down>":
    case "k":
    case "<Up>": {
      const down = key === "j" || key === "<Down>";
      const target = cursor.line + (down ? count : -count);
      const clamped = Math.max(0, Math.min(lines.length - 1, target));
      if (clamped === cursor.line) return null;
      const col = colForCell(lineAt(lines, clamped), ctx.wantCell, false);
      return { pos: { line: clamped, col }, kind: "linewise" };
    }
    case "+":
    case "<CR>":
      if (cursor.line + 1 >= lines.length) return null;
      return linewiseTo(ctx, cursor.line + count);
    case "-":
      if (cursor.line === 0) return null;
      return linewiseTo(ctx, cursor.line - count);
    case "_":
      return linewiseTo(ctx, cursor.line + count - 1);
    case "0":
    case "<Home>":
      return { pos: { line: cursor.line, col: 0 }, kind: "exclusive", wantCell: 0 };
    case "^": {
      const col = firstNonBlank(line);
      return {
        pos: { line: cursor.line, col },
        kind: "exclusive",
        wantCell: cellForCol(line, col),
      };
    }
    case "$":
    case "<End>": {
      const target = Math.min(lines.length - 1, cursor.line + count - 1);
      const l = lineAt(lines, target);
      const col = Math.max(0, l.length - 1);
      return { pos: { line: target, col }, kind: "inclusive", wantCell: Number.POSITIVE_INFINITY };
    }
    case "G":
      return linewiseTo(ctx, countGiven === null ? lines.length - 1 : countGiven - 1);
    case "gg":
      return linewiseTo(ctx, countGiven === null ? 0 : countGiven - 1);
    case "w":
    case "W":
      return flatMotion(
        (f, i) => forwardWord(f, i, key === "W", count, ctx.forOperator),
        "exclusive",
        1,
      );
    case "e":
    case "E":
      return flatMotion((f, i) => wordEnd(f, i, key === "E"), "inclusive");
    case "b":
    case "B": {
      if (cursor.line === 0 && cursor.col === 0) return null;
      return flatMotion((f, i) => prevWordStart(f, i, key === "B"), "exclusive");
    }
    case "ge":
      return flatMotion((f, i) => prevWordEnd(f, i, false), "inclusive");
    case "%": {
      // N% goes to the line N percent down the text.
      if (countGiven !== null) {
        if (countGiven > 100) return null;
        return linewiseTo(ctx, Math.floor((countGiven * lines.length + 99) / 100) - 1);
      }
      const pos = matchPair(lines, cursor);
      if (!pos) return null;
      return { pos, kind: "inclusive", wantCell: cellForCol(lineAt(lines, pos.line), pos.col) };
    }
    case "{":
    case "}":
      return paragraphMotion(lines, cursor, key === "}" ? 1 : -1, count);
    case "'":
    case "`": {
      const name = arg === "`" ? "'" : (arg ?? "");
      const mark = ctx.marks[name];
      if (!mark || mark.line >= lines.length) return null;
      if (key === "'") return linewiseTo(ctx, mark.line);
      const l = lineAt(lines, mark.line);
      const col = Math.min(mark.col, Math.max(0, l.length - (ctx.forOperator ? 0 : 1)));
      return { pos: { line: mark.line, col }, kind: "exclusive", wantCell: cellForCol(l, col) };
    }
    case "/":
    case "?": {
      const typed = splitOffset(arg ?? "", key);
      const last = ctx.lastSearch;
      // An empty pattern searches for the last one again (with its offset if none is given).
      if (typed.pattern === "" && !last) return null;
      const spec: SearchSpec = {
        pattern: typed.pattern === "" ? last!.pattern : typed.pattern,
        forward: key === "/",
        offset:
          typed.pattern === "" && typed.offset === "" && !(arg ?? "").includes(key)
            ? last!.offset
            : typed.offset,
      };
      return searchMotion(lines, cursor, spec, count);
    }
    case "n":
    case "N": {
      const last = ctx.lastSearch;
      if (!last) return null;
      const res = searchMotion(
        lines,
        cursor,
        { ...last, forward: key === "n" ? last.forward : !last.forward },
        count,
      );
      return res ? { ...res, lastSearch: last } : null;
    }
    case "*":
    case "#":
    case "g*":
    case "g#": {
      const word = wordUnderCursor(lines, cursor, key.length === 1);
      if (!word) return null;
      const spec = { pattern: word.pattern, forward: key.endsWith("*"), offset: "" };
      return searchMotion(lines, word.start, spec, count);
    }
    case "f":
    case "F":
    case "t":
    case "T": {
      if (arg === undefined) return null;
      const spec: FindSpec = { kind: key, ch: arg };
      const col = find(line, cursor.col, spec, count, false);
      if (col === null) return null;
      return {
        pos: { line: cursor.line, col },
        kind: key === "f" || key === "t" ? "inclusive" : "exclusive",
        wantCell: cellForCol(line, col),
        lastFind: spec,
      };
    }
    case ";":
    case ",": {
      const last = ctx.lastFind;
      if (!last) return null;
      const flip: Record<FindSpec["kind"], FindSpec["kind"]> = { f: "F", F: "f", t: "T", T: "t" };
      const spec: FindSpec = key === ";" ? last : { kind: flip[last.kind], ch: last.ch };
      const col = find(line, cursor.col, spec, count, true);
      if (col === null) return null;
      return {
        pos: { line: cursor.line, col },
        kind: spec.kind === "f" || spec.kind === "t" ? "inclusive" : "exclusive",
        wantCell: cellForCol(line, col),
      };
    }
  }
  return null;
}

function searchMotion(
  lines: Lines,
  from: Pos,
  spec: SearchSpec,
  count: number,
): MotionResult | null {
  const found = search(lines, from, spec, count);
  if ("error" in found) return null;
  const { pos, wrapped } = found.hit;
  return {
    pos,
    kind: found.linewise ? "linewise" : found.inclusive ? "inclusive" : "exclusive",
    wantCell: cellForCol(lineAt(lines, pos.line), pos.col),
    lastSearch: spec,
    ...(wrapped
      ? {
          message: tl(spec.forward ? "compose.searchWrappedBottom" : "compose.searchWrappedTop"),
        }
      : {}),
  };
}
