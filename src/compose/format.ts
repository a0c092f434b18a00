/**
 * `gq`: lines reflowed to 'textwidth', as vim's format_lines() and internal_format() do with
 * vim -u NONE's settings ('formatoptions' "tcq", 'noautoindent', 'nojoinspaces').
 * 'textwidth' 0 means the window's width less one, at most 79 (`:help 'textwidth'`); the
 * composer has no 'textwidth' of its own, so lines are at most 79 cells, as in vim on an
 * 80-column terminal.
 *
 * A paragraph is a run of lines that are not blank. Its lines are joined as `J` joins them
 * (one space, none after a blank or before a ")"), then broken at the last run of blanks
 * that leaves at most 79 cells before it; the blanks at a break go. The first line keeps its
 * indent, the lines after it have none (no 'autoindent'). A word longer than the width stays
 * whole on its own line.
 *
 * Lines that start with one of vim's default 'comments' leaders ("//", "# ", "%", ">" nested
 * as "> > ", and "- " for a list item's first line) are formatted as vim formats comments:
 * the leader starts each line the text continues on (a list item's next line is indented
 * under its text instead), a line with another leader starts a new paragraph, and a
 * joined line's leader goes. The three-part C comment leader is not known here.
 */
import { firstNonBlank, type Lines, lineAt } from "./buffer.js";
import { clampNormal, type EditorState, withLines } from "./editor-state.js";
import { cellsOf } from "./graphemes.js";

export const FORMAT_WIDTH = 79;

const isBlank = (g: string | undefined) => g === " " || g === "\t";

/** Blank, or a comment's leader alone: such a line ends a paragraph (vim's fmt_check_par()). */
function endsParagraph(line: readonly string[]): boolean {
  return line.length === (leaderOf(line)?.length ?? 0) || line.every(isBlank);
}

interface Leader {
  /** Graphemes the leader takes: indent, the comment string(s) and the blanks after. */
  length: number;
  /** The leader without its trailing blanks, to tell one comment from another. */
  key: string;
  /** "- ": on the first line only (vim's "fb" flag). */
  firstOnly: boolean;
}

/** Vim's default 'comments', "s1:/*,mb:*,ex:*\/,://,b:#,:%,:XCOMM,n:>,fb:-", but the C ones. */
function leaderOf(line: readonly string[]): Leader | null {
  let i = 0;
  while (i < line.length && isBlank(line[i])) i++;
  const at = (text: string) => line.slice(i, i + text.length).join("") === text;
  const blankAfter = (n: number) => i + n >= line.length || isBlank(line[i + n]);
  let firstOnly = false;
  if (at("//")) i += 2;
  else if (at("#") && blankAfter(1)) i += 1;
  else if (at("%")) i += 1;
  else if (at("XCOMM")) i += 5;
  else if (at("-") && blankAfter(1)) {
    i += 1;
    firstOnly = true;
  } else if (at(">")) {
    // Nested: "> > " is one leader.
    i += 1;
    for (;;) {
      let j = i;
      while (j < line.length && isBlank(line[j])) j++;
      if (line[j] !== ">") break;
      i = j + 1;
    }
  } else return null;
  const key = line.slice(0, i).join("").trim();
  while (i < line.length && isBlank(line[i])) i++;
  return { length: i, key, firstOnly };
}

/** The line joined as `J` does, without its leading blanks. */
function joinInto(cur: string[], next: readonly string[]): string[] {
  let start = 0;
  while (start < next.length && isBlank(next[start])) start++;
  const rest = next.slice(start);
  const space = cur.length > 0 && !isBlank(cur[cur.length - 1]) && rest[0] !== ")";
  return [...cur, ...(space ? [" "] : []), ...rest];
}

/** Where to break a line too wide: the blanks [from, to), or null if it cannot break. */
function breakAt(
  line: readonly string[],
  width: number,
  skip: number,
): { from: number; to: number } | null {
  // Runs of blanks with text on both sides (the indent and the leader are not one).
  const runs: { from: number; to: number }[] = [];
  let i = skip;
  while (i < line.length && isBlank(line[i])) i++;
  while (i < line.length) {
    if (!isBlank(line[i])) {
      i++;
      continue;
    }
    const from = i;
    while (i < line.length && isBlank(line[i])) i++;
    if (i < line.length) runs.push({ from, to: i });
  }
  let pick: { from: number; to: number } | null = null;
  for (const run of runs) {
    if (cellsOf(line, 0, run.from) <= width) pick = run;
    else break;
  }
  // A first word wider than the line: the break comes right after it.
  return pick ?? runs[0] ?? null;
}

function formatParagraph(paragraph: readonly (readonly string[])[], width: number): string[][] {
  const leader = leaderOf(paragraph[0]!);
  let cur = [...paragraph[0]!];
  for (const next of paragraph.slice(1)) {
    // A comment's own leader goes when its line is joined; a list item's lines have none.
    cur = joinInto(cur, leader && !leader.firstOnly ? next.slice(leaderOf(next)!.length) : next);
  }
  const out: string[][] = [];
  let skip = leader?.length ?? 0;
  const head = paragraph[0]!.slice(0, skip);
  let continued = false;
  while (cellsOf(cur) > width) {
    const at = breakAt(cur, width, skip);
    if (!at) break;
    out.push(cur.slice(0, at.from));
    // The text goes on after the comment's leader, or under a list item's text (once).
    const lead: string[] =
      !leader || (leader.firstOnly && continued)
        ? []
        : leader.firstOnly
          ? Array<string>(cellsOf(head)).fill(" ")
          : [...head];
    cur = [...lead, ...cur.slice(at.to)];
    skip = lead.length;
    continued = true;
  }
  out.push(cur);
  return out;
}

/** Whether line `next` goes on the paragraph that `first` starts (vim's same_leader()). */
function sameParagraph(first: readonly string[], next: readonly string[]): boolean {
  const a = leaderOf(first);
  const b = leaderOf(next);
  if (a?.firstOnly) return b === null;
  if (!a || !b) return a === b;
  return a.key === b.key;
}

/**
 * Formats lines `first`…`last`; the cursor goes to the first non-blank of the last line
 * formatted (the line after it when `past`: vim's "Q}" keeps going with `.`).
 */
export function formatLines(
  s: EditorState,
  first: number,
  last: number,
  past = false,
): EditorState {
  const formatted: (readonly string[])[] = [];
  let n = first;
  while (n <= last) {
    const line = lineAt(s.lines, n);
    if (endsParagraph(line)) {
      formatted.push(line);
      n++;
      continue;
    }
    let end = n;
    while (
      end + 1 <= last &&
      !endsParagraph(lineAt(s.lines, end + 1)) &&
      sameParagraph(line, lineAt(s.lines, end + 1))
    ) {
      end++;
    }
    formatted.push(...formatParagraph(s.lines.slice(n, end + 1), FORMAT_WIDTH));
    n = end + 1;
  }
  const lines: Lines = [...s.lines.slice(0, first), ...formatted, ...s.lines.slice(last + 1)];
  let line = first + formatted.length - 1;
  if (past && line + 1 < lines.length) line++;
  const cursor = { line, col: firstNonBlank(lineAt(lines, line)) };
  return clampNormal(withLines({ ...s, cursor, undoExact: true }, lines));
}
