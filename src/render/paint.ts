// Laid-out lines → terminal strings: SGR from the theme, OSC 8 only when asked for.
import { visualLine } from "./bidi.js";
import { foldLine, type Glyphs } from "./glyphs.js";
import { osc8 } from "./hyperlink.js";
import type { Piece } from "./pieces.js";
import type { Theme } from "./theme.js";
import { clipLine, type Line } from "./wrap.js";

function samePaint(a: Piece, b: Piece): boolean {
  if (a.url !== b.url || a.roles.length !== b.roles.length) return false;
  return a.roles.every((r, i) => r === b.roles[i]);
}

export function paintLine(line: Line, theme: Theme, hyperlinks: boolean): string {
  let out = "";
  let k = 0;
  while (k < line.length) {
    const first = line[k]!;
    let text = first.text;
    let j = k + 1;
    while (j < line.length && samePaint(first, line[j]!)) text += line[j++]!.text;
    k = j;
    if (text === "") continue;
    for (let r = first.roles.length - 1; r >= 0; r--) text = theme.paint[first.roles[r]!](text);
    out += hyperlinks && first.url ? osc8(first.url, text) : text;
  }
  return out;
}

/**
 * The last step for every laid-out line: in visual order where tootty does the bidi (see
 * bidi.ts), folded to ASCII without Unicode (cell for cell, so the layout still holds), cut to the pane (a no-op for lines that fit: the guard that no
 * line can overflow), then painted.
 */
export function paintFitted(
  line: Line,
  width: number,
  g: Glyphs,
  theme: Theme,
  hyperlinks: boolean,
): string {
  return paintLine(
    clipLine(g.unicode ? visualLine(line) : foldLine(line), width, g.ellipsis),
    theme,
    hyperlinks,
  );
}
