/**
 * What the compose modal draws, as a pure function of the editor state: soft-wrapped
 * rows that fit the width, the cursor in cells, a field line and a status line. The
 * shell only paints these strings (they hold no escape sequences) and colours the
 * count red when `over` is true.
 */

import type { CountRule } from "../api/server-profile.js";
import { tl } from "../i18n/index.js";
import { countFor, countLabel, spoilerOverLimit } from "./counter.js";
import type { EditorState } from "./editor-state.js";
import { cellsAt, displayGrapheme, splitGraphemes } from "./graphemes.js";
import { pendingSearch } from "./parse.js";

export interface ViewOptions {
  maxCharacters: number;
  /** The server's length rule (Mastodon's with 23 per URL when not given). */
  count?: CountRule;
  /** The first row shown last time; keeps the view from jumping while scrolling. */
  scrollTop?: number;
  /** Extra words for the field line: attachments, poll, schedule. */
  extras?: string[];
}

export interface ComposeView {
  /** Exactly `height` rows (the text, then "~" rows), each at most `width` cells. */
  rows: string[];
  /** Cursor position inside `rows`, in cells. */
  cursor: { row: number; col: number };
  scrollTop: number;
  /** "CW: … · public · en · sensitive" */
  fields: string;
  /** Mode or message on the left, count/max on the right, `width` cells. */
  status: string;
  count: number;
  max: number;
  over: boolean;
  isError: boolean;
}

const MODE_LABEL: Record<EditorState["mode"], () => string> = {
  normal: () => "",
  insert: () => tl("compose.modeInsert"),
  visual: () => tl("compose.modeVisual"),
  "visual-line": () => tl("compose.modeVisualLine"),
  "visual-block": () => tl("compose.modeVisualBlock"),
  command: () => "",
};

const VISIBILITY_LABEL = {
  public: () => tl("compose.public"),
  unlisted: () => tl("compose.unlisted"),
  private: () => tl("compose.followers"),
  direct: () => tl("compose.direct"),
};

function safe(text: string): string {
  return splitGraphemes(text)
    .map((g) => displayGrapheme(g).text)
    .join("");
}

/** The marks `ltrUnit` puts around a value: they take no cell and are kept as they are. */
const UNIT_MARKS = /([\u200e\u2066\u2069])/;
/** One value `ltrUnit` isolated (LRI…PDI, where tootty does the bidi). */
const UNIT = /(\u2066[^\u2066-\u2069]*\u2069)/;

/** `safe`, keeping left-to-right marks (a strong letter of no width: it opens nothing). */
const safeKeepingLrm = (text: string) => text.split("\u200e").map(safe).join("\u200e");

/**
 * A message of tootty's own, display-safe, keeping the marks `ltrUnit` (src/i18n) puts around
 * a date and a time: without a base to sit on, `safe` would drop them as invisible. Only an
 * isolate that is closed is kept: a message can hold what the user typed (a search pattern),
 * and an isolate mark of theirs with no partner would take the rest of the line, the count
 * with it, into its run in a terminal that reorders (UAX #9 X5a, X6a).
 */
function safeMessage(text: string): string {
  return text
    .split(UNIT)
    .map((part, i) =>
      i % 2 === 1 ? `\u2066${safeKeepingLrm(part.slice(1, -1))}\u2069` : safeKeepingLrm(part),
    )
    .join("");
}

interface Row {
  text: string;
  line: number;
  /** First grapheme column of the line in this row. */
  start: number;
  /** Cells taken by each grapheme in the row. */
  widths: number[];
}

function wrap(state: EditorState, width: number): Row[] {
  const rows: Row[] = [];
  state.lines.forEach((line, n) => {
    let row: Row = { text: "", line: n, start: 0, widths: [] };
    let used = 0;
    // Tab stops count from the start of the line, as in vim.
    let inLine = 0;
    line.forEach((g, col) => {
      const d = displayGrapheme(g);
      const cells = Math.min(width, cellsAt(g, inLine));
      if (used + cells > width && row.widths.length > 0) {
        rows.push(row);
        row = { text: "", line: n, start: col, widths: [] };
        used = 0;
      }
      row.text += g === "\t" ? " ".repeat(cells) : d.text;
      row.widths.push(cells);
      used += cells;
      inLine += cells;
    });
    rows.push(row);
  });
  return rows;
}

