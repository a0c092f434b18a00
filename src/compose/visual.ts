import {
  blockOf,
  cutBlock,
  cutColumns,
  deleteBlock,
  mapBlock,
  partOf,
  prepareBlockInsert,
  replaceBlock,
  yankBlock,
} from "./block.js";
import { fromFlat, lineAt, toFlat } from "./buffer.js";
import {
  type BlockInsert,
  clampNormal,
  commitUndo,
  type EditorState,
  type RecordedChange,
  snapshot,
  withLines,
} from "./editor-state.js";
import { formatLines } from "./format.js";
import { cellForCol, colForCell, resolveMotion } from "./motions.js";
import { blockRepeatToken, failedMotion, jumpFrom, openInsert, reselect } from "./normal.js";
import { applyOperator } from "./operators.js";
import { isNamedToken, parseMotion, readCount } from "./parse.js";
import { type Region, resolveTextObject } from "./textobjects.js";
import { applyTransform, caseOf, shiftLines, toggleCase } from "./transform.js";

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
  const { blockEdges: _, ...rest } = s;
  return clampNormal({ ...rest, mode: "normal", pending: [] });
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
  const mode = s.mode === "visual-line" || s.mode === "visual-block" ? s.mode : ("visual" as const);
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

const VERTICAL = new Set(["j", "k", "<Up>", "<Down>"]);

/** Keys that end visual mode (v and V only when they are the mode's own). */
const ENDS_VISUAL = new Set("<Esc> d x X D y Y c s C S ~ u U > < J :".split(" "));

