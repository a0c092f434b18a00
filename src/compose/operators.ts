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
import { clampNormal, type EditorState, withLines } from "./editor-state.js";
import { splitGraphemes } from "./graphemes.js";
import { type MotionResult, wordEnd } from "./motions.js";
import type { Operator } from "./parse.js";
import type { Region } from "./textobjects.js";

/** Turns a motion from `start` into the region an operator covers (vim's rules). */
export function regionFromMotion(lines: Lines, start: Pos, res: MotionResult): Region {
  if (res.kind === "linewise") {
    return {
      kind: "line",
      first: Math.min(start.line, res.pos.line),
      last: Math.max(start.line, res.pos.line),
    };
  }
  const a = toFlat(lines, start);
  const b = toFlat(lines, res.pos);
  const [lo, hiPos] = a <= b ? [a, res.pos] : [b, start];
  let hi = Math.max(a, b);
  if (res.kind === "inclusive") hi += 1;
  const loPos = fromFlat(lines, lo);
  // An exclusive motion that ends at the start of a later line stops at the end of the
  // line before: `dw` on a line's last word keeps the line break.
  if (res.kind === "exclusive" && hiPos.col === 0 && hiPos.line > loPos.line) {
    hi = toFlat(lines, { line: hiPos.line - 1, col: lineAt(lines, hiPos.line - 1).length });
  }
  return { kind: "char", from: lo, to: Math.min(hi, flatten(lines).length) };
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
export function applyOperator(s: EditorState, op: Operator, region: Region): EditorState {
  const register = { text: regionText(s.lines, region), linewise: region.kind === "line" };
  if (op === "y") {
    const cursor =
      region.kind === "char"
        ? fromFlat(s.lines, region.from)
        : { line: region.first, col: region.first === s.cursor.line ? s.cursor.col : 0 };
    return clampNormal({ ...s, register, cursor, message: yankMessage(register.text) });
  }
  if (region.kind === "char") {
    const lines = deleteFlat(s.lines, region.from, region.to);
    const next = withLines({ ...s, register, cursor: fromFlat(lines, region.from) }, lines);
    return op === "c" ? { ...next, mode: "insert" } : clampNormal(next);
  }
  if (op === "c") {
    const lines = [...s.lines.slice(0, region.first), [], ...s.lines.slice(region.last + 1)];
    return {
      ...withLines({ ...s, register, cursor: { line: region.first, col: 0 } }, lines),
      mode: "insert",
    };
  }
  let lines: Lines = [...s.lines.slice(0, region.first), ...s.lines.slice(region.last + 1)];
  if (lines.length === 0) lines = [[]];
  const line = Math.min(region.first, lines.length - 1);
  return clampNormal(
    withLines({ ...s, register, cursor: { line, col: firstNonBlank(lineAt(lines, line)) } }, lines),
  );
}

function yankMessage(text: string): string {
  const n = text.split("\n").length;
  return n > 2 ? `${n} lines yanked` : "";
}

export function toggleCase(g: string): string {
  const flipped = g === g.toLowerCase() ? g.toUpperCase() : g.toLowerCase();
  // ß → SS would change the text's length under the cursor: leave such letters alone.
  return splitGraphemes(flipped).length === 1 ? flipped : g;
}
