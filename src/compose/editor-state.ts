import { tl } from "../i18n/index.js";
import { type Lines, linesFromText, type Pos, textFromLines } from "./buffer.js";
import { cellsOf } from "./graphemes.js";
import type { QuotePolicy } from "./quote.js";
import type { SearchSpec } from "./search.js";

export type Mode = "normal" | "insert" | "visual" | "visual-line" | "visual-block" | "command";
export type Visibility = "public" | "unlisted" | "private" | "direct";
const VISIBILITIES: readonly unknown[] = ["public", "unlisted", "private", "direct"];

/** A visibility read from disk or a server; anything unknown is public. */
export function asVisibility(value: unknown): Visibility {
  return VISIBILITIES.includes(value) ? (value as Visibility) : "public";
}

/** The toot's fields besides its text; set with ex commands (:cw, :vis, :lang, :sensitive). */
export interface ComposeFields {
  spoiler: string;
  visibility: Visibility;
  language: string | null;
  sensitive: boolean;
}

export interface PollSpec {
  options: string[];
  expiresIn: number;
  multiple: boolean;
}

/**
 * What the shell must do after a key. `applyKey` returns only the effects of that key,
 * so the shell runs `state.effects` after each call and never needs to clear them.
 */
export type EditorEffect =
  | { kind: "autosave" } // text or a field changed: write the draft now
  | { kind: "save-draft" } // :w
  | { kind: "post" } // :wq, :x, ZZ
  | { kind: "close" } // :q with nothing unsaved
  | { kind: "discard" } // :q!
  | { kind: "external-editor" } // Ctrl-e, :e
  | { kind: "attach"; path: string }
  | { kind: "describe-media"; index: number; description: string } // :alt N TEXT, index from 0
  | { kind: "poll"; poll: PollSpec }
  | { kind: "remove-poll" }
  | { kind: "schedule"; at: string | null } // ISO time, null to unschedule
  | { kind: "quote"; statusId: string | null } // :quote ID, :noquote; null with :quote alone
  | { kind: "unquote" }
  | { kind: "quote-policy"; policy: QuotePolicy }
  | { kind: "list-drafts" }
  | { kind: "pick-language" }
  | { kind: "complete"; prefix: string; direction: "next" | "prev" }
  // "+ and "* : the shell sets the terminal's clipboard (OSC 52).
  | { kind: "clipboard"; text: string };

export interface Register {
  text: string;
  linewise: boolean;
  /** A Ctrl-v block: its lines joined by "\n", and its width in cells. */
  blockwise?: number;
}

/** `I`, `A` or `c` over a Ctrl-v block: what Esc types into the block's other lines. */
export interface BlockInsert {
  kind: "I" | "A" | "c";
  top: number;
  bottom: number;
  left: number;
  right: number;
  /** Where typing began on the top line, and that line then. */
  col: number;
  before: readonly string[];
  lineCount: number;
  /** Where the cursor goes after Esc: the block's top-left corner (-1: back one, as after c). */
  corner: number;
  /** After `c`: where each line takes the text (null: the line was short of the block). */
  cols?: readonly (number | null)[];
}

interface Snapshot {
  lines: Lines;
  cursor: Pos;
  /** Undo and redo put the cursor back where the change began (after gq, as in vim). */
  exact?: boolean;
}

/** The last change, as the keys that made it (without count), for `.` to replay. */
export interface RecordedChange {
  count: number | null;
  tokens: readonly string[];
}

export interface InsertSession {
  count: number;
  /** Keys typed since entering insert, replayed count-1 times on Esc (3ihi<Esc>). */
  typed: readonly string[];
  /** `o`/`O` repeat on new lines. */
  newLineEach: boolean;
  undoBase: Snapshot;
  /** Where typing began: Ctrl-w and Ctrl-u stop there once ('backspace' "start"). */
  start?: Pos;
  /** Keys of the command that entered insert, for `.`; null while replaying. */
  recording: readonly string[] | null;
  changeCount: number | null;
  /**
   * Replace mode (R): what each key typed so far did, so Backspace can undo it: the
   * grapheme it overwrote, null where it added one past the end, "\n" for a line break.
   */
  replaced?: readonly (string | null)[];
  block?: BlockInsert;
}

/** The last :s, for `&`, `:s` alone, `g&` and `~`. */
export interface SubstituteSpec {
  pattern: string;
  /** With `~` already replaced by the replacement before it, as vim's regtilde() keeps it. */
  replacement: string;
  flags: string;
}

