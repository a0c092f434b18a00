import {
  bigClass,
  charClass,
  isBlankLine,
  type Lines,
  lineAt,
  type Pos,
  toFlat,
} from "./buffer.js";

/** A region an operator acts on: flat grapheme range [from, to) or whole lines. */
export type Region =
  | { kind: "char"; from: number; to: number }
  | { kind: "line"; first: number; last: number };

export const TEXT_OBJECT_KEYS = new Set(["w", "W", '"', "'", "`", "p"]);

function wordObject(lines: Lines, cursor: Pos, around: boolean, big: boolean, count: number) {
  const line = lineAt(lines, cursor.line);
  if (line.length === 0) return null;
  const cls = big ? bigClass : charClass;
  const runEnd = (i: number) => {
    const c = cls(line[i]);
    let j = i;
    while (j < line.length && cls(line[j]) === c) j++;
    return j;
  };
  let start = cursor.col;
  const c0 = cls(line[start]);
  while (start > 0 && cls(line[start - 1]) === c0) start--;
  let end = start;
  for (let n = 0; n < count && end < line.length; n++) {
    const startedOnBlank = cls(line[end]) === 0;
    end = runEnd(end);
    // "aw" takes a word with its blanks: trailing ones, or the blank before it.
    if (around && end < line.length) {
      if (startedOnBlank || cls(line[end]) === 0) end = runEnd(end);
    }
  }
  if (around && c0 !== 0 && (end === line.length || cls(line[end - 1]) !== 0)) {
    while (start > 0 && cls(line[start - 1]) === 0) start--;
  }
  const base = toFlat(lines, { line: cursor.line, col: 0 });
  return { kind: "char" as const, from: base + start, to: base + end };
}

function quoteObject(lines: Lines, cursor: Pos, quote: string, around: boolean) {
  const line = lineAt(lines, cursor.line);
  const quotes: number[] = [];
  line.forEach((g, i) => {
    if (g === quote && line[i - 1] !== "\\") quotes.push(i);
  });
  let open = -1;
  let close = -1;
  // Pair the quotes left to right, as vim does, and take the pair around the cursor,
  // or else the first pair after it.
  for (let i = 0; i + 1 < quotes.length; i += 2) {
    if (quotes[i + 1]! >= cursor.col) {
      open = quotes[i]!;
      close = quotes[i + 1]!;
      break;
    }
  }
  if (open === -1) return null;
  const base = toFlat(lines, { line: cursor.line, col: 0 });
  if (!around) return { kind: "char" as const, from: base + open + 1, to: base + close };
  let from = open;
  let to = close + 1;
  if (to < line.length && charClass(line[to]) === 0) {
    while (to < line.length && charClass(line[to]) === 0) to++;
  } else {
    while (from > 0 && charClass(line[from - 1]) === 0) from--;
  }
  return { kind: "char" as const, from: base + from, to: base + to };
}

function paragraphObject(lines: Lines, cursor: Pos, around: boolean, count: number) {
  const blank = (n: number) => isBlankLine(lineAt(lines, n));
  const blockEnd = (start: number) => {
    const k = blank(start);
    let end = start;
    while (end + 1 < lines.length && blank(end + 1) === k) end++;
    return end;
  };
  let first = cursor.line;
  while (first > 0 && blank(first - 1) === blank(cursor.line)) first--;
  let last = blockEnd(cursor.line);
  for (let n = 1; n < count && last + 1 < lines.length; n++) last = blockEnd(last + 1);
  // "ap" also takes the blank lines after the paragraph.
  if (around && last + 1 < lines.length) last = blockEnd(last + 1);
  return { kind: "line" as const, first, last };
}

/** iw aw iW aW i" a" i' a' ip ap — the region they cover, or null if there is none. */
export function resolveTextObject(
  lines: Lines,
  cursor: Pos,
  scope: "i" | "a",
  key: string,
  count: number,
): Region | null {
  const around = scope === "a";
  switch (key) {
    case "w":
    case "W":
      return wordObject(lines, cursor, around, key === "W", count);
    case '"':
    case "'":
    case "`":
      return quoteObject(lines, cursor, key, around);
    case "p":
      return paragraphObject(lines, cursor, around, count);
  }
  return null;
}
