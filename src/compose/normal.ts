import { tl } from "../i18n/index.js";
import { putBlock } from "./block.js";
import {
  charClass,
  firstNonBlank,
  fromFlat,
  insertFlat,
  type Lines,
  lineAt,
  linesFromText,
  type Pos,
  toFlat,
} from "./buffer.js";
import {
  addEffect,
  clampNormal,
  commitUndo,
  type EditorState,
  readRegister,
  redo,
  snapshot,
  storeRegister,
  undo,
  withLines,
  withMessage,
} from "./editor-state.js";
import { keysFromString, keyToken } from "./keys.js";
import { cellForCol, colForCell, resolveMotion } from "./motions.js";
import { applyOperator, changeWordRegion, regionFromMotion } from "./operators.js";
import { isTransform, type Parsed, parseNormal } from "./parse.js";
import { splitOffset, wordUnderCursor } from "./search.js";
import { runSubstitute } from "./substitute.js";
import { resolveTextObject } from "./textobjects.js";
import { addToNumber, toggleCase } from "./transform.js";

type Snapshot = ReturnType<typeof snapshot>;

/** Hands over to insert mode, opening the session that undo and `.` treat as one change. */
export function openInsert(
  s: EditorState,
  before: Snapshot,
  count: number | null,
  body: readonly string[] | null,
  how: { repeat?: boolean; newLineEach?: boolean; replace?: boolean } = {},
): EditorState {
  return {
    ...s,
    mode: "insert",
    insert: {
      // i a I A o O type their text `count` times; c s S C change `count` things once.
      count: how.repeat ? (count ?? 1) : 1,
      typed: [],
      newLineEach: how.newLineEach ?? false,
      undoBase: before,
      start: s.cursor,
      recording: body,
      changeCount: count,
      ...(how.replace ? { replaced: [] } : {}),
    },
  };
}

function motionContext(s: EditorState, forOperator: boolean) {
  return {
    lines: s.lines,
    cursor: s.cursor,
    wantCell: s.wantCell,
    lastFind: s.lastFind,
    lastSearch: s.lastSearch,
    marks: s.marks,
    forOperator,
  };
}

function moveTo(s: EditorState, parsed: Extract<Parsed, { kind: "motion" }>): EditorState {
  const res = resolveMotion(
    motionContext(s, false),
    parsed.motion.key,
    parsed.motion.arg,
    parsed.count,
  );
  if (!res) return failedMotion(s, parsed.motion.key, parsed.motion.arg);
  const wantCell = res.wantCell ?? s.wantCell;
  const moved = clampNormal({
    ...jumpFrom(s, parsed.motion.key, res.pos),
    cursor: res.pos,
    wantCell,
    lastFind: res.lastFind ?? s.lastFind,
    lastSearch: res.lastSearch ?? s.lastSearch,
  });
  return res.message ? withMessage(moved, res.message) : moved;
}

const SEARCH_KEYS = new Set(["/", "?", "n", "N", "*", "#", "g*", "g#"]);
/** Vim's jump motions: they leave the "'" mark where they started, for '' and ``. */
const JUMPS = new Set([...SEARCH_KEYS, "G", "gg", "%", "{", "}", "'", "`"]);

export function jumpFrom(s: EditorState, key: string, to?: Pos): EditorState {
  // A jump that lands where it started keeps the mark from before (vim's checkpcmark()).
  if (!JUMPS.has(key) || (to && to.line === s.cursor.line && to.col === s.cursor.col)) return s;
  return { ...s, marks: { ...s.marks, "'": s.cursor } };
}

/** A motion that cannot go: vim beeps; a search says why. */
export function failedMotion(s: EditorState, key: string, arg?: string): EditorState {
  if (!SEARCH_KEYS.has(key)) return { ...s, bell: true };
  const typed = key === "/" || key === "?" ? splitOffset(arg ?? "", key).pattern : "";
  const pattern =
    typed ||
    (key.endsWith("*") || key.endsWith("#")
      ? wordUnderCursor(s.lines, s.cursor, key.length === 1)?.pattern
      : s.lastSearch?.pattern);
  const message =
    pattern === undefined
      ? tl("compose.noPreviousPattern")
      : tl("compose.patternNotFound", { pattern });
  return { ...withMessage(s, message, true), bell: true };
}

