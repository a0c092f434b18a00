// Reading Arabic off a captured screen, where tootty drew it in visual order and shaped.

/**
 * Presentation forms normalised back to letters; a lam-alef ligature, drawn in visual order,
 * is alef (left) then lam.
 */
export const seen = (screen: string): string =>
  screen
    .replace(/[\ufef5-\ufefc]/g, (c) => [...c.normalize("NFKC")].reverse().join(""))
    .replace(/[\ufb50-\ufdff\ufe70-\ufefc]/g, (c) => c.normalize("NFKC"));

const graphemes = new Intl.Segmenter("ar", { granularity: "grapheme" });

/** Logical text as drawn right to left, each letter with its marks (drawn after their letter). */
export const rtl = (s: string): string =>
  Array.from(graphemes.segment(s), (g) => g.segment)
    .reverse()
    .join("");
