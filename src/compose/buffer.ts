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

/** Vim's character classes for word motions: 0 blank, 1 punctuation, 2 word. */
export function charClass(g: string | undefined): 0 | 1 | 2 {
  if (g === undefined || g === "\n" || /^\s+$/u.test(g)) return 0;
  if (/^[\p{L}\p{N}\p{M}_]/u.test(g)) return 2;
  return 1;
}

/** WORD motions (W B E) only know blank and non-blank. */
export function bigClass(g: string | undefined): 0 | 2 {
  return charClass(g) === 0 ? 0 : 2;
}

export function firstNonBlank(line: readonly string[]): number {
  const i = line.findIndex((g) => charClass(g) !== 0);
  return i === -1 ? Math.max(0, line.length - 1) : i;
}

export function isBlankLine(line: readonly string[]): boolean {
  return line.every((g) => charClass(g) === 0);
}