function operate(s: EditorState, parsed: Extract<Parsed, { kind: "operator" }>): EditorState {
  const { op, target } = parsed;
  const count = parsed.count ?? 1;
  if (target.type === "line") {
    const last = s.cursor.line + count - 1;
    // Vim's cursor_down(): on the last line a count of more lines fails; elsewhere it stops at the end.
    if (count > 1 && s.cursor.line === s.lines.length - 1) return { ...s, bell: true };
    // An empty text has no line to delete.
    if (op === "d" && s.lines.length === 1 && s.lines[0]!.length === 0) return { ...s, bell: true };
    return applyOperator(
      s,
      op,
      { kind: "line", first: s.cursor.line, last: Math.min(last, s.lines.length - 1) },
      // g~~ leaves the cursor at the line's start; 3g~~ moved down (vim's cursor_down()),
      // so it keeps the column.
      count > 1 ? s.cursor : { line: s.cursor.line, col: 0 },
    );
  }
  if (target.type === "object") {
    const region = resolveTextObject(s.lines, s.cursor, target.scope, target.key, count);
    return region ? applyOperator(s, op, region) : { ...s, bell: true };
  }
  const { key, arg } = target.motion;
  if (
    op === "c" &&
    (key === "w" || key === "W") &&
    charClass(lineAt(s.lines, s.cursor.line)[s.cursor.col]) !== 0
  ) {
    return applyOperator(s, op, changeWordRegion(s.lines, s.cursor, key === "W", count));
  }
  const res = resolveMotion(motionContext(s, true), key, arg, parsed.count);
  if (!res) return failedMotion(s, key, arg);
  const start = toFlat(s.lines, res.pos) < toFlat(s.lines, s.cursor) ? res.pos : s.cursor;
  const region = regionFromMotion(s.lines, s.cursor, res, op);
  // An empty region (a search that found only where the cursor is) deletes nothing and
  // leaves the registers as they were.
  if (region.kind === "char" && region.from === region.to && op !== "c") return s;
  const next = applyOperator(jumpFrom(s, key), op, region, start);
  return {
    ...next,
    lastFind: res.lastFind ?? next.lastFind,
    lastSearch: res.lastSearch ?? next.lastSearch,
  };
}

function put(s: EditorState, after: boolean, count: number): EditorState {
  const reg = readRegister(s, s.activeRegister);
  if (!reg) return s;
  const { text, linewise } = reg;
  if (text === "" && !linewise) return s;
  if (reg.blockwise !== undefined) return putBlock(s, text, reg.blockwise, after, count);
  if (linewise) {
    const block = linesFromText(Array(count).fill(text).join("\n"));
    const at = s.cursor.line + (after ? 1 : 0);
    const lines: Lines = [...s.lines.slice(0, at), ...block, ...s.lines.slice(at)];
    const cursor = { line: at, col: firstNonBlank(lineAt(lines, at)) };
    return withLines({ ...s, cursor }, lines, { at, removed: 0 });
  }
  const line = lineAt(s.lines, s.cursor.line);
  const col = after && line.length > 0 ? s.cursor.col + 1 : s.cursor.col;
  const at = toFlat(s.lines, { line: s.cursor.line, col });
  const repeated = text.repeat(count);
  const lines = insertFlat(s.lines, at, repeated);
  const inserted = linesFromText(repeated);
  const multiLine = inserted.length > 1;
  const length = inserted.reduce((n, l) => n + l.length, 0) + inserted.length - 1;
  const cursor = fromFlat(lines, multiLine ? at : at + length - 1);
  return clampNormal(withLines({ ...s, cursor }, lines));
}

function join(s: EditorState, count: number): EditorState {
  const joins = Math.max(1, count - 1);
  if (s.cursor.line + 1 >= s.lines.length) return s;
  const lines = s.lines.map((l) => [...l]);
  const at = s.cursor.line;
  let col = 0;
  for (let n = 0; n < joins && at + 1 < lines.length; n++) {
    const cur = lines[at]!;
    const nextLine = lines[at + 1]!;
    const start = nextLine.findIndex((g) => charClass(g) !== 0);
    const rest = start === -1 ? [] : nextLine.slice(start);
    const noSpace =
      cur.length === 0 ||
      charClass(cur[cur.length - 1]) === 0 ||
      rest.length === 0 ||
      rest[0] === ")";
    col = noSpace ? Math.max(0, cur.length - 1) : cur.length;
    lines.splice(at, 2, [...cur, ...(noSpace ? [] : [" "]), ...rest]);
  }
  return clampNormal(withLines({ ...s, cursor: { line: at, col } }, lines));
}

