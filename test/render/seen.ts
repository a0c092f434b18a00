// Rendered lines as a reader sees them, for comparing as text.
import { stripAnsi } from "../../src/render/index.js";

/** Colours dropped and presentation forms back to letters. */
export const seen = (s: string) =>
  stripAnsi(s)
    .replace(/[\ufe70-\ufefc]/g, (c) => c.normalize("NFKC"))
    .normalize("NFC");

const graphemes = new Intl.Segmenter("ar", { granularity: "grapheme" });

/** Right to left, each letter with its marks (a terminal draws a mark after its letter). */
export const rtl = (s: string) =>
  Array.from(graphemes.segment(s), (g) => g.segment)
    .reverse()
    .join("");
