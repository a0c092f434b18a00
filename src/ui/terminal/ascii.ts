// ASCII output for a non-UTF-8 locale (LANG=C, an old serial console).
//
// blessed already replaces every non-ASCII character with its `utoa` table entry or "?"
// when the terminal is not Unicode (tput.unicode false and no U8 capability), and it then
// counts one cell per UTF-16 unit, so a replaced line keeps its length and borders stay
// put. Two quirks stop that from happening by itself: the box lines go through the
// alternate character set instead (shown as "lqqqk" by tmux and by terminals that ignore
// SO/SI), and terminfo entries that declare U8 (linux) get raw UTF-8 bytes even in the C
// locale — mojibake. This module forces the plain replacement path and widens the table
// with the symbols tootty draws, each to one ASCII character (one cell in, one cell out).

/** One ASCII stand-in per symbol tootty and its renderer draw. */
export const ASCII_FALLBACKS: Readonly<Record<string, string>> = {
  "─": "-",
  "│": "|",
  "┌": "+",
  "┐": "+",
  "└": "+",
  "┘": "+",
  "├": "+",
  "┤": "+",
  "┬": "+",
  "┴": "+",
  "┼": "+",
  "┄": "-",
  "▌": "|",
  "·": "-",
  "•": "*",
  "…": ".",
  "—": "-",
  "–": "-",
  "→": ">",
  "←": "<",
  "↑": "^",
  "↓": "v",
  "↳": ">",
  "↩": "<",
  "↻": "R",
  "✓": "v",
  "✔": "v",
  "×": "x",
  "▸": ">",
  "▪": "*",
  "■": "#",
  "□": "o",
  "●": "*",
  "○": "o",
  "★": "*",
  "☆": "*",
  "█": "#",
  "░": ".",
  "▒": ":",
  "‘": "'",
  "’": "'",
  "“": '"',
  "”": '"',
  "\u00a0": " ",
};

export interface AsciiTput {
  unicode: boolean;
  brokenACS: boolean;
  numbers: Record<string, number | undefined>;
  utoa: Record<string, string>;
}

/** Makes a blessed screen's terminal draw only ASCII. Call right after creating the screen. */
export function forceAsciiOutput(tput: AsciiTput): void {
  tput.unicode = false;
  tput.brokenACS = true;
  tput.numbers.U8 = 0;
  // An own copy: the table is shared by every Tput through blessed's prototype.
  tput.utoa = { ...tput.utoa, ...ASCII_FALLBACKS };
}

/** Replaces what blessed would draw in ASCII mode (for tests and plain-text output). */
export function toAscii(s: string): string {
  let out = "";
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    out += ch <= "~" ? ch : (ASCII_FALLBACKS[ch] ?? "?");
  }
  return out;
}