function replaceChars(s: EditorState, ch: string, count: number): EditorState {
  const line = lineAt(s.lines, s.cursor.line);
  if (s.cursor.col + count > line.length) return s;
  const next = [...line];
  for (let i = 0; i < count; i++) next[s.cursor.col + i] = ch;
  const lines = s.lines.map((l, i) => (i === s.cursor.line ? next : l));
  return withLines({ ...s, cursor: { ...s.cursor, col: s.cursor.col + count - 1 } }, lines);
}

function tilde(s: EditorState, count: number): EditorState {
  const line = lineAt(s.lines, s.cursor.line);
  if (line.length === 0) return s;
  const end = Math.min(line.length, s.cursor.col + count);
  const next = line.map((g, i) => (i >= s.cursor.col && i < end ? toggleCase(g) : g));
  const lines = s.lines.map((l, i) => (i === s.cursor.line ? next : l));
  return clampNormal(withLines({ ...s, cursor: { ...s.cursor, col: end } }, lines));
}

const CHANGES = new Set([
  "x",
  "X",
  "s",
  "S",
  "D",
  "C",
  "p",
  "P",
  "J",
  "~",
  "r",
  "<Del>",
  "i",
  "a",
  "I",
  "A",
  "o",
  "O",
  "<Insert>",
  "R",
  "<C-a>",
  "<C-x>",
]);

