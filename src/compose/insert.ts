import { finishBlockInsert } from "./block.js";
import { charClass, type Lines, lineAt } from "./buffer.js";
import {
  addEffect,
  clampInsert,
  clampNormal,
  commitUndo,
  type EditorState,
  snapshot,
  withLines,
} from "./editor-state.js";
import { splitGraphemes } from "./graphemes.js";
import { cellForCol } from "./motions.js";
import { isNamedToken } from "./parse.js";

function setLine(lines: Lines, n: number, line: readonly string[]): Lines {
  return lines.map((l, i) => (i === n ? line : l));
}

/**
 * The line with `part` inserted before grapheme `col`, segmented again so a combining mark or
 * a ZWJ joins the grapheme before it, as it does on screen, and the column after `part`.
 *
 * Segmenting only the graphemes either side of the insertion is exact when they come out
 * whole: by UAX #29 a boundary depends on the cluster before it (the emoji ZWJ and Indic
 * conjunct rules look back no further, as Extend and ZWJ never start a cluster), the
 * character after it and the parity of a regional-indicator run, which an existing boundary
 * keeps. Otherwise the whole line is segmented again. Segmenting the whole line for every
 * key made a paste quadratic: 10 000 characters took minutes.
 */
function insertInLine(
  line: readonly string[],
  col: number,
  part: string,
): { line: string[]; col: number; whole: boolean } {
  const prev = col > 0 ? line[col - 1] : undefined;
  const next = line[col];
  const local = splitGraphemes((prev ?? "") + part + (next ?? ""));
  const from = prev === undefined ? 0 : 1;
  const to = next === undefined ? local.length : local.length - 1;
  if (
    to >= from &&
    (prev === undefined || local[0] === prev) &&
    (next === undefined || local[local.length - 1] === next)
  ) {
    const middle = local.slice(from, to);
    const out = line.slice(0, col);
    out.push(...middle);
    for (let i = col; i < line.length; i++) out.push(line[i]!);
    return { line: out, col: col + middle.length, whole: true };
  }
  const before = line.slice(0, col).join("") + part;
  return {
    line: splitGraphemes(before + line.slice(col).join("")),
    col: splitGraphemes(before).length,
    whole: false,
  };
}

/** Where the cursor is in the text, in UTF-16 units: counted from the nearer end. */
function textOffset(s: EditorState): number {
  const { line: n, col } = s.cursor;
  const line = lineAt(s.lines, n);
  let after = 0;
  for (let i = col; i < line.length; i++) after += line[i]!.length;
  for (let l = n + 1; l < s.lines.length; l++) {
    after += 1;
    for (const g of s.lines[l]!) after += g.length;
  }
  return s.text.length - after;
}

/** Inserts typed or pasted text at the cursor. */
export function insertText(s: EditorState, text: string): EditorState {
  const parts = text.replace(/\r\n?/g, "\n").split("\n");
  let state = s;
  parts.forEach((part, i) => {
    if (i > 0) state = splitLine(state);
    if (part === "") return;
    const { line: n, col } = state.cursor;
    const inserted = insertInLine(lineAt(state.lines, n), col, part);
    const lines = setLine(state.lines, n, inserted.line);
    // Graphemes either side unchanged: the text is the old one with `part` spliced in,
    // without joining every grapheme of a long paste again for each key.
    const at = inserted.whole ? textOffset(state) : -1;
    const spliced = at >= 0 ? state.text.slice(0, at) + part + state.text.slice(at) : undefined;
    state = withLines(
      { ...state, cursor: { line: n, col: inserted.col } },
      lines,
      undefined,
      spliced,
    );
  });
  return state;
}

function splitLine(s: EditorState): EditorState {
  const { line: n, col } = s.cursor;
  const line = lineAt(s.lines, n);
  const lines = [
    ...s.lines.slice(0, n),
    line.slice(0, col),
    line.slice(col),
    ...s.lines.slice(n + 1),
  ];
  return withLines({ ...s, cursor: { line: n + 1, col: 0 } }, lines);
}

