// Draws the composer's cursor into a row of plain text as reverse video, cell-exact: the
// row holds wide characters (CJK, emoji) and the cursor column is counted in cells.
import { displayGrapheme, splitGraphemes } from "../../compose/graphemes.js";

const REVERSE = "\x1b[7m";
const NORMAL = "\x1b[27m";

/** `row` with the grapheme at cell `col` (or a blank past the end) in reverse video. */
export function withCursor(row: string, col: number): string {
  let used = 0;
  let out = "";
  let placed = false;
  for (const g of splitGraphemes(row)) {
    const { cells } = displayGrapheme(g);
    if (!placed && col >= used && col < used + cells) {
      out += `${REVERSE}${g}${NORMAL}`;
      placed = true;
    } else out += g;
    used += cells;
  }
  return placed ? out : `${out}${" ".repeat(Math.max(0, col - used))}${REVERSE} ${NORMAL}`;
}
