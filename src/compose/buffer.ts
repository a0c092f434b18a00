import { splitGraphemes } from "./graphemes.js";

/** A cursor position: line index and column in graphemes (not code units, not cells). */
export interface Pos {
  line: number;
  col: number;
}

/** The text as lines of graphemes. Never mutated: every edit returns new arrays. */
export type Lines = readonly (readonly string[])[];

export function linesFromText(text: string): Lines {
  return text
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((l) => splitGraphemes(l));
}

export function textFromLines(lines: Lines): string {
  return lines.map((l) => l.join("")).join("\n");
}

export function lineAt(lines: Lines, n: number): readonly string[] {
  return lines[n] ?? [];
}

/**
 * Flat view: all graphemes with "\n" between lines. Charwise operators work on flat
 * ranges, so a delete across lines needs no special case.
 */
export function flatten(lines: Lines): string[] {
  const out: string[] = [];
  lines.forEach((l, i) => {
    if (i > 0) out.push("\n");
    out.push(...l);
  });
  return out;
}

export function toFlat(lines: Lines, pos: Pos): number {
  let i = 0;
  for (let l = 0; l < pos.line; l++) i += lineAt(lines, l).length + 1;
  return i + pos.col;
}

export function fromFlat(lines: Lines, index: number): Pos {
  let rest = index;
  for (let l = 0; l < lines.length; l++) {
    const len = lineAt(lines, l).length;
    if (rest <= len) return { line: l, col: rest };
    rest -= len + 1;
  }
  const last = lines.length - 1;
  return { line: last, col: lineAt(lines, last).length };
}

export function unflatten(flat: readonly string[]): Lines {
  const lines: string[][] = [[]];
  for (const g of flat) {
    if (g === "\n") lines.push([]);
    else lines[lines.length - 1]!.push(g);
  }
  return lines;
}

/** Text between two flat indices [from, to). */
export function sliceFlat(lines: Lines, from: number, to: number): string {
  return flatten(lines).slice(from, to).join("");
}

export function deleteFlat(lines: Lines, from: number, to: number): Lines {
  const flat = flatten(lines);
  flat.splice(from, to - from);
  return unflatten(flat);
}

export function insertFlat(lines: Lines, at: number, text: string): Lines {
  const flat = flatten(lines);
  flat.splice(at, 0, ...flattenText(text));
  return unflatten(flat);
}

export function flattenText(text: string): string[] {
  return flatten(linesFromText(text));
}

/**
 * Scripts vim's utf_class() (mbyte.c) gives a class of their own, so a word ends where one
 * meets another: Hiragana, Katakana, CJK ideographs and Hangul; and the symbol and
 * punctuation blocks it counts as punctuation (class 1).
 */
const SCRIPT_CLASSES: readonly [number, number, number][] = [
  [0x2000, 0x200b, 0],
  [0x200c, 0x2027, 1],
  [0x2028, 0x2029, 0],
  [0x202a, 0x202e, 1],
  [0x202f, 0x202f, 0],
  [0x2030, 0x205e, 1],
  [0x205f, 0x205f, 0],
  [0x2060, 0x206f, 1],
  [0x2070, 0x207f, 0x2070],
  [0x2080, 0x2094, 0x2080],
  [0x20a0, 0x27ff, 1],
  [0x2800, 0x28ff, 0x2800],
  [0x2900, 0x2998, 1],
  [0x2e00, 0x2e7f, 1],
  [0x3000, 0x3000, 0],
  [0x3001, 0x3020, 1],
  [0x3040, 0x309f, 0x3040],
  [0x30a0, 0x30ff, 0x30a0],
  [0x3300, 0x9fff, 0x4e00],
  [0xac00, 0xd7a3, 0xac00],
  [0xf900, 0xfaff, 0x4e00],
  [0xfe30, 0xfe6b, 1],
  [0xff00, 0xff0f, 1],
  [0xff1a, 0xff20, 1],
  [0xff3b, 0xff40, 1],
  [0xff5b, 0xff65, 1],
  [0x1f000, 0x1f2ff, 1],
  [0x20000, 0x2fa1f, 0x4e00],
];

/**
 * Vim's character classes for word motions: 0 blank, 1 punctuation, 2 and above a word of
 * that class (3 emoji, 0x4e00 CJK…): `w` stops where the class changes.
 */
export function charClass(g: string | undefined): number {
  if (g === undefined || g === "\n" || /^\s+$/u.test(g)) return 0;
  const cp = g.codePointAt(0)!;
  if (cp >= 0x100) {
    if (/^\p{Extended_Pictographic}/u.test(g)) return 3;
    for (const [first, last, cls] of SCRIPT_CLASSES) if (cp >= first && cp <= last) return cls;
  }
  if (/^[\p{L}\p{N}\p{M}_]/u.test(g)) return 2;
  return cp >= 0x100 && !/^[\p{P}\p{S}]/u.test(g) ? 2 : 1;
}

/** WORD motions (W B E) only know blank and non-blank. */
export function bigClass(g: string | undefined): number {
  return charClass(g) === 0 ? 0 : 2;
}

export function firstNonBlank(line: readonly string[]): number {
  const i = line.findIndex((g) => charClass(g) !== 0);
  return i === -1 ? Math.max(0, line.length - 1) : i;
}

export function isBlankLine(line: readonly string[]): boolean {
  return line.every((g) => charClass(g) === 0);
}