/** The last visual selection, for `gv` (its ends are the marks "<", ">", "va" and "vc"). */
export interface LastVisual {
  mode: "visual" | "visual-line" | "visual-block";
  wantCell: number;
}

export interface FindSpec {
  kind: "f" | "F" | "t" | "T";
  ch: string;
}

export interface EditorState {
  readonly lines: Lines;
  readonly text: string;
  /** line, column in graphemes */
  readonly cursor: Pos;
  readonly mode: Mode;
  /** What follows ":" while in command mode. */
  readonly commandLine: string;
  /** The command line holds a prompt the editor wrote (":alt 1 " after :attach), untouched. */
  readonly commandPrefilled: boolean;
  readonly message: string;
  readonly messageIsError: boolean;
  readonly effects: readonly EditorEffect[];
  readonly fields: ComposeFields;
  /** Changed since the last :w (autosave keeps the draft safe either way). */
  readonly dirty: boolean;
  // ---- internals the view never needs ----
  readonly pending: readonly string[];
  readonly wantCell: number;
  /** The unnamed register: what the last yank, delete or change took. */
  readonly register: Register;
  /** "a–"z, "0–"9, "-, "+ (the last text sent to the clipboard). */
  readonly registers: Readonly<Record<string, Register>>;
  /** The register the command being run names ("a in "ayy), or null. */
  readonly activeRegister: string | null;
  /** A macro being recorded with q: its register and the keys so far. */
  readonly recording: { register: string; tokens: readonly string[] } | null;
  readonly lastMacro: string | null;
  /** The last key failed (vim beeps): a playing macro stops there. */
  readonly bell: boolean;
  readonly undoStack: readonly Snapshot[];
  readonly redoStack: readonly Snapshot[];
  readonly lastChange: RecordedChange | null;
  readonly insert: InsertSession | null;
  readonly lastFind: FindSpec | null;
  /**
   * Marks: m{a-z} (A-Z kept with them: one text), and "'" where the last jump left from.
   * They follow lines inserted and deleted above them; a deleted line takes its marks.
   */
  readonly marks: Readonly<Record<string, Pos>>;
  /** The last `/`, `?`, `*` or `#`, for `n` and `N`. */
  readonly lastSearch: SearchSpec | null;
  readonly visualAnchor: Pos;
  readonly lastSubstitute: SubstituteSpec | null;
  /**
   * The selection visual mode last left; marks "<" and ">" are its first and last place as
   * `'<` `'>` read them, "va" and "vc" where its anchor and cursor were.
   */
  readonly lastVisual: LastVisual | null;
  /** `.` after a Ctrl-v change: the block's edges, in cells, for the change it repeats. */
  readonly blockEdges?: { left: number; right: number };
  /** Where undo puts the cursor back for the change just made, if not where it began. */
  readonly undoCursor?: Pos;
  /**
   * The change is an undo step even if the text stayed the same, and undo and redo put the
   * cursor back where it was (vim's u_undoredo() for a change around the cursor: gq).
   */
  readonly undoExact?: boolean;
}

export interface EditorOptions {
  fields?: Partial<ComposeFields>;
  /** Where the cursor starts; default: end of the text in normal mode. */
  cursor?: Pos;
  mode?: "normal" | "insert";
}

const UNDO_LIMIT = 200;

export function createEditor(text = "", opts: EditorOptions = {}): EditorState {
  const lines = linesFromText(text);
  const lastLine = lines.length - 1;
  const mode = opts.mode ?? "normal";
  const endCol = lines[lastLine]!.length - (mode === "insert" ? 0 : 1);
  const cursor = opts.cursor ?? { line: lastLine, col: Math.max(0, endCol) };
  return {
    lines,
    text: textFromLines(lines),
    cursor,
    mode,
    commandLine: "",
    commandPrefilled: false,
    message: "",
    messageIsError: false,
    effects: [],
    fields: {
      spoiler: "",
      visibility: "public",
      language: null,
      sensitive: false,
      ...opts.fields,
    },
    dirty: false,
    pending: [],
    wantCell: cellsOf(lines[cursor.line] ?? [], 0, cursor.col),
    register: { text: "", linewise: false },
    registers: {},
    activeRegister: null,
    recording: null,
    lastMacro: null,
    bell: false,
    undoStack: [],
    redoStack: [],
    lastChange: null,
    insert:
      mode === "insert"
        ? {
            count: 1,
            typed: [],
            newLineEach: false,
            undoBase: { lines, cursor },
            recording: ["i"],
            changeCount: null,
          }
        : null,
    lastFind: null,
    lastSearch: null,
    // As in a buffer vim has just entered, '' and `` go to the first line.
    marks: { "'": { line: 0, col: 0 } },
    visualAnchor: cursor,
    lastSubstitute: null,
    lastVisual: null,
  };
}

