import {
  bigClass,
  charClass,
  flatten,
  fromFlat,
  isBlankLine,
  type Lines,
  lineAt,
  type Pos,
  toFlat,
} from "./buffer.js";

/** A region an operator acts on: flat grapheme range [from, to) or whole lines. */
/**
 * What an operator works on. `adjusted`: an exclusive motion ended in column 0 of a later
 * line, so the region ends on the line before (`:help exclusive-linewise`).
 */
export type Region =
  | { kind: "char"; from: number; to: number; adjusted?: boolean }
  | { kind: "line"; first: number; last: number; adjusted?: boolean };

export const TEXT_OBJECT_KEYS = new Set([
  "w",
  "W",
  '"',
  "'",
  "`",
  "p",
  "(",
  ")",
  "b",
  "{",
  "}",
  "B",
  "[",
  "]",
  "<",
  ">",
  "t",
]);

const BRACKETS: Record<string, [string, string]> = {
  "(": ["(", ")"],
  ")": ["(", ")"],
  b: ["(", ")"],
  "{": ["{", "}"],
  "}": ["{", "}"],
  B: ["{", "}"],
  "[": ["[", "]"],
  "]": ["[", "]"],
  "<": ["<", ">"],
  ">": ["<", ">"],
};

/**
 * i( a( ib i{ iB i[ i< and their a-forms, as vim's current_block(): the count-th pair of
 * brackets around the cursor (the cursor may stand on either bracket), across lines.
 */
function blockObject(
  lines: Lines,
  cursor: Pos,
  open: string,
  close: string,
  around: boolean,
  count: number,
  visual: boolean,
): Region | null {
  if (enclosingBlock(lines, cursor, open, close, 1)) {
    const inside = enclosingBlock(lines, cursor, open, close, count);
    return inside ? blockRegion(lines, inside, around, visual) : null;
  }
  // Outside any pair, vim 9 takes the next pair, if the next bracket after the cursor opens one.
  if (count > 1) return null;
  const flat = flatten(lines);
  let next = toFlat(lines, cursor) + 1;
  while (next < flat.length && flat[next] !== open && flat[next] !== close) next++;
  if (flat[next] !== open) return null;
  const found = enclosingBlock(lines, fromFlat(lines, next), open, close, 1);
  return found ? blockRegion(lines, found, around, visual) : null;
}

function enclosingBlock(lines: Lines, cursor: Pos, open: string, close: string, count: number) {
  const flat = flatten(lines);
  const at = toFlat(lines, cursor);
  let from = -1;
  let depth = 0;
  let level = count;
  // On a closing bracket, its own pair is the innermost one.
  let i = flat[at] === close ? at - 1 : at;
  if (flat[at] === open) {
    from = at;
    level--;
    i = at - 1;
  }
  for (; level > 0 && i >= 0; i--) {
    if (flat[i] === close) depth++;
    else if (flat[i] === open) {
      if (depth === 0) {
        from = i;
        level--;
      } else depth--;
    }
  }
  if (level > 0 || from === -1) return null;
  depth = 0;
  let to = -1;
  for (let j = from + 1; j < flat.length; j++) {
    if (flat[j] === open) depth++;
    else if (flat[j] === close) {
      if (depth === 0) {
        to = j;
        break;
      }
      depth--;
    }
  }
  if (to === -1 || to < at) return null;
  return { from, to };
}

/**
 * The inner block as vim's current_block() trims it: when the open bracket ends its line and
 * the close bracket has only blanks before it, the block is whole lines (linewise for an
 * operator; in visual mode the selection takes the last line break).
 */
function blockRegion(
  lines: Lines,
  block: { from: number; to: number },
  around: boolean,
  visual: boolean,
): Region {
  const flat = flatten(lines);
  const { from, to } = block;
  if (around) return { kind: "char" as const, from, to: to + 1 };
  let start = from + 1;
  if (flat[start] === "\n") start++;
  const lineStart = (i: number) => i === 0 || flat[i - 1] === "\n";
  let sol = lineStart(to);
  // The last grapheme before the close bracket, stepping back over the indent it stands in.
  let end = to - 1;
  if (end >= 0 && flat[end] === "\n" && !lineStart(end)) end--;
  const inIndentAt = (i: number) => {
    let k = i;
    while (k >= 0 && flat[k] !== "\n") {
      if (charClass(flat[k]) !== 0) return false;
      k--;
    }
    return i >= 0 && flat[i] !== "\n";
  };
  while (end >= start && inIndentAt(end)) {
    sol = true;
    const crossed = lineStart(end);
    end--;
    if (crossed) {
      if (end >= 0 && flat[end] === "\n" && !lineStart(end)) end--;
      break;
    }
  }
  if (end < start) return { kind: "char" as const, from: start, to: start };
  if (!sol) return { kind: "char" as const, from: start, to: end + 1 };
  // Through the line break after `end`.
  const hi = flat[end] === "\n" ? end + 1 : end + 2;
  const startPos = fromFlat(lines, start);
  const endLine = fromFlat(lines, Math.min(hi, flat.length)).line;
  if (!visual && startPos.col === 0 && endLine > startPos.line) {
    return { kind: "line" as const, first: startPos.line, last: endLine - 1 };
  }
  return { kind: "char" as const, from: start, to: Math.min(hi, flat.length) };
}

