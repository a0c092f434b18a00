import { fromFlat, lineAt, toFlat } from "./buffer.js";
import {
  clampNormal,
  commitUndo,
  type EditorState,
  type RecordedChange,
  snapshot,
  withLines,
} from "./editor-state.js";
import { formatLines } from "./format.js";
import { cellForCol, resolveMotion } from "./motions.js";
import { failedMotion, jumpFrom, openInsert, reselect } from "./normal.js";
import { applyOperator } from "./operators.js";
import { parseMotion, readCount } from "./parse.js";
import { type Region, resolveTextObject } from "./textobjects.js";
import { applyTransform, shiftLines } from "./transform.js";

/** The selection: charwise includes both ends; linewise covers whole lines. */
export function visualRegion(s: EditorState): Region {
  const a = s.visualAnchor;
  const b = s.cursor;
  if (s.mode === "visual-line") {
    return { kind: "line", first: Math.min(a.line, b.line), last: Math.max(a.line, b.line) };
  }
  const fa = toFlat(s.lines, a);
  const fb = toFlat(s.lines, b);
  const lo = Math.min(fa, fb);
  const hiPos = fa <= fb ? b : a;
  // An empty line's selection still covers its line break, and so does `$`'s.
  const pastEnd = hiPos === b && s.wantCell === Number.POSITIVE_INFINITY;
  const hi = Math.max(fa, fb) + 1 + (pastEnd && lineAt(s.lines, hiPos.line).length > 0 ? 1 : 0);
  const total = toFlat(s.lines, {
    line: s.lines.length - 1,
    col: lineAt(s.lines, s.lines.length - 1).length,
  });
  return { kind: "char", from: lo, to: Math.min(hi, total) };
}

function toNormal(s: EditorState): EditorState {
  return clampNormal({ ...s, mode: "normal", pending: [] });
}

/**
 * How `.` repeats a visual change: as the normal command covering as much text from
 * the cursor (N lines, or N graphemes on one line). Other shapes are not repeated.
 */
function repeatOf(
  s: EditorState,
  region: Region,
  op: "d" | "c" | "g~" | "gu" | "gU",
): RecordedChange | null {
  const keys = op.split("");
  if (region.kind === "line") {
    return { count: region.last - region.first + 1, tokens: [...keys, keys[keys.length - 1]!] };
  }
  const a = s.visualAnchor;
  const b = s.cursor;
  if (a.line !== b.line) return null;
  const n = region.to - region.from;
  return { count: n, tokens: [...keys, "l"] };
}

/** `.` after a visual shift: as many lines, shifted as many times. */
function shiftRepeat(region: Extract<Region, { kind: "line" }>, op: ">" | "<", times: number) {
  const down = region.last - region.first;
  return {
    count: null,
    tokens: [
      "V",
      ...(down > 0 ? [...String(down).split(""), "j"] : []),
      ...(times > 1 ? String(times).split("") : []),
      op,
    ],
  };
}

function remember(s: EditorState, change: RecordedChange | null): EditorState {
  return change ? { ...s, lastChange: change } : s;
}

/**
 * Leaving visual mode keeps the selection, as vim's end_visual_mode(): `'<` and `'>` are its
 * first and last place (in linewise mode the first and last line's start and end), and gv
 * finds its anchor and cursor again. They are set before an operator changes the text, so
 * they follow the change as other marks do.
 */
export function rememberVisual(s: EditorState): EditorState {
  const a = s.visualAnchor;
  const b = s.cursor;
  const [lo, hi] = a.line < b.line || (a.line === b.line && a.col <= b.col) ? [a, b] : [b, a];
  const linewise = s.mode === "visual-line";
  const mode = s.mode === "visual-line" ? "visual-line" : "visual";
  return {
    ...s,
    marks: {
      ...s.marks,
      "<": linewise ? { line: lo.line, col: 0 } : lo,
      ">": linewise ? { line: hi.line, col: Number.MAX_SAFE_INTEGER } : hi,
      va: a,
      vc: b,
    },
    lastVisual: { mode, wantCell: s.wantCell },
  };
}

