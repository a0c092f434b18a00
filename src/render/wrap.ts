// Greedy word wrap of styled pieces at a cell width. Breaks at spaces, hard-breaks words
// longer than a line, and never splits a grapheme (nor a wide emoji from its blessed pad).
import type { Item, Piece } from "./pieces.js";
import { cellWidth, graphemes } from "./width.js";

export type Line = Piece[];

interface Word {
  pieces: Piece[];
  width: number;
}

type Token = Word | { space: true } | "\n";

function tokenize(items: readonly Item[]): Token[] {
  const tokens: Token[] = [];
  let word: Word | null = null;
  for (const item of items) {
    if (item === "\n") {
      word = null;
      tokens.push("\n");
      continue;
    }
    for (const part of item.text.split(/( +)/)) {
      if (part === "") continue;
      if (part.charCodeAt(0) === 0x20) {
        word = null;
        tokens.push({ space: true });
        continue;
      }
      const piece: Piece = { ...item, text: part };
      if (!word) {
        word = { pieces: [], width: 0 };
        tokens.push(word);
      }
      word.pieces.push(piece);
      word.width += cellWidth(part);
    }
  }
  return tokens;
}

export function wrapItems(items: readonly Item[], width: number): Line[] {
  const lines: Line[] = [];
  let line: Piece[] = [];
  let used = 0;
  let spaceBefore = false;
  const newline = () => {
    lines.push(line);
    line = [];
    used = 0;
  };
  for (const token of tokenize(items)) {
    if (token === "\n") {
      newline();
      spaceBefore = false;
      continue;
    }
    if ("space" in token) {
      spaceBefore = true;
      continue;
    }
    const gap = used > 0 && spaceBefore ? 1 : 0;
    spaceBefore = false;
    if (used + gap + token.width <= width) {
      if (gap) line.push({ text: " ", roles: [] });
      line.push(...token.pieces);
      used += gap + token.width;
      continue;
    }
    if (used > 0 && token.width <= width) {
      newline();
      line.push(...token.pieces);
      used = token.width;
      continue;
    }
    // Longer than a whole line: continue after a space on this line, then cut by grapheme.
    if (used > 0 && used + gap < width - 4) {
      if (gap) line.push({ text: " ", roles: [] });
      used += gap;
    } else if (used > 0) newline();
    for (const piece of token.pieces) {
      let chunk = "";
      for (const g of graphemes(piece.text)) {
        const w = cellWidth(g);
        if (w > width) continue; // a 2-cell glyph in a 1-cell column cannot be shown
        if (used + w > width) {
          if (chunk) line.push({ ...piece, text: chunk });
          chunk = "";
          newline();
        }
        chunk += g;
        used += w;
      }
      if (chunk) line.push({ ...piece, text: chunk });
    }
  }
  if (line.length > 0 || lines.length === 0) lines.push(line);
  return lines;
}

/** Cuts a line (already laid out) to a width, never splitting a grapheme; marks a cut with "…". */
export function clipLine(line: Line, width: number, ellipsis = "…"): Line {
  const total = line.reduce((w, piece) => w + cellWidth(piece.text), 0);
  if (total <= width) return line;
  // Too narrow for the marker: cut without one rather than overflow.
  const mark = cellWidth(ellipsis) <= width ? ellipsis : "";
  const room = width - cellWidth(mark);
  const out: Piece[] = [];
  let used = 0;
  for (const piece of line) {
    let chunk = "";
    for (const g of graphemes(piece.text)) {
      const gw = cellWidth(g);
      if (used + gw > room) break;
      chunk += g;
      used += gw;
    }
    if (chunk) out.push({ ...piece, text: chunk });
    if (used + 1 > room || chunk !== piece.text) break;
  }
  const last = out[out.length - 1];
  if (mark) out.push({ text: mark, roles: last ? last.roles : [] });
  return out;
}

/** Plain text (already sanitised) wrapped at `width`: alt text, descriptions. */
export function wrapPlainText(text: string, width: number): string[] {
  return wrapItems([{ text, roles: [] }], Math.max(1, width)).map((l) =>
    l.map((p) => p.text).join(""),
  );
}