function cursorIn(rows: Row[], state: EditorState, width: number) {
  const { line, col } = state.cursor;
  const mine = rows.map((r, i) => ({ r, i })).filter(({ r }) => r.line === line);
  for (const { r, i } of mine) {
    const offset = col - r.start;
    if (offset < r.widths.length) {
      return { row: i, col: r.widths.slice(0, Math.max(0, offset)).reduce((a, b) => a + b, 0) };
    }
  }
  // Past the last grapheme (insert mode at the end of the line).
  const last = mine[mine.length - 1]!;
  const cells = last.r.widths.reduce((a, b) => a + b, 0);
  if (cells >= width) return { row: last.i + 1, col: 0, extraRow: true };
  return { row: last.i, col: cells };
}

function fieldsLine(state: EditorState, extras: string[]): string {
  const f = state.fields;
  const parts = [
    f.spoiler ? tl("compose.cw", { text: safe(f.spoiler) }) : tl("compose.noCw"),
    VISIBILITY_LABEL[f.visibility](),
    f.language ?? tl("compose.languageAuto"),
    ...(f.sensitive ? [tl("compose.sensitive")] : []),
    ...extras.map(safeMessage),
  ];
  return parts.join(" · ");
}

function fit(text: string, width: number): string {
  let out = "";
  let used = 0;
  for (const g of splitGraphemes(text)) {
    if (g.length === 1 && UNIT_MARKS.test(g)) {
      out += g;
      continue;
    }
    const d = displayGrapheme(g);
    if (used + d.cells > width) break;
    out += d.text;
    used += d.cells;
  }
  return out + " ".repeat(Math.max(0, width - used));
}

export function view(
  state: EditorState,
  width: number,
  height: number,
  opts: ViewOptions,
): ComposeView {
  const w = Math.max(1, width);
  const h = Math.max(1, height);
  const rows = wrap(state, w);
  const cur = cursorIn(rows, state, w);
  const total = rows.length + ("extraRow" in cur ? 1 : 0);
  const hint = opts.scrollTop ?? 0;
  const scrollTop = Math.max(0, Math.min(hint, cur.row, total - 1), cur.row - h + 1);
  const shown = rows.slice(scrollTop, scrollTop + h).map((r) => r.text);
  while (shown.length < h) shown.push(scrollTop + shown.length < total ? "" : "~");
  const count = countFor(state.text, state.fields.spoiler, opts.count);
  // Sharkey's CW has a limit of its own, the count beside it being the text's alone.
  const cwOver = spoilerOverLimit(state.fields.spoiler, opts.count);
  const over = count > opts.maxCharacters || cwOver !== null;
  const right = countLabel(count, opts.maxCharacters);
  const searching = pendingSearch(state.pending);
  const left =
    searching !== null
      ? safe(searching)
      : state.mode === "command"
        ? `:${safe(state.commandLine)}`
        : state.message
          ? safeMessage(state.message)
          : over
            ? cwOver && count <= opts.maxCharacters
              ? tl("compose.cwTooLongBy", { count: cwOver.used - cwOver.max })
              : tl("compose.tooLongBy", { count: count - opts.maxCharacters })
            : (state.insert?.replaced ? tl("compose.modeReplace") : MODE_LABEL[state.mode]()) ||
              state.pending.join("");
  const status = fit(`${fit(left, Math.max(0, w - right.length - 1))} ${right}`, w);
  return {
    rows: shown,
    cursor: { row: cur.row - scrollTop, col: cur.col },
    scrollTop,
    fields: fit(fieldsLine(state, opts.extras ?? []), w),
    status,
    count,
    max: opts.maxCharacters,
    over,
    isError: state.messageIsError || over,
  };
}