/** Keys that end visual mode (v and V only when they are the mode's own). */
const ENDS_VISUAL = new Set("<Esc> d x X D y Y c s C S ~ u U > < J :".split(" "));

/** One key in visual mode: motions stretch the selection; operators act on it. */
export function handleVisual(s0: EditorState, token: string): EditorState {
  const tokens = [...s0.pending, token];
  const { count, next } = readCount(tokens, 0);
  const t = tokens[next];
  if (t === undefined) return { ...s0, pending: tokens };
  const ends =
    ENDS_VISUAL.has(t) ||
    (t === "v" && s0.mode === "visual") ||
    (t === "V" && s0.mode === "visual-line");
  const s = ends ? rememberVisual({ ...s0, pending: [] }) : { ...s0, pending: [] };
  // Undo brings the cursor back to where the change began, the selection's start.
  const before = { ...snapshot(s), cursor: startOf(s) };
  const finish = (after: EditorState) => {
    const { undoCursor, undoExact, ...rest } = after;
    return commitUndo(
      toNormal(rest),
      {
        ...before,
        ...(undoCursor ? { cursor: undoCursor } : {}),
        ...(undoExact ? { exact: true } : {}),
      },
      undoExact,
    );
  };
  switch (t) {
    case "<Esc>":
      return toNormal(s);
    case "v":
    case "V": {
      const mode = t === "v" ? "visual" : "visual-line";
      return s.mode === mode ? toNormal(s) : { ...s, mode };
    }
    case "o":
      return { ...s, cursor: s.visualAnchor, visualAnchor: s.cursor };
    case "d":
    case "x":
    case "X":
    case "D": {
      const region = t === "X" || t === "D" ? asLines(s) : visualRegion(s);
      return remember(finish(applyOperator(s, "d", region)), repeatOf(s, region, "d"));
    }
    case "y":
    case "Y":
      return toNormal(applyOperator(s, "y", t === "Y" ? asLines(s) : visualRegion(s)));
    case "c":
    case "s":
    case "C":
    case "S": {
      const region = t === "C" || t === "S" ? asLines(s) : visualRegion(s);
      const changed = applyOperator({ ...s, mode: "normal" }, "c", region);
      const change = repeatOf(s, region, "c");
      return openInsert(changed, before, change?.count ?? null, change?.tokens ?? null);
    }
    case "~":
    case "u":
    case "U": {
      const op = t === "~" ? "g~" : t === "u" ? "gu" : "gU";
      const region = visualRegion(s);
      return remember(finish(applyTransform(s, op, region)), repeatOf(s, region, op));
    }
    case ">":
    case "<": {
      const region = asLines(s);
      const times = count ?? 1;
      const changed = shiftLines(s, t, region.first, region.last, times);
      return remember(finish(changed), shiftRepeat(region, t, times));
    }
    case "J": {
      const r = asLines(s);
      const joined = Array.from({ length: Math.max(1, r.last - r.first) }).reduce<EditorState>(
        (st) => joinOnce(st, r.first),
        s,
      );
      return finish(joined);
    }
    case ":":
      // The command works on the selected lines: vim writes their range in for you.
      return { ...s, mode: "command", commandLine: "'<,'>" };
    case "g":
      if (tokens[next + 1] === undefined) return { ...s0, pending: tokens };
      if (tokens[next + 1] === "v") return swapWithLast(s);
      if (tokens[next + 1] === "q") {
        const marked = rememberVisual(s);
        const region = asLines(marked);
        const done = formatLines(marked, region.first, region.last);
        // `.` formats as many lines again, as many as are left (vim's redo_VIsual).
        const down = region.last - region.first;
        const tokens = ["V", ...(down > 0 ? [...String(down).split(""), "j"] : []), "g", "q"];
        return remember(finish(done), { count: null, tokens });
      }
      break;
    case "i":
    case "a": {
      const key = tokens[next + 1];
      if (key === undefined) return { ...s0, pending: tokens };
      return selectObject(s, t, key, count ?? 1);
    }
  }
  const m = parseMotion(tokens, next);
  if (m === "incomplete") return { ...s0, pending: tokens };
  if (m === "invalid") return s;
  const ctx = {
    lines: s.lines,
    cursor: s.cursor,
    wantCell: s.wantCell,
    lastFind: s.lastFind,
    lastSearch: s.lastSearch,
    marks: s.marks,
    forOperator: false,
  };
  const key = m.motion.key;
  if (key === "l" || key === " " || key === "<Right>") {
    // In visual mode `l` may step onto the end of the line, taking its line break along
    // (vim's PAST_LINE with 'selection' inclusive).
    const line = lineAt(s.lines, s.cursor.line);
    const col = Math.min(line.length, s.cursor.col + (count ?? 1));
    if (col === s.cursor.col) return s;
    return { ...s, cursor: { ...s.cursor, col }, wantCell: cellForCol(line, col) };
  }
  const res = resolveMotion(ctx, key, m.motion.arg, count);
  if (!res) return failedMotion(s, key, m.motion.arg);
  return clampNormal({
    ...jumpFrom(s, key, res.pos),
    cursor: res.pos,
    wantCell: res.wantCell ?? s.wantCell,
    lastFind: res.lastFind ?? s.lastFind,
    lastSearch: res.lastSearch ?? s.lastSearch,
    message: res.message ?? s.message,
  });
}