export function addEffect(s: EditorState, effect: EditorEffect): EditorState {
  if (effect.kind === "autosave" && s.effects.some((e) => e.kind === "autosave")) return s;
  return { ...s, effects: [...s.effects, effect] };
}

/** Lines `at` … `at + removed - 1` were replaced (a put, o, dd): how marks know which. */
export interface LineChange {
  at: number;
  removed: number;
}

/**
 * Replaces the text; marks it unsaved and asks for an autosave. `text` is the new lines'
 * text where the caller has it without joining every line again (an insert, once per key).
 */
export function withLines(
  s: EditorState,
  lines: Lines,
  change?: LineChange,
  text: string = textFromLines(lines),
): EditorState {
  if (text === s.text) return { ...s, lines };
  const marks = Object.keys(s.marks).length
    ? followLines(s.marks, s.lines, lines, change)
    : s.marks;
  return addEffect({ ...s, lines, text, marks, dirty: true }, { kind: "autosave" });
}

/** The selection's marks survive its lines' deletion, on the line after (one_adjust_nodel()). */
const VISUAL_MARKS = new Set(["<", ">", "va", "vc"]);

/**
 * Marks after a change from `before` to `after`, as vim's mark_adjust(): lines above the
 * change keep theirs, lines below move with it, and where lines were deleted their marks go.
 */
function followLines(
  marks: Readonly<Record<string, Pos>>,
  before: Lines,
  after: Lines,
  change?: LineChange,
): Record<string, Pos> {
  const same = (a: readonly string[], b: readonly string[]) =>
    a.length === b.length && a.every((g, i) => g === b[i]);
  let top = 0;
  let tail = 0;
  if (change) {
    // The command said which lines it replaced: equal lines around them do not mislead.
    top = change.at;
    tail = before.length - change.at - change.removed;
  } else {
    while (top < before.length && top < after.length && same(before[top]!, after[top]!)) top++;
    while (
      tail < before.length - top &&
      tail < after.length - top &&
      same(before[before.length - 1 - tail]!, after[after.length - 1 - tail]!)
    ) {
      tail++;
    }
  }
  const changedBefore = before.length - top - tail;
  const changedAfter = after.length - top - tail;
  const out: Record<string, Pos> = {};
  for (const [name, pos] of Object.entries(marks)) {
    if (pos.line < top) out[name] = pos;
    else if (pos.line >= before.length - tail) {
      out[name] = { ...pos, line: pos.line + after.length - before.length };
    } else if (pos.line - top < changedAfter) out[name] = pos;
    else if (changedBefore > changedAfter && name === "'") {
      out[name] = { ...pos, line: Math.max(0, top - 1) };
    } else if (VISUAL_MARKS.has(name)) out[name] = { ...pos, line: top + changedAfter };
  }
  return out;
}

/**
 * Stores what a yank or delete took, as vim fills its registers: the named one ("a, or "A to
 * append), else "0 for a yank, "1 (the older ones shifting to "9) for a delete of a line or
 * more, "- for a smaller delete; "_ keeps nothing; "+ and "* also go to the clipboard.
 */
export function storeRegister(
  s: EditorState,
  value: Register,
  kind: "yank" | "delete",
): EditorState {
  const name = s.activeRegister;
  if (name === "_") return s;
  const regs: Record<string, Register> = { ...s.registers };
  let unnamed = value;
  let next: EditorState = s;
  if (name !== null && /^[a-z]$/.test(name)) regs[name] = value;
  else if (name !== null && /^[A-Z]$/.test(name)) {
    const key = name.toLowerCase();
    const old = regs[key];
    unnamed = old ? appendRegister(old, value) : value;
    regs[key] = unnamed;
  } else if (name === "+" || name === "*") {
    regs["+"] = value;
    next = addEffect(s, {
      kind: "clipboard",
      text: value.linewise ? `${value.text}\n` : value.text,
    });
  } else if (kind === "yank") regs["0"] = value;
  else if (value.linewise || value.text.includes("\n")) {
    for (let n = 9; n > 1; n--) {
      const older = regs[String(n - 1)];
      if (older) regs[String(n)] = older;
    }
    regs["1"] = value;
  } else regs["-"] = value;
  return { ...next, registers: regs, register: unnamed };
}

