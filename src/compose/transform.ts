/**
 * The operators that change text in place: g~ gu gU (case), > < (indent) and the number
 * under the cursor (Ctrl-a, Ctrl-x). Each works on a region and fills no register.
 */
import { tl } from "../i18n/index.js";
import {
  firstNonBlank,
  flatten,
  fromFlat,
  type Lines,
  lineAt,
  type Pos,
  unflatten,
} from "./buffer.js";
import { clampNormal, type EditorState, withLines, withMessage } from "./editor-state.js";
import { formatLines } from "./format.js";
import { splitGraphemes, TAB_STOP } from "./graphemes.js";
import type { Transform } from "./parse.js";
import type { Region } from "./textobjects.js";

/** vim -u NONE's 'shiftwidth': one shift is a tab stop, eight cells. */
export const SHIFT_WIDTH = 8;

type CaseOp = "g~" | "gu" | "gU";

/**
 * One grapheme's case as vim's g~, gu and gU make it: a letter whose other case is longer
 * stays, except that gU makes ß "SS" (vim's swapchar()).
 */
export function caseOf(op: CaseOp, g: string): string {
  if (op === "gU" && g === "ß") return "SS";
  const to =
    op === "gu"
      ? g.toLowerCase()
      : op === "gU"
        ? g.toUpperCase()
        : g === g.toLowerCase()
          ? g.toUpperCase()
          : g.toLowerCase();
  return splitGraphemes(to).length === 1 ? to : g;
}

export function toggleCase(g: string): string {
  return caseOf("g~", g);
}

/** The flat range a region covers, for charwise and linewise regions alike. */
function flatRange(lines: Lines, region: Region): [number, number] {
  if (region.kind === "char") return [region.from, region.to];
  let from = 0;
  for (let l = 0; l < region.first; l++) from += lineAt(lines, l).length + 1;
  let to = from;
  for (let l = region.first; l <= region.last; l++) to += lineAt(lines, l).length + 1;
  return [from, to - 1];
}

/**
 * g~ gu gU over a region, as vim's op_tilde(): the cursor goes to the region's start, or
 * for lines to where the motion began (`start`, column 0 for a visual selection); undo
 * brings it to the first line's first non-blank.
 */
export function changeCase(s: EditorState, op: CaseOp, region: Region, start?: Pos): EditorState {
  const [from, to] = flatRange(s.lines, region);
  const flat = flatten(s.lines);
  for (let i = from; i < to; i++) if (flat[i] !== "\n") flat[i] = caseOf(op, flat[i]!);
  const lines = unflatten(flat.flatMap((g) => (g.length > 1 ? splitGraphemes(g) : [g])));
  if (region.kind === "char") {
    return clampNormal(withLines({ ...s, cursor: fromFlat(s.lines, from) }, lines));
  }
  const cursor = start ?? { line: region.first, col: 0 };
  return clampNormal(withLines({ ...s, cursor, undoCursor: undoCursor(s, region.first) }, lines));
}

/**
 * Where undo puts the cursor after a change to whole lines from `first`: the first
 * non-blank, or where the cursor was if that is left of it on the same line.
 */
function undoCursor(s: EditorState, first: number): Pos {
  const col = firstNonBlank(lineAt(s.lines, first));
  return { line: first, col: s.cursor.line === first ? Math.min(col, s.cursor.col) : col };
}

/** The indent of a line in cells, tabs reaching the next multiple of 'tabstop'. */
export function indentWidth(line: readonly string[]): { cells: number; length: number } {
  let cells = 0;
  let length = 0;
  for (const g of line) {
    if (g === " ") cells += 1;
    else if (g === "\t") cells += TAB_STOP - (cells % TAB_STOP);
    else break;
    length++;
  }
  return { cells, length };
}

/** An indent of `cells` as 'noexpandtab' writes it: tabs, then spaces. */
function indentOf(cells: number): string[] {
  return [
    ...Array<string>(Math.floor(cells / TAB_STOP)).fill("\t"),
    ...Array<string>(cells % TAB_STOP).fill(" "),
  ];
}

/**
 * > and < over lines, `times` shiftwidths each, as vim's op_shift(): empty lines stay
 * empty, an indent never goes below nothing, and the cursor lands on the first line's
 * first non-blank.
 */
export function shiftLines(
  s: EditorState,
  dir: ">" | "<",
  first: number,
  last: number,
  times: number,
): EditorState {
  const lines = s.lines.map((line, n) => {
    if (n < first || n > last || line.length === 0) return line;
    const { cells, length } = indentWidth(line);
    const want =
      dir === ">" ? cells + SHIFT_WIDTH * times : Math.max(0, cells - SHIFT_WIDTH * times);
    return [...indentOf(want), ...line.slice(length)];
  });
  const top = lineAt(lines, first);
  const nonBlank = top.findIndex((g) => g !== " " && g !== "\t");
  const col = nonBlank === -1 ? Math.max(0, top.length - 1) : nonBlank;
  const moved = clampNormal(
    withLines({ ...s, cursor: { line: first, col }, undoCursor: undoCursor(s, first) }, lines),
  );
  const count = last - first + 1;
  // Vim reports a shift of more lines than 'report' (2).
  if (count <= 2) return moved;
  return withMessage(moved, tl("compose.shifted", { lines: count, dir, count: times }));
}