/** `gv` in visual mode: the last selection comes back and this one becomes the last. */
function swapWithLast(s: EditorState): EditorState {
  if (!s.lastVisual) return { ...s, bell: true };
  const back = reselect(s);
  if (back.bell) return back;
  const kept = rememberVisual(s);
  return { ...back, marks: kept.marks, lastVisual: kept.lastVisual };
}

/** `viw`, `vap`, `vi(`…: the selection becomes the object (linewise for paragraphs). */
function selectObject(s: EditorState, scope: "i" | "a", key: string, count: number): EditorState {
  const region = resolveTextObject(s.lines, s.cursor, scope, key, count, true);
  if (!region) return s;
  if (region.kind === "line") {
    return {
      ...s,
      mode: "visual-line",
      visualAnchor: { line: region.first, col: 0 },
      cursor: { line: region.last, col: 0 },
    };
  }
  if (region.to <= region.from) return s;
  // The cursor may end on a line break the object takes (vi{ over whole lines).
  const cursor = fromFlat(s.lines, region.to - 1);
  return {
    ...s,
    visualAnchor: fromFlat(s.lines, region.from),
    cursor,
    wantCell: cellForCol(lineAt(s.lines, cursor.line), cursor.col),
  };
}

function startOf(s: EditorState) {
  const a = s.visualAnchor;
  const b = s.cursor;
  return a.line < b.line || (a.line === b.line && a.col <= b.col) ? a : b;
}

function asLines(s: EditorState): Extract<Region, { kind: "line" }> {
  return {
    kind: "line",
    first: Math.min(s.visualAnchor.line, s.cursor.line),
    last: Math.max(s.visualAnchor.line, s.cursor.line),
  };
}

function joinOnce(s: EditorState, at: number): EditorState {
  if (at + 1 >= s.lines.length) return s;
  const cur = lineAt(s.lines, at);
  const nextLine = lineAt(s.lines, at + 1);
  const start = nextLine.findIndex((g) => !/^\s$/u.test(g));
  const rest = start === -1 ? [] : nextLine.slice(start);
  const space =
    cur.length > 0 && !/^\s$/u.test(cur[cur.length - 1]!) && rest.length > 0 && rest[0] !== ")";
  const lines = [
    ...s.lines.slice(0, at),
    [...cur, ...(space ? [" "] : []), ...rest],
    ...s.lines.slice(at + 2),
  ];
  return withLines({ ...s, cursor: { line: at, col: cur.length } }, lines);
}
