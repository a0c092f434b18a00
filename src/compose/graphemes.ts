import stringWidth from "string-width";

const segmenter = new Intl.Segmenter(undefined, { granularity: "grapheme" });

/** Splits text into user-perceived characters (what the cursor steps over). */
export function splitGraphemes(text: string): string[] {
  return Array.from(segmenter.segment(text), (s) => s.segment);
}

export function graphemeCount(text: string): number {
  let n = 0;
  for (const _ of segmenter.segment(text)) n++;
  return n;
}

// C0, DEL and C1 controls: never written to the terminal as they are.
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
const TEXT_STYLE_EMOJI = /^\p{Extended_Pictographic}\uFE0F?$/u;
const PRESENTS_AS_EMOJI = /^\p{Emoji_Presentation}/u;

/**
 * How a grapheme is drawn and how many cells it takes. Control characters (a paste may
 * carry them) become "�" so they cannot drive the terminal. A text-style pictograph
 * (`☁` or `☁️`) takes one cell, as the terminal's wcwidth() says, although string-width
 * says two; we drop its U+FE0F so blessed counts it as we do (see DESIGN.md, "Width").
 */
export function displayGrapheme(g: string): { text: string; cells: number } {
  if (g === "\t") return { text: " ", cells: 1 };
  if (CONTROL.test(g)) return { text: "\uFFFD", cells: 1 };
  if (TEXT_STYLE_EMOJI.test(g) && !PRESENTS_AS_EMOJI.test(g)) {
    return { text: g.replace("\uFE0F", ""), cells: 1 };
  }
  const cells = stringWidth(g);
  // A lone combining mark (at the start of a line) still needs a cell to be seen.
  return { text: g, cells: cells === 0 ? 1 : cells };
}

export function cellsOf(graphemes: readonly string[], from = 0, to = graphemes.length): number {
  let n = 0;
  for (let i = from; i < to; i++) n += displayGrapheme(graphemes[i]!).cells;
  return n;
}