/** it / at: the count-th element around the cursor, from its start tag to its end tag. */
function tagObject(lines: Lines, cursor: Pos, around: boolean, count: number) {
  const flat = flatten(lines);
  const at = toFlat(lines, cursor);
  // Grapheme index of each code unit, so regex matches map back to the flat text.
  const text = flat.join("");
  const unitToFlat: number[] = [];
  flat.forEach((g, gi) => {
    for (let u = 0; u < g.length; u++) unitToFlat.push(gi);
  });
  unitToFlat.push(flat.length);
  const stack: { name: string; start: number; end: number }[] = [];
  const pairs: { outer: [number, number]; inner: [number, number] }[] = [];
  const tag = /<(\/?)([^\s<>/]+)[^<>]*?(\/?)>/g;
  let m: RegExpExecArray | null = tag.exec(text);
  while (m) {
    const start = unitToFlat[m.index]!;
    const end = unitToFlat[m.index + m[0].length]!;
    if (m[1] === "" && m[3] === "") stack.push({ name: m[2]!, start, end });
    else if (m[1] === "/") {
      let k = stack.length - 1;
      while (k >= 0 && stack[k]!.name !== m[2]) k--;
      if (k >= 0) {
        const o = stack[k]!;
        stack.length = k;
        pairs.push({ outer: [o.start, end], inner: [o.end, start] });
      }
    }
    m = tag.exec(text);
  }
  const around_ = pairs
    .filter((p) => p.outer[0] <= at && at < p.outer[1])
    .sort((a, b) => a.outer[1] - a.outer[0] - (b.outer[1] - b.outer[0]));
  const pick = around_[count - 1];
  if (!pick) return null;
  const [from, to] = around ? pick.outer : pick.inner;
  return { kind: "char" as const, from, to };
}

function wordObject(lines: Lines, cursor: Pos, around: boolean, big: boolean, count: number) {
  const line = lineAt(lines, cursor.line);
  if (line.length === 0) {
    const at = toFlat(lines, cursor);
    // On an empty line "iw" is nothing (ciw just types); "aw" takes it with an empty line after.
    if (!around) return { kind: "char" as const, from: at, to: at };
    return lineAt(lines, cursor.line + 1).length === 0 && cursor.line + 1 < lines.length
      ? { kind: "line" as const, first: cursor.line, last: cursor.line + 1 }
      : null;
  }
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
  // Without blanks after it, "aw" takes the blanks before the word, but never the indent.
  if (around && c0 !== 0 && (end === line.length || cls(line[end - 1]) !== 0)) {
    let s = start;
    while (s > 0 && cls(line[s - 1]) === 0) s--;
    if (s > 0) start = s;
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
  // "ap" also takes the blank lines after the paragraph, or, when there are none (the last
  // paragraph), the blank lines before it.
  if (around && !blank(cursor.line)) {
    if (last + 1 < lines.length) last = blockEnd(last + 1);
    else while (first > 0 && blank(first - 1)) first--;
  } else if (around && last + 1 < lines.length) last = blockEnd(last + 1);
  return { kind: "line" as const, first, last };
}

/** iw aw iW aW i" a" i' a' ip ap, brackets, tags — the region they cover, or null if there is none. */
export function resolveTextObject(
  lines: Lines,
  cursor: Pos,
  scope: "i" | "a",
  key: string,
  count: number,
  visual = false,
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
    case "t":
      return tagObject(lines, cursor, around, count);
  }
  const pair = BRACKETS[key];
  if (pair) return blockObject(lines, cursor, pair[0], pair[1], around, count, visual);
  return null;
}