/** Deletes graphemes [from, cursor) on the line; at column 0 joins with the line above. */
function deleteBack(s: EditorState, from: number): EditorState {
  const { line: n, col } = s.cursor;
  if (col === 0) {
    if (n === 0) return s;
    const prev = lineAt(s.lines, n - 1);
    const merged = splitGraphemes([...prev, ...lineAt(s.lines, n)].join(""));
    const lines = [...s.lines.slice(0, n - 1), merged, ...s.lines.slice(n + 1)];
    return withLines({ ...s, cursor: { line: n - 1, col: prev.length } }, lines);
  }
  const line = lineAt(s.lines, n);
  const next = [...line.slice(0, from), ...line.slice(col)];
  return withLines({ ...s, cursor: { line: n, col: from } }, setLine(s.lines, n, next));
}

function wordStartBefore(line: readonly string[], col: number): number {
  let i = col;
  while (i > 0 && charClass(line[i - 1]) === 0) i--;
  if (i === 0) return 0;
  const c = charClass(line[i - 1]);
  while (i > 0 && charClass(line[i - 1]) === c) i--;
  return i;
}

/** The word being typed before the cursor, if it can be completed: @acct, #tag, :emoji. */
export function completionPrefix(s: EditorState): string | null {
  const line = lineAt(s.lines, s.cursor.line).slice(0, s.cursor.col).join("");
  const m = /(?:^|[\s(])([@#:][\p{L}\p{N}_.@-]*)$/u.exec(line);
  return m ? m[1]! : null;
}

/** Arrows in insert mode end one undo step and start the next, as in vim. */
function moveInInsert(s: EditorState, line: number, col: number): EditorState {
  const moved = clampInsert({ ...s, cursor: { line, col } });
  const committed = s.insert ? commitUndo(moved, s.insert.undoBase) : moved;
  const l = lineAt(committed.lines, committed.cursor.line);
  return {
    ...committed,
    wantCell: cellForCol(l, committed.cursor.col),
    insert: {
      count: 1,
      typed: [],
      newLineEach: false,
      undoBase: snapshot(committed),
      start: committed.cursor,
      recording: ["i"],
      changeCount: null,
    },
  };
}

function leaveInsert(s: EditorState): EditorState {
  const session = s.insert;
  let state = s;
  if (session && session.count > 1) {
    // 3ihi<Esc> types "hi" twice more; 3o… opens two more lines.
    for (let n = 1; n < session.count; n++) {
      if (session.newLineEach)
        state = splitLine({
          ...state,
          cursor: { ...state.cursor, col: lineAt(state.lines, state.cursor.line).length },
        });
      for (const t of session.typed) state = handleInsertToken(state, t);
    }
  }
  state = { ...state, mode: "normal", insert: null };
  // A block's I, A or c: the text goes into every line of the block.
  const block = session?.block ? finishBlockInsert(state, session.block) : null;
  state =
    block ?? clampNormal({ ...state, cursor: { ...state.cursor, col: state.cursor.col - 1 } });
  if (session) {
    state = commitUndo(state, session.undoBase);
    if (session.recording && (session.typed.length > 0 || session.recording[0] !== "i")) {
      state = {
        ...state,
        lastChange: {
          count: session.changeCount,
          tokens: [...session.recording, ...session.typed, "<Esc>"],
        },
      };
    }
  }
  const l = lineAt(state.lines, state.cursor.line);
  return { ...state, wantCell: cellForCol(l, state.cursor.col) };
}

/** Ctrl-w and Ctrl-u go back to `from`, but stop once where typing began. */
function backTo(s: EditorState, from: number): number {
  const start = s.insert?.start;
  if (!start || start.line !== s.cursor.line) return from;
  return from < start.col && start.col < s.cursor.col ? start.col : from;
}

/** Replace mode's keys: each grapheme typed overwrites the one under the cursor. */
function replaceToken(s: EditorState, token: string, replaced: readonly (string | null)[]) {
  const { line: n, col } = s.cursor;
  const line = lineAt(s.lines, n);
  const keep = (t: EditorState, stack: readonly (string | null)[]): EditorState => ({
    ...t,
    insert: t.insert ? { ...t.insert, replaced: stack } : t.insert,
  });
  switch (token) {
    case "<CR>":
      return keep(splitLine(s), [...replaced, "\n"]);
    case "<BS>": {
      const last = replaced[replaced.length - 1];
      const rest = replaced.slice(0, -1);
      // Before where Replace began, Backspace only moves back.
      if (last === undefined) return col > 0 ? { ...s, cursor: { line: n, col: col - 1 } } : s;
      if (last === "\n") return keep(deleteBack(s, col), rest);
      const back = { ...s, cursor: { line: n, col: col - 1 } };
      const next =
        last === null
          ? [...line.slice(0, col - 1), ...line.slice(col)]
          : [...line.slice(0, col - 1), last, ...line.slice(col)];
      return keep(withLines(back, setLine(s.lines, n, next)), rest);
    }
    case "<C-w>":
    case "<C-u>": {
      const from = backTo(s, token === "<C-u>" ? 0 : wordStartBefore(line, col));
      let t = s;
      for (let i = from; i < col; i++) t = replaceToken(t, "<BS>", t.insert?.replaced ?? []);
      return t;
    }
  }
  if (isNamedToken(token) && token !== "<Tab>") return s;
  const typed = token === "<Tab>" ? ["\t"] : splitGraphemes(token.replace(/\r\n?|\n/g, ""));
  const next = [...line];
  const stack = [...replaced];
  typed.forEach((g, i) => {
    stack.push(col + i < line.length ? line[col + i]! : null);
    next[col + i] = g;
  });
  const moved = { ...s, cursor: { line: n, col: col + typed.length } };
  return keep(withLines(moved, setLine(s.lines, n, next)), stack);
}

function handleInsertToken(s: EditorState, token: string): EditorState {
  const replaced = s.insert?.replaced;
  if (replaced) return replaceToken(s, token, replaced);
  const { line: n, col } = s.cursor;
  const line = lineAt(s.lines, n);
  switch (token) {
    case "<CR>":
      return splitLine(s);
    case "<BS>":
      return deleteBack(s, col - 1);
    case "<C-w>":
      return deleteBack(s, backTo(s, wordStartBefore(line, col)));
    case "<C-u>":
      return deleteBack(s, backTo(s, 0));
    case "<Del>": {
      if (col < line.length)
        return withLines(s, setLine(s.lines, n, [...line.slice(0, col), ...line.slice(col + 1)]));
      if (n + 1 >= s.lines.length) return s;
      return deleteBack({ ...s, cursor: { line: n + 1, col: 0 } }, 0);
    }
    case "<Tab>":
      return insertText(s, "\t");
  }
  if (isNamedToken(token)) return s;
  return insertText(s, token);
}

/** One key in insert mode. Text keys are remembered for counts and `.`. */
export function handleInsert(s: EditorState, token: string): EditorState {
  const { line: n, col } = s.cursor;
  switch (token) {
    case "<Esc>":
      return leaveInsert(s);
    case "<Left>":
      return moveInInsert(s, n, col - 1);
    case "<Right>":
      return moveInInsert(s, n, col + 1);
    case "<Up>":
    case "<Down>": {
      const target = n + (token === "<Up>" ? -1 : 1);
      if (target < 0 || target >= s.lines.length) return s;
      return moveInInsert(s, target, col);
    }
    case "<Home>":
      return moveInInsert(s, n, 0);
    case "<End>":
      return moveInInsert(s, n, lineAt(s.lines, n).length);
    case "<C-e>":
      return addEffect(s, { kind: "external-editor" });
    case "<Tab>":
    case "<S-Tab>":
    case "<C-n>":
    case "<C-p>": {
      const prefix = completionPrefix(s);
      if (prefix && prefix.length > 1) {
        return addEffect(s, {
          kind: "complete",
          prefix,
          direction: token === "<C-p>" || token === "<S-Tab>" ? "prev" : "next",
        });
      }
      if (token === "<S-Tab>") return handleInsert(s, "<Tab>");
      if (token !== "<Tab>") return s;
    }
  }
  const next = handleInsertToken(s, token);
  if (!next.insert) return next;
  return { ...next, insert: { ...next.insert, typed: [...next.insert.typed, token] } };
}