function command(
  s: EditorState,
  parsed: Extract<Parsed, { kind: "command" }>,
  before: Snapshot,
  replay: (s: EditorState, tokens: readonly string[]) => EditorState,
): EditorState {
  const count = parsed.count ?? 1;
  const line = lineAt(s.lines, s.cursor.line);
  const op = (p: Omit<Extract<Parsed, { kind: "operator" }>, "kind" | "body">) =>
    operate(s, { kind: "operator", body: [], ...p });
  const ins = (
    t: EditorState,
    how: { repeat?: boolean; newLineEach?: boolean; replace?: boolean } = {},
  ) => openInsert(t, before, parsed.count, parsed.body, how);
  const typeIn = (t: EditorState, newLineEach = false) => ins(t, { repeat: true, newLineEach });
  switch (parsed.key) {
    case "x":
    case "<Del>":
      // Nothing to delete on an empty line, and for vim that is no error.
      if (line.length === 0) return s;
      return op({ count, op: "d", target: { type: "motion", motion: { key: "l" } } });
    case "X":
      return op({ count, op: "d", target: { type: "motion", motion: { key: "h" } } });
    case "D":
      return op({ count, op: "d", target: { type: "motion", motion: { key: "$" } } });
    case "C":
      return ins(op({ count, op: "c", target: { type: "motion", motion: { key: "$" } } }));
    case "s":
      if (line.length === 0) return ins(s);
      return ins(op({ count, op: "c", target: { type: "motion", motion: { key: "l" } } }));
    case "S":
      return ins(op({ count, op: "c", target: { type: "line" } }));
    case "Y":
      return op({ count, op: "y", target: { type: "line" } });
    case "p":
    case "P":
      return put(s, parsed.key === "p", count);
    case "J":
      return join(s, count);
    case "~":
      return tilde(s, count);
    case "r":
      return replaceChars(s, parsed.arg!, count);
    case "R":
      return ins(s, { repeat: true, replace: true });
    case "<C-a>":
    case "<C-x>":
      return addToNumber(s, BigInt(parsed.key === "<C-a>" ? count : -count));
    case "u":
      return undo(s, count);
    case "<C-r>":
      return redo(s, count);
    case ".": {
      const last = s.lastChange;
      if (!last) return s;
      const c = parsed.count ?? last.count;
      return replay(s, [...(c === null ? [] : String(c).split("")), ...last.tokens]);
    }
    case "i":
    case "<Insert>":
      return typeIn(s);
    case "a":
      return typeIn({
        ...s,
        cursor: { ...s.cursor, col: line.length === 0 ? 0 : s.cursor.col + 1 },
      });
    case "I":
      return typeIn({
        ...s,
        cursor: {
          ...s.cursor,
          col: line.every((g) => charClass(g) === 0) ? line.length : firstNonBlank(line),
        },
      });
    case "A":
      return typeIn({ ...s, cursor: { ...s.cursor, col: line.length } });
    case "o":
    case "O": {
      const at = s.cursor.line + (parsed.key === "o" ? 1 : 0);
      const lines = [...s.lines.slice(0, at), [], ...s.lines.slice(at)];
      const opened = withLines({ ...s, cursor: { line: at, col: 0 } }, lines, { at, removed: 0 });
      return typeIn(opened, true);
    }
    case "v":
    case "V":
      return { ...s, mode: parsed.key === "v" ? "visual" : "visual-line", visualAnchor: s.cursor };
    case "<C-v>":
      return { ...s, mode: "visual-block", visualAnchor: s.cursor };
    case ":":
      // A count makes the range: 3: is :.,.+2.
      return {
        ...s,
        mode: "command",
        commandLine:
          parsed.count === null ? "" : parsed.count > 1 ? `.,.+${parsed.count - 1}` : ".",
      };
    case "&":
    case "g&": {
      // & is :s (a count: :.,.+N-1s); g& is :%s//~/& (the last search, every line).
      if (parsed.key === "g&") {
        return runSubstitute(s, {
          range: { first: 0, last: s.lines.length - 1 },
          kind: "s",
          args: "//~/&",
        });
      }
      // 3& is 3:s, :.,.+2s: past the last line that range is invalid.
      const last = s.cursor.line + count - 1;
      if (last >= s.lines.length) return withMessage(s, tl("compose.invalidRange"), true);
      return runSubstitute(s, { range: { first: s.cursor.line, last }, kind: "&", args: "" });
    }
    case "gv":
      return reselect(s);
    case "<C-e>":
      return addEffect(s, { kind: "external-editor" });
    case "q":
      return startRecording(s, parsed.arg!);
    case "m": {
      const name = parsed.arg!;
      if (!/^[a-zA-Z'`]$/.test(name)) return { ...s, bell: true };
      const key = name === "`" ? "'" : name;
      return { ...s, marks: { ...s.marks, [key]: s.cursor } };
    }
    case "@":
      return playMacro(s, parsed.arg!, count, replay);
    case "Z":
      if (parsed.arg === "Z") return addEffect(s, { kind: "post" });
      if (parsed.arg === "Q") return addEffect(s, { kind: "discard" });
      return s;
  }
  return withMessage(s, tl("compose.unknownKey", { key: parsed.key }), true);
}

/**
 * `.` after a Ctrl-v change selects a block as tall and as wide (in cells) from the cursor
 * first, as vim's redo_VIsual: "<VBlock 3 4>", or "<VBlock 3 $>" after `$`. Keys cannot
 * type this token: keysFromString reads an unknown <…> as text.
 */
export const BLOCK_REPEAT = "<VBlock ";

export function blockRepeatToken(height: number, width: number): string {
  return `${BLOCK_REPEAT}${height} ${Number.isFinite(width) ? width : "$"}>`;
}

function blockAgain(s: EditorState, token: string): EditorState {
  const [h, w] = token.slice(BLOCK_REPEAT.length, -1).split(" ");
  const line = Math.min(s.lines.length - 1, s.cursor.line + Number(h) - 1);
  const start = cellForCol(lineAt(s.lines, s.cursor.line), s.cursor.col);
  const wide = w === "$" ? Number.POSITIVE_INFINITY : start + Number(w) - 1;
  const target = lineAt(s.lines, line);
  const col = Math.max(0, Math.min(target.length - 1, colForCell(target, wide, false)));
  return {
    ...s,
    pending: [],
    mode: "visual-block",
    visualAnchor: s.cursor,
    cursor: { line, col },
    wantCell: wide,
    blockEdges: { left: start, right: wide },
  };
}

/** `gv`: the last selection again, in its mode, the cursor where it was. */
export function reselect(s: EditorState): EditorState {
  const last = s.lastVisual;
  const anchor = s.marks.va;
  const cursor = s.marks.vc;
  if (!last || !anchor || !cursor) return { ...s, bell: true };
  if (anchor.line >= s.lines.length || cursor.line >= s.lines.length) return { ...s, bell: true };
  const clamp = (p: Pos) => ({
    line: p.line,
    col: Math.max(0, Math.min(p.col, lineAt(s.lines, p.line).length - 1)),
  });
  return {
    ...s,
    mode: last.mode,
    visualAnchor: clamp(anchor),
    cursor: clamp(cursor),
    wantCell: last.wantCell,
  };
}

function startRecording(s: EditorState, name: string): EditorState {
  if (!/^[a-zA-Z0-9"]$/.test(name)) return s;
  return {
    ...s,
    recording: { register: name, tokens: [] },
    message: tl("compose.recording", { register: name }),
  };
}

/** Keys as a register's text: named keys as vim writes them, a typed "<" as <lt>. */
export function tokensToText(tokens: readonly string[]): string {
  return tokens.map((t) => (t === "<" ? "<lt>" : t)).join("");
}

function stopRecording(s: EditorState): EditorState {
  const rec = s.recording!;
  const macro = { text: tokensToText(rec.tokens), linewise: false };
  const stored = storeRegister({ ...s, activeRegister: rec.register }, macro, "yank");
  // A macro does not become what p puts, nor "0.
  return {
    ...stored,
    register: s.register,
    registers: { ...stored.registers, "0": s.registers["0"] ?? { text: "", linewise: false } },
    activeRegister: null,
    recording: null,
  };
}

function playMacro(
  s: EditorState,
  name: string,
  count: number,
  replay: (s: EditorState, tokens: readonly string[]) => EditorState,
): EditorState {
  const reg = name === "@" ? s.lastMacro : name;
  if (reg === null) return withMessage(s, tl("compose.noMacro"), true);
  const text = readRegister(s, reg)?.text ?? "";
  const tokens = keysFromString(text).map(keyToken);
  let next: EditorState = { ...s, lastMacro: reg, activeRegister: null };
  // As in vim, the first key that fails ends the whole macro, the count included.
  for (let n = 0; n < count; n++) {
    for (const t of tokens) {
      next = replay({ ...next, bell: false }, [t]);
      if (next.bell) return next;
    }
  }
  return next;
}

/**
 * One key in normal mode. Keys gather in `pending` until they make a whole command
 * ("2d3w", "ci\"", "fx"); then it runs, and undo and `.` learn about it.
 */
export function handleNormal(
  s0: EditorState,
  token: string,
  replay: (s: EditorState, tokens: readonly string[]) => EditorState,
): EditorState {
  if (token === "<Esc>") return { ...s0, pending: [] };
  if (token.startsWith(BLOCK_REPEAT)) return blockAgain(s0, token);
  if (s0.bell) return handleNormal({ ...s0, bell: false }, token, replay);
  if (token === "q" && s0.pending.length === 0 && s0.recording) return stopRecording(s0);
  const tokens = [...s0.pending, token];
  const parsed = parseNormal(tokens);
  if (parsed.kind === "incomplete") return { ...s0, pending: tokens };
  const s = { ...s0, pending: [] };
  if (parsed.kind === "invalid") return s;
  if (parsed.kind === "motion") return moveTo(s, parsed);
  const before = snapshot(s);
  const named = { ...s, activeRegister: parsed.register ?? null };
  let next =
    parsed.kind === "operator" ? operate(named, parsed) : command(named, parsed, before, replay);
  next = { ...next, activeRegister: null };
  if (parsed.kind === "operator" && next.mode === "insert") {
    next = openInsert(next, before, parsed.count, parsed.body);
  }
  if (next.mode === "insert") return next;
  // Undo, redo and `.` manage the undo stack themselves; gv keeps the selection's column.
  if (
    parsed.kind === "command" &&
    (parsed.key === "u" ||
      parsed.key === "<C-r>" ||
      parsed.key === "." ||
      parsed.key === "@" ||
      parsed.key === "q" ||
      parsed.key === "m" ||
      parsed.key === "gv" ||
      parsed.key === "<C-v>")
  ) {
    return next;
  }
  const isChange =
    (parsed.kind === "operator" && parsed.op !== "y") ||
    (parsed.kind === "command" && CHANGES.has(parsed.key));
  // Vim remembers these for `.` even when they changed nothing: ~ on a digit, guu on a
  // lower-case line, Ctrl-a on a line without a number.
  const repeatable =
    (parsed.kind === "operator" && isTransform(parsed.op) && !next.bell) ||
    (parsed.kind === "command" && ["~", "<C-a>", "<C-x>"].includes(parsed.key));
  const { undoCursor, undoExact, ...rest } = next;
  next = commitUndo(
    rest,
    {
      ...before,
      ...(undoCursor ? { cursor: undoCursor } : {}),
      ...(undoExact ? { exact: true } : {}),
    },
    undoExact,
  );
  if (isChange && (next.text !== s.text || repeatable)) {
    next = { ...next, lastChange: { count: parsed.count, tokens: parsed.body } };
  }
  const l = lineAt(next.lines, next.cursor.line);
  return { ...next, wantCell: cellForCol(l, next.cursor.col) };
}