/** One key in visual mode: motions stretch the selection; operators act on it. */
export function handleVisual(s0: EditorState, token: string): EditorState {
  const tokens = [...s0.pending, token];
  const { count, next } = readCount(tokens, 0);
  const t = tokens[next];
  if (t === undefined) return { ...s0, pending: tokens };
  const block = s0.mode === "visual-block";
  const ends =
    ENDS_VISUAL.has(t) ||
    (t === "v" && s0.mode === "visual") ||
    (t === "V" && s0.mode === "visual-line") ||
    (t === "<C-v>" && block) ||
    (block && (t === "I" || t === "A" || t === "r"));
  const s = ends ? rememberVisual({ ...s0, pending: [] }) : { ...s0, pending: [] };
  // Undo brings the cursor back to where the change began, the selection's start (a
  // block's top-left corner).
  const before = { ...snapshot(s), cursor: block ? blockCorner(s) : startOf(s) };
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
  if (block) {
    const done = handleBlock(s, t, tokens[next + 1], before, finish);
    if (done === "pending") return { ...s0, pending: tokens };
    // After a change the column j and k keep to is where the cursor now is.
    if (done && done.mode === "normal") {
      const l = lineAt(done.lines, done.cursor.line);
      return { ...done, wantCell: cellForCol(l, done.cursor.col) };
    }
    if (done) return done;
  }
  switch (t) {
    case "<Esc>":
      return toNormal(s);
    case "v":
    case "V":
    case "<C-v>": {
      const mode = t === "v" ? "visual" : t === "V" ? "visual-line" : "visual-block";
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
  // In a block, j and k onto a line too short for the column stop just past its end, as
  // vim's coladvance() does while a selection is active.
  if (block && VERTICAL.has(key) && res.pos.line !== s.cursor.line) {
    const l = lineAt(s.lines, res.pos.line);
    if (
      s.wantCell !== Number.POSITIVE_INFINITY &&
      s.wantCell >= cellForCol(l, l.length) &&
      l.length > 0
    ) {
      return { ...s, cursor: { line: res.pos.line, col: l.length } };
    }
  }
  return clampNormal({
    ...jumpFrom(s, key, res.pos),
    cursor: res.pos,
    wantCell: res.wantCell ?? s.wantCell,
    lastFind: res.lastFind ?? s.lastFind,
    lastSearch: res.lastSearch ?? s.lastSearch,
    message: res.message ?? s.message,
  });
}

/**
 * The keys Ctrl-v's block handles its own way; null for those it shares with visual mode
 * (motions, o, v, V, :, J, X, Y, S), "pending" while `r` waits for its character.
 */
function handleBlock(
  s: EditorState,
  t: string,
  arg: string | undefined,
  before: ReturnType<typeof snapshot>,
  finish: (after: EditorState) => EditorState,
): EditorState | "pending" | null {
  const b = blockOf(s);
  const height = b.bottom - b.top + 1;
  const again = (tokens: string[]) => ({
    count: null,
    tokens: [blockRepeatToken(height, b.right - b.left + 1), ...tokens],
  });
  const corner = partOf(lineAt(s.lines, b.top), b.left, b.right).first;
  switch (t) {
    case "O": {
      // The other corner on this line, as vim's v_swap_corners(): the anchor to the left
      // edge and the cursor to the right one, or the other way if the cursor cannot move.
      const to = (line: number, cell: number) => ({
        line,
        col: colForCell(lineAt(s.lines, line), cell, false),
      });
      const swapped = to(s.cursor.line, b.right);
      if (swapped.col !== s.cursor.col || !Number.isFinite(b.right)) {
        return {
          ...s,
          visualAnchor: to(s.visualAnchor.line, b.left),
          cursor: swapped,
          wantCell: b.right,
        };
      }
      return {
        ...s,
        visualAnchor: to(s.visualAnchor.line, b.right),
        cursor: to(s.cursor.line, b.left),
        wantCell: b.left,
      };
    }
    case "d":
    case "x":
    case "X":
    case "<Del>":
    case "D": {
      const cut = t === "D" ? { ...b, right: Number.POSITIVE_INFINITY } : b;
      return remember(finish(cutBlock(s, cut)), again([t === "D" ? "D" : "d"]));
    }
    case "y":
    case "Y":
      return toNormal({ ...yankBlock(s, b, "yank"), cursor: { line: b.top, col: corner } });
    case "r":
    case "~":
    case "u":
    case "U": {
      if (t === "r" && arg === undefined) return "pending";
      if (t === "r" && (arg === undefined || (isNamedToken(arg) && arg !== "<Tab>"))) {
        return toNormal(s);
      }
      const ch = arg === "<Tab>" ? "\t" : (arg ?? "");
      const fn =
        t === "r"
          ? () => ch
          : t === "~"
            ? toggleCase
            : (g: string) => caseOf(t === "u" ? "gu" : "gU", g);
      const changed = t === "r" ? replaceBlock(s, b, ch) : mapBlock(s, b, fn);
      return remember(finish(changed), again(t === "r" ? ["r", arg!] : [t]));
    }
    case "c":
    case "s":
    case "C":
    case "I":
    case "A": {
      const kind = t === "I" ? "I" : t === "A" ? "A" : "c";
      const area = t === "C" ? { ...b, right: Number.POSITIVE_INFINITY } : b;
      let state: EditorState = { ...s, mode: "normal" };
      let corner2 = corner;
      const cols = kind === "c" ? cutColumns(state, area) : undefined;
      if (kind === "c") {
        const stored = yankBlock(state, area, "delete");
        const cut = deleteBlock(state, area);
        state = withLines(stored, cut.lines);
        corner2 = cut.col;
      }
      const how: BlockInsert = {
        kind,
        top: area.top,
        bottom: area.bottom,
        left: area.left,
        right: kind === "c" ? area.left : area.right,
        col: 0,
        before: [],
        lineCount: state.lines.length,
        corner: corner2,
      };
      const opened = prepareBlockInsert(state, kind === "c" ? { ...how, kind: "I" } : how);
      const at = { line: area.top, col: opened.col };
      const typing = { ...opened.state, cursor: at };
      const recording = again([kind === "c" ? (t === "C" ? "C" : "c") : kind]).tokens;
      // Undo comes back to where typing began.
      const open = openInsert(typing, { ...before, cursor: at }, null, recording);
      const withBlock: BlockInsert = {
        ...(kind === "c" ? { ...how, kind: "I" } : how),
        col: opened.col,
        before: lineAt(typing.lines, area.top),
        lineCount: typing.lines.length,
        // After c the cursor stays on the last grapheme typed, as after any insert.
        corner: kind === "A" ? corner : kind === "I" ? opened.col : -1,
        ...(cols ? { cols } : {}),
      };
      return { ...open, insert: open.insert ? { ...open.insert, block: withBlock } : null };
    }
    case ">":
    case "<":
    case "i":
    case "a":
    case "p":
    case "P":
      // Not for blocks here: nothing happens rather than something else.
      return { ...s, bell: true };
  }
  return null;
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

function blockCorner(s: EditorState) {
  const b = blockOf(s);
  return { line: b.top, col: partOf(lineAt(s.lines, b.top), b.left, b.right).first };
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
