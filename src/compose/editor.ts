/**
 * The vim composer as a pure state machine: `applyKey(state, key) → state`.
 * Nothing here touches the terminal, the network or the disk; side effects leave as
 * `state.effects` for the shell to run (save the draft, post, open $EDITOR…).
 */
import { fromFlat, linesFromText, toFlat } from "./buffer.js";
import {
  type ComposeFields,
  clampInsert,
  clampNormal,
  commitUndo,
  type EditorState,
  snapshot,
  withLines,
  withMessage,
} from "./editor-state.js";
import { handleCommandLine } from "./ex.js";
import { splitGraphemes } from "./graphemes.js";
import { handleInsert, insertText } from "./insert.js";
import { type Key, keyToken } from "./keys.js";
import { handleNormal } from "./normal.js";
import { isNamedToken } from "./parse.js";
import { handleVisual } from "./visual.js";

export type { Pos } from "./buffer.js";
export {
  type ComposeFields,
  createEditor,
  type EditorEffect,
  type EditorOptions,
  type EditorState,
  type Mode,
  type PollSpec,
  type Visibility,
} from "./editor-state.js";

/** A key as typed: while a macro records (q), it is kept, unless it ends the recording. */
function applyToken(s: EditorState, token: string): EditorState {
  const next = dispatch(s, token);
  if (!s.recording || !next.recording) return next;
  return { ...next, recording: { ...next.recording, tokens: [...next.recording.tokens, token] } };
}

function dispatch(s: EditorState, token: string): EditorState {
  switch (s.mode) {
    case "insert":
      return handleInsert(s, token);
    case "command":
      return handleCommandLine(s, token);
    case "visual":
    case "visual-line":
    case "visual-block":
      return handleVisual(s, token);
    default:
      return handleNormal(s, token, replayTokens);
  }
}

/** `.` and `@a` replay keys; those are not typed again into a recording. */
function replayTokens(s: EditorState, tokens: readonly string[]): EditorState {
  return tokens.reduce(dispatch, s);
}

/** One key in, the next state out. Never mutates `state`. */
export function applyKey(state: EditorState, key: Key): EditorState {
  return step({ ...state, effects: [], message: "", messageIsError: false }, key);
}

function step(s: EditorState, key: Key): EditorState {
  // A terminal sends Alt-x as ESC x: for vim that is Escape, then x.
  if (key.meta && !key.ctrl) {
    const { meta: _meta, ...plain } = key;
    return step(applyToken(s, "<Esc>"), plain);
  }
  // Ctrl-c leaves insert, visual and command mode as Escape does.
  const token = key.ctrl && key.name === "c" ? "<Esc>" : keyToken(key);
  if (isNamedToken(token) || splitGraphemes(token).length <= 1) return applyToken(s, token);
  // A chunk: ESC glued to the next keys (fast typing over SSH, `tmux send-keys`) is
  // Escape followed by those keys, as in vim; anything else is a paste.
  return splitGraphemes(token).map(chunkToken).reduce(applyToken, s);
}

/** A grapheme of a chunk as the key it stands for. */
function chunkToken(g: string): string {
  switch (g) {
    case "\x1b":
      return "<Esc>";
    case "\r":
    case "\n":
    case "\r\n":
      return "<CR>";
    case "\x7f":
    case "\b":
      return "<BS>";
    case "\t":
      return "<Tab>";
  }
  return g;
}

export function applyKeys(state: EditorState, keys: readonly Key[]): EditorState {
  return keys.reduce(applyKey, state);
}

/** The text came back from $EDITOR: one undo step, cursor kept where it can be. */
export function replaceText(state: EditorState, text: string): EditorState {
  const before = snapshot(state);
  const lines = linesFromText(text.replace(/\n$/, ""));
  const next = withLines({ ...state, effects: [] }, lines);
  const clamp = next.mode === "insert" ? clampInsert : clampNormal;
  return commitUndo(clamp(next), before);
}

/** Swaps the prefix before the cursor ("@gar") for the chosen completion ("@gargron@…"). */
export function applyCompletion(
  state: EditorState,
  prefix: string,
  replacement: string,
): EditorState {
  const line = state.lines[state.cursor.line] ?? [];
  const before = line.slice(0, state.cursor.col).join("");
  if (!before.endsWith(prefix)) return state;
  const from = toFlat(state.lines, state.cursor) - splitGraphemes(prefix).length;
  const flatCursor = { ...state, cursor: fromFlat(state.lines, from) };
  const removed = withLines(flatCursor, [
    ...state.lines.slice(0, state.cursor.line),
    [
      ...line.slice(0, state.cursor.col - splitGraphemes(prefix).length),
      ...line.slice(state.cursor.col),
    ],
    ...state.lines.slice(state.cursor.line + 1),
  ]);
  const session = removed.insert;
  const inserted = insertText(removed, replacement);
  return session ? { ...inserted, insert: session } : inserted;
}

export function setMessage(state: EditorState, message: string, isError = false): EditorState {
  return withMessage(state, message, isError);
}

/** Fields changed outside the editor (language picker, reply prefill). */
export function setFields(state: EditorState, fields: Partial<ComposeFields>): EditorState {
  return { ...state, fields: { ...state.fields, ...fields } };
}
