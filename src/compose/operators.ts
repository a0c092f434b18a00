import { tl } from "../i18n/index.js";
import {
  charClass,
  deleteFlat,
  firstNonBlank,
  flatten,
  fromFlat,
  type Lines,
  lineAt,
  type Pos,
  sliceFlat,
  toFlat,
} from "./buffer.js";
import { clampNormal, type EditorState, storeRegister, withLines } from "./editor-state.js";
import { type MotionResult, wordEnd } from "./motions.js";
import { isTransform, type Operator } from "./parse.js";
import type { Region } from "./textobjects.js";
import { applyTransform } from "./transform.js";

/** Only blanks before `col` on the line: vim's inindent(). */
function inIndent(lines: Lines, pos: Pos): boolean {
  return lineAt(lines, pos.line)
    .slice(0, pos.col)
    .every((g) => charClass(g) === 0);
}

/** Turns a motion from `start` into the region an operator covers (vim's rules). */
export function regionFromMotion(
  lines: Lines,
  start: Pos,
  res: MotionResult,
  op?: Operator,
): Region {
  if (res.kind === "linewise") {
    return {
      kind: "line",
      first: Math.min(start.line, res.pos.line),
      last: Math.max(start.line, res.pos.line),
    };
  }
  const flat = flatten(lines);
  const a = toFlat(lines, start);
  const b = toFlat(lines, res.pos);
  const [lo, hiPos] = a <= b ? [a, res.pos] : [b, start];
  let hi = Math.max(a, b);
  // An inclusive motion includes the grapheme it ends on; an empty line's end is not one.
  if (res.kind === "inclusive" && hi < flat.length && flat[hi] !== "\n") hi += 1;
  const loPos = fromFlat(lines, lo);
  // `:help exclusive-linewise`: an exclusive motion that ends in column 0 of a later line
  // ends at the end of the line before; if it also started in the indent, it is linewise.
  let adjusted = false;
  if (res.kind === "exclusive" && hiPos.col === 0 && hiPos.line > loPos.line) {
    if (inIndent(lines, loPos)) {
      return { kind: "line", first: loPos.line, last: hiPos.line - 1, adjusted: true };
    }
    hi = toFlat(lines, { line: hiPos.line - 1, col: lineAt(lines, hiPos.line - 1).length });
    adjusted = true;
  }
  const endPos = fromFlat(lines, hi);
  // Vim's op_delete(): a delete over several lines that starts in the indent and leaves only
  // blanks after its end takes the whole lines.
  if (
    op === "d" &&
    endPos.line > loPos.line &&
    inIndent(lines, loPos) &&
    lineAt(lines, endPos.line)
      .slice(endPos.col)
      .every((g) => charClass(g) === 0)
  ) {
    return { kind: "line", first: loPos.line, last: endPos.line };
  }
  return {
    kind: "char",
    from: lo,
    to: Math.min(hi, flat.length),
    ...(adjusted ? { adjusted } : {}),
  };
}

/** `cw` on a word changes to its end (like `ce`), keeping the blank after it. */
export function changeWordRegion(lines: Lines, cursor: Pos, big: boolean, count: number): Region {
  const flat = flatten(lines);
  const from = toFlat(lines, cursor);
  const cls = big ? (g: string | undefined) => (charClass(g) === 0 ? 0 : 2) : charClass;
  let end = from;
  const c = cls(flat[end]);
  while (end + 1 < flat.length && cls(flat[end + 1]) === c && flat[end + 1] !== "\n") end++;
  for (let n = 1; n < count; n++) end = wordEnd(flat, end, big);
  return { kind: "char", from, to: end + 1 };
}

export function regionText(lines: Lines, region: Region): string {
  if (region.kind === "char") return sliceFlat(lines, region.from, region.to);
  return lines
    .slice(region.first, region.last + 1)
    .map((l) => l.join(""))
    .join("\n");
}

/**
 * d, c, y over a region. `c` leaves the state in insert mode; the caller opens the
 * insert session (it owns undo and `.` recording).
 */
export function applyOperator(
  s: EditorState,
  op: Operator,
  region: Region,
  start?: Pos,
): EditorState {
  if (isTransform(op)) return applyTransform(s, op, region, start);
  const taken = { text: regionText(s.lines, region), linewise: region.kind === "line" };
  const stored = storeRegister(s, taken, op === "y" ? "yank" : "delete");
  if (op === "y") {
    const cursor =
      region.kind === "char"
        ? fromFlat(s.lines, region.from)
        : { line: region.first, col: region.first === s.cursor.line ? s.cursor.col : 0 };
    return clampNormal({ ...stored, cursor, message: yankMessage(taken.text) });
  }
  if (region.kind === "char") {
    const lines = deleteFlat(s.lines, region.from, region.to);
    const next = withLines({ ...stored, cursor: fromFlat(lines, region.from) }, lines);
    return op === "c" ? { ...next, mode: "insert" } : clampNormal(next);
  }
  if (op === "c") {
    const lines = [...s.lines.slice(0, region.first), [], ...s.lines.slice(region.last + 1)];
    return {
      ...withLines({ ...stored, cursor: { line: region.first, col: 0 } }, lines),
      mode: "insert",
    };
  }
  let lines: Lines = [...s.lines.slice(0, region.first), ...s.lines.slice(region.last + 1)];
  const removed = { at: region.first, removed: region.last - region.first + 1 };
  if (lines.length === 0) lines = [[]];
  const line = Math.min(region.first, lines.length - 1);
  const cursor = { line, col: firstNonBlank(lineAt(lines, line)) };
  return clampNormal(withLines({ ...stored, cursor }, lines, removed));
}

function yankMessage(text: string): string {
  const n = text.split("\n").length;
  return n > 2 ? tl("compose.linesYanked", { count: n }) : "";
}