/** An operator that changes text in place, over the region a motion or object gave. */
export function applyTransform(
  s: EditorState,
  op: Transform,
  region: Region,
  start?: Pos,
): EditorState {
  switch (op) {
    case "g~":
    case "gu":
    case "gU":
      return changeCase(s, op, region, start);
    case ">":
    case "<":
    case "gq": {
      const [first, last] =
        region.kind === "line"
          ? [region.first, region.last]
          : [
              fromFlat(s.lines, region.from).line,
              fromFlat(s.lines, Math.max(region.from, region.to - 1)).line,
            ];
      if (op === "gq") return formatLines(s, first, last, region.adjusted === true);
      return shiftLines(s, op, first, last, 1);
    }
  }
}

const isDigit = (g: string | undefined) => g !== undefined && /^[0-9]$/.test(g);
const isHex = (g: string | undefined) => g !== undefined && /^[0-9a-fA-F]$/.test(g);
const isBin = (g: string | undefined) => g === "0" || g === "1";
const U64 = (1n << 64n) - 1n;

/**
 * Ctrl-a and Ctrl-x: adds `delta` to the number at or after the cursor on its line, as vim's
 * do_addsub() with 'nrformats' bin,octal,hex: 0x1f and 0b101 keep their form and width,
 * 007 is octal, a "-" before a decimal number makes it negative, and the cursor ends on
 * the number's last digit. No number after the cursor: nothing happens (vim beeps).
 */
export function addToNumber(s: EditorState, delta: bigint): EditorState {
  const line = lineAt(s.lines, s.cursor.line);
  const start = s.cursor.col;
  let col = start;
  while (col > 0 && isBin(line[col])) col--;
  while (col > 0 && isHex(line[col])) col--;
  const at0x = (c: number) =>
    c > 0 && (line[c] === "x" || line[c] === "X") && line[c - 1] === "0" && isHex(line[c + 1]);
  const at0b = (c: number) =>
    c > 0 && (line[c] === "b" || line[c] === "B") && line[c - 1] === "0" && isBin(line[c + 1]);
  if (!at0x(col)) {
    // Binary and hexadecimal digits overlap: look again for decimal digits only.
    col = start;
    while (col > 0 && isDigit(line[col])) col--;
  }
  if (at0x(col) || at0b(col)) col--;
  else {
    col = start;
    while (col < line.length && !isDigit(line[col])) col++;
    while (col > 0 && isDigit(line[col - 1])) col--;
  }
  if (!isDigit(line[col])) return { ...s, bell: true };
  let negative = false;
  if (col > 0 && line[col - 1] === "-") {
    negative = true;
    col--;
  }
  // What follows: the number as vim_str2nr() reads it.
  let i = negative ? col + 1 : col;
  let pre: "" | "x" | "X" | "b" | "B" | "0" = "";
  let digits: string[];
  const run = (test: (g: string | undefined) => boolean, from: number) => {
    let j = from;
    while (test(line[j])) j++;
    return j;
  };
  if (line[i] === "0" && (line[i + 1] === "x" || line[i + 1] === "X") && isHex(line[i + 2])) {
    pre = line[i + 1] as "x" | "X";
    const end = run(isHex, i + 2);
    digits = line.slice(i + 2, end) as string[];
    i = end;
  } else if (
    line[i] === "0" &&
    (line[i + 1] === "b" || line[i + 1] === "B") &&
    isBin(line[i + 2])
  ) {
    pre = line[i + 1] as "b" | "B";
    const end = run(isBin, i + 2);
    digits = line.slice(i + 2, end) as string[];
    i = end;
  } else {
    const end = run(isDigit, i);
    digits = line.slice(i, end) as string[];
    if (digits.length > 1 && digits[0] === "0" && digits.every((d) => /[0-7]/.test(d))) pre = "0";
    i = end;
  }
  if (pre !== "" && negative) {
    // A "-" before a hexadecimal, octal or binary number is not its sign.
    negative = false;
    col++;
  }
  const radix =
    pre === "x" || pre === "X" ? 16 : pre === "b" || pre === "B" ? 2 : pre === "0" ? 8 : 10;
  const prefix = radix === 16 ? "0x" : radix === 2 ? "0b" : radix === 8 ? "0o" : "";
  let n = BigInt(prefix + digits.join(""));
  if (n > U64) n = U64;
  let subtract = delta < 0n;
  if (negative) subtract = !subtract;
  const amount = delta < 0n ? -delta : delta;
  const old = n;
  n = (subtract ? n - amount : n + amount) & U64;
  if (pre === "") {
    // Decimal numbers pass through zero to the other sign.
    if (subtract && n > old) {
      n = (1n + (n ^ U64)) & U64;
      negative = !negative;
    } else if (!subtract && n < old) {
      n = n ^ U64;
      negative = !negative;
    }
    if (n === 0n) negative = false;
  }
  // The new digits keep the old number's width (leading zeros), except in decimal, where
  // leading zeros would make it read as octal; hexadecimal keeps the case of its last letter.
  const letters = [...(pre === "" || pre === "0" ? [] : [pre]), ...digits].filter((d) =>
    /[a-zA-Z]/.test(d),
  );
  const upper = /[A-Z]/.test(letters[letters.length - 1] ?? "");
  const body = upper ? n.toString(radix).toUpperCase() : n.toString(radix);
  const text =
    pre === ""
      ? `${negative ? "-" : ""}${body}`
      : pre === "0"
        ? `0${body.padStart(digits.length - 1, "0")}`
        : `0${pre}${body.padStart(digits.length, "0")}`;
  const next = [...line.slice(0, col), ...splitGraphemes(text), ...line.slice(i)];
  const lines = s.lines.map((l, n2) => (n2 === s.cursor.line ? next : l));
  const end = col + splitGraphemes(text).length - 1;
  return withLines({ ...s, cursor: { line: s.cursor.line, col: end } }, lines);
}