function appendRegister(old: Register, add: Register): Register {
  if (old.linewise || add.linewise) return { text: `${old.text}\n${add.text}`, linewise: true };
  return { text: old.text + add.text, linewise: false };
}

/** The register a put or macro reads: the named one, or the unnamed. */
export function readRegister(s: EditorState, name: string | null): Register | undefined {
  if (name === null || name === '"') return s.register;
  if (name === "*") return s.registers["+"];
  return s.registers[name.toLowerCase()];
}

export function withMessage(s: EditorState, message: string, isError = false): EditorState {
  return { ...s, message, messageIsError: isError };
}

export function snapshot(s: EditorState): Snapshot {
  return { lines: s.lines, cursor: s.cursor };
}

/** Records `before` as an undo step if the text differs from it now (or `always`). */
export function commitUndo(s: EditorState, before: Snapshot, always = false): EditorState {
  if (!always && textFromLines(before.lines) === s.text) return s;
  const undoStack = [...s.undoStack, before].slice(-UNDO_LIMIT);
  return { ...s, undoStack, redoStack: [] };
}

/**
 * Where undo and redo leave the cursor, as vim's u_undoredo(): on the first line that
 * changed, at the column the cursor had when the change was made if it was on that line,
 * else on the line's first non-blank.
 */
function cursorAfterUndo(from: Lines, to: Lines, saved: Pos): Pos {
  const same = (a: readonly string[] | undefined, b: readonly string[] | undefined) =>
    a !== undefined && b !== undefined && a.join("") === b.join("");
  let top = 0;
  while (top < from.length && top < to.length && same(from[top], to[top])) top++;
  let tail = 0;
  const shorter = Math.min(from.length, to.length);
  while (tail < shorter && same(from[from.length - 1 - tail], to[to.length - 1 - tail])) tail++;
  // With equal lines around the change (blank lines) it may have started a little higher.
  const earliest = Math.max(0, Math.min(top, shorter - tail));
  const line = Math.min(top, to.length - 1);
  if (saved.line >= earliest && saved.line <= line) return saved;
  const l = to[line] ?? [];
  const col = l.findIndex((g) => !/^\s+$/u.test(g));
  return { line, col: col === -1 ? Math.max(0, l.length - 1) : col };
}

export function undo(s: EditorState, count: number): EditorState {
  let state = s;
  for (let i = 0; i < count; i++) {
    const prev = state.undoStack[state.undoStack.length - 1];
    if (!prev) return i === 0 ? withMessage(state, tl("compose.oldestChange")) : state;
    state = withLines(
      {
        ...state,
        undoStack: state.undoStack.slice(0, -1),
        redoStack: [
          ...state.redoStack,
          prev.exact ? { ...snapshot(state), cursor: prev.cursor, exact: true } : snapshot(state),
        ],
        cursor: prev.exact ? prev.cursor : cursorAfterUndo(state.lines, prev.lines, prev.cursor),
      },
      prev.lines,
    );
  }
  return clampNormal(state);
}

export function redo(s: EditorState, count: number): EditorState {
  let state = s;
  for (let i = 0; i < count; i++) {
    const next = state.redoStack[state.redoStack.length - 1];
    if (!next) return i === 0 ? withMessage(state, tl("compose.newestChange")) : state;
    state = withLines(
      {
        ...state,
        redoStack: state.redoStack.slice(0, -1),
        undoStack: [
          ...state.undoStack,
          next.exact ? { ...snapshot(state), cursor: next.cursor, exact: true } : snapshot(state),
        ],
        cursor: next.exact ? next.cursor : cursorAfterUndo(state.lines, next.lines, next.cursor),
      },
      next.lines,
    );
  }
  return clampNormal(state);
}

/** In normal and visual modes the cursor sits on a grapheme, never past the end. */
export function clampNormal(s: EditorState): EditorState {
  const line = Math.max(0, Math.min(s.cursor.line, s.lines.length - 1));
  const len = s.lines[line]!.length;
  const col = Math.max(0, Math.min(s.cursor.col, len - 1));
  if (line === s.cursor.line && col === s.cursor.col) return s;
  return { ...s, cursor: { line, col } };
}

export function clampInsert(s: EditorState): EditorState {
  const line = Math.max(0, Math.min(s.cursor.line, s.lines.length - 1));
  const col = Math.max(0, Math.min(s.cursor.col, s.lines[line]!.length));
  return { ...s, cursor: { line, col } };
}
