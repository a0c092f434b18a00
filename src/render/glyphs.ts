// The symbols the renderer adds around server text, in Unicode and in plain ASCII for
// terminals whose locale is not UTF-8 (LANG=C): there, any byte above 0x7f is mojibake.
import { cellWidth, graphemes } from "./width.js";

export interface Glyphs {
  unicode: boolean;
  /** Separator between facts in one line ("5m · edited"), spaces included. */
  dot: string;
  ellipsis: string;
  dash: string;
  boosted: string;
  replyTo: string;
  replies: string;
  boosts: string;
  favourites: string;
  favourited: string;
  quotes: string;
  media: string;
  card: string;
  quoteBar: string;
  bullet: string;
  pollOwn: string;
  pollOther: string;
  multiOwn: string;
  multiOther: string;
  barFull: string;
  barEmpty: string;
  verified: string;
}

/**
 * The bar beside a quote (a quoted post, a blockquote): "│ " on its left, or " │" on its right
 * where the quote runs right to left. Monochrome themes (markers) quote as e-mail does, with
 * ">", which a right-to-left paragraph draws mirrored (UAX #9 L4): "<".
 */
export function quoteBar(g: Glyphs, markers: boolean, right: boolean): string {
  const bar = markers ? ">" : g.quoteBar.trimEnd();
  if (!right) return `${bar} `;
  return ` ${bar === ">" ? "<" : bar}`;
}

/**
 * An arrow pointing at the words after it, for a line that runs right to left: it stands on
 * the words' right and points left ("↳ in reply to" becomes "↲ ردًّا على"). These arrows are
 * not Bidi_Mirrored (UnicodeData.txt), so no bidi step turns them; ASCII's ">" is (L4).
 */
export function mirroredArrow(arrow: string): string {
  return arrow.replace("↳", "↲").replace("▸", "◂");
}

const UNICODE: Glyphs = {
  unicode: true,
  dot: " · ",
  ellipsis: "…",
  dash: "—",
  boosted: "↻ ",
  replyTo: "↳ ",
  replies: "↩ ",
  boosts: "↻ ",
  favourites: "☆ ",
  favourited: "★ ",
  quotes: "❝ ",
  media: "▪ ",
  card: "▸ ",
  quoteBar: "│ ",
  bullet: "• ",
  pollOwn: "● ",
  pollOther: "○ ",
  multiOwn: "■ ",
  multiOther: "□ ",
  barFull: "█",
  barEmpty: "░",
  verified: " ✓",
};

const ASCII: Glyphs = {
  unicode: false,
  dot: " - ",
  ellipsis: "...",
  dash: "-",
  boosted: ">> ",
  replyTo: "-> ",
  replies: "re ",
  boosts: "rt ",
  favourites: "fav ",
  favourited: "FAV ",
  quotes: "qt ",
  media: "+ ",
  card: "> ",
  quoteBar: "| ",
  bullet: "* ",
  pollOwn: "(*) ",
  pollOther: "( ) ",
  multiOwn: "[x] ",
  multiOther: "[ ] ",
  barFull: "#",
  barEmpty: ".",
  verified: " (verified)",
};

export function glyphsFor(unicode: boolean | undefined): Glyphs {
  return unicode === false ? ASCII : UNICODE;
}

// Typographic characters with an obvious one-cell ASCII twin.
const TWINS: Record<string, string> = {
  "\u2018": "'",
  "\u2019": "'",
  "\u201a": ",",
  "\u201c": '"',
  "\u201d": '"',
  "\u201e": '"',
  "\u2013": "-",
  "\u2014": "-",
  "\u2212": "-",
  "\u00b7": ".",
  "\u2022": "*",
  "\u2026": ".",
  "\u00a0": " ",
  "\u00ab": "<",
  "\u00bb": ">",
  "\u00d7": "x",
};
const PRINTABLE_ASCII = /^[\x20-\x7e\n]*$/;
// Our own escapes: SGR, and OSC 8 hyperlinks built from parsed URLs.
const SGR_SPLIT = /(\x1b\[[0-9;]*m|\x1b\]8;[^\x07\x1b]*(?:\x07|\x1b\\))/;
const MARKS = /\p{M}/gu;

/**
 * Plain ASCII with the same cell width, grapheme by grapheme: accents are dropped ("é" → "e"),
 * typographic twins swapped, and anything else becomes "?" per cell ("漢" → "??"), so a
 * layout measured on the Unicode text still fits. Zero-width graphemes vanish.
 */
export function foldToAscii(s: string): string {
  if (PRINTABLE_ASCII.test(s)) return s;
  // Our own SGR codes (highlighted code) pass through; only the text between them is folded.
  if (s.includes("\x1b"))
    return s
      .split(SGR_SPLIT)
      .map((part, i) => (i % 2 === 1 ? part : foldToAscii(part)))
      .join("");
  let out = "";
  for (const g of graphemes(s)) {
    if (PRINTABLE_ASCII.test(g)) {
      out += g;
      continue;
    }
    const w = cellWidth(g);
    if (w === 0) continue;
    const twin = TWINS[g];
    if (twin !== undefined && w === 1) {
      out += twin;
      continue;
    }
    const bare = g.normalize("NFD").replace(MARKS, "");
    if (w === 1 && /^[\x21-\x7e]$/.test(bare)) out += bare;
    else out += "?".repeat(w);
  }
  return out;
}

/** foldToAscii for text laid out afterwards, where an ellipsis may take its full three dots. */
export function asciiBeforeLayout(s: string): string {
  return foldToAscii(s.replace(/\u2026/g, "..."));
}

/** A laid-out line with every piece folded to ASCII (widths unchanged, highlighted code left as is). */
export function foldLine<P extends { text: string }>(line: readonly P[]): P[] {
  return line.map((piece) => ({ ...piece, text: foldToAscii(piece.text) }));
}
