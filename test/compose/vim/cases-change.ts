/**
 * Replace mode, case operators, shifts and Ctrl-a/Ctrl-x: each with counts, motions, its
 * doubled linewise form, visual mode and `.`, over varied texts.
 */
import type { VimCase } from "./run-vim.js";

const PROSE = "The quick brown fox, jumps over\nthe lazy dog.\n\nA second paragraph\nends here.";
const ACCENTS = "héllo wörld café naïve\nÉTÉ À ÇA ÑANDÚ";
const CJK = "日本語 テキスト 中文 abc\n한국어 텍스트";
const ARABIC = "مرحبا بالعالم، هذا نص\nسطر ثان";
const EMOJI = "party 🎉 time 🌍 ok\n✨ sparkles 🚀 go";
const GREEK = "Σίσυφος ΣΊΣΥΦΟΣ straße";
const INDENT = "  two\n\tone tab\n\n        eight\nflush\n   \t mixed";
const LINES = "one\ntwo\nthree\nfour\nfive";

const at = (text: string, places: [number, number][], keys: readonly string[]): VimCase[] =>
  places.flatMap((p) => keys.map((k) => ({ text, at: p, keys: k })));

const REPLACE = [
  "Rxy<Esc>",
  "Rabcdefghijklmnopqrstuvwxyz0123456789<Esc>",
  "Rxy<BS><Esc>",
  "Rxyz<BS><BS><Esc>",
  "Rxyz<BS><BS><BS><BS><Esc>",
  "Rx<CR>y<Esc>",
  "Rx<CR><BS>y<Esc>",
  "3Rab<Esc>",
  "Rab<Esc>j.",
  "Rab<Esc>w3.",
  "Rab<Esc>u",
  "R日本<Esc>",
  "Ré<Esc>l.",
  "2Rxy<BS>z<Esc>",
  "R<Esc>",
  "lRq<Esc>",
  "llRx<BS><BS><BS>y<Esc>",
  "Rxy<C-w>z<Esc>",
  "$Rxyz<Esc>",
  "$Rxyz<BS><BS><Esc>",
  "R<Tab>x<Esc>",
  "Rxy<C-w><C-w>z<Esc>",
  "Rxy<C-u>z<Esc>",
  "iab<C-w>x<Esc>",
  "aab<C-w><C-w>x<Esc>",
  "ab c<C-u>x<Esc>",
  "Aab<C-u><C-u>x<Esc>",
];

const CASE = [
  "g~w",
  "g~~",
  "g~g~",
  "3g~~",
  "gUw",
  "gUU",
  "gUgU",
  "2gUU",
  "guw",
  "guu",
  "gugu",
  "gu$",
  "gU$",
  "g~iw",
  "gUiw",
  "guaw",
  "gUj",
  "guk",
  "g~G",
  "gUgg",
  "gUe",
  "gU2w",
  "2gUw",
  "gUfo",
  "gUiwj.",
  "gUUj.",
  "guuj2.",
  "g~~u",
  "gUwu",
  "~",
  "4~",
  "20~",
  "~~~",
  "~j.",
  "veU",
  "veu",
  "ve~",
  "VU",
  "Vu",
  "Vj~",
  "vjU",
  "v$U",
  "veUw.",
  "VUj.",
  "gUip",
  "g~ap",
];

const SHIFT = [
  ">>",
  "<<",
  ">><<",
  "3>>",
  "3<<",
  ">j",
  "<j",
  ">G",
  ">gg",
  "<G",
  ">ip",
  ">>.",
  ">>j.",
  "<<j.",
  ">>3.",
  "2>>",
  ">2j",
  ">k",
  ">>u",
  "V>",
  "Vj>",
  "Vj<lt>",
  "V2>",
  "Vj3<lt>",
  "Vj>.",
  "v>",
  ">}",
  ">>>>",
  "<<<<",
  ">l",
  ">w",
  "Vj3>.",
  ">>j",
  ">>k",
  ">>jk$j",
  "<<j$",
  "V3<lt>j.",
];

const NUMBERS = [
  "x 41 y\n-7 and 0x1f\n007 08 0b101\nnone here\nv2.5 12-3 a-1",
  "9 99 999\n-1 0 -0\n0xFF 0Xfe 0x0\n18446744073709551615 x",
  "ab 日本 5 عدد 12\n  -  3\nid-99 foo_7",
];

const ADDSUB = [
  "<C-a>",
  "<C-x>",
  "5<C-a>",
  "5<C-x>",
  "100<C-x>",
  "<C-a><C-a>",
  "<C-a>.",
  "3<C-a>.",
  "<C-a>j.",
  "<C-x>u",
  "w<C-a>",
  "$<C-a>",
  "$<C-x>",
  "10<C-x>",
  "2<C-a>j2.",
];

export function changeCases(): VimCase[] {
  return [
    ...at(
      PROSE,
      [
        [0, 0],
        [0, 10],
        [1, 4],
        [4, 9],
      ],
      [...REPLACE, ...CASE],
    ),
    ...at(
      ACCENTS,
      [
        [0, 1],
        [1, 4],
      ],
      [...REPLACE, ...CASE],
    ),
    ...at(CJK, [[0, 2]], [...REPLACE, ...CASE]),
    ...at(ARABIC, [[0, 3]], [...REPLACE, ...CASE]),
    ...at(EMOJI, [[0, 6]], [...REPLACE, ...CASE]),
    ...at(GREEK, [[0, 0]], CASE),
    ...at(
      INDENT,
      [
        [0, 2],
        [1, 1],
        [2, 0],
        [3, 9],
        [5, 4],
      ],
      SHIFT,
    ),
    ...at(
      LINES,
      [
        [0, 0],
        [2, 3],
        [4, 1],
      ],
      SHIFT,
    ),
    ...at(PROSE, [[1, 3]], SHIFT),
    ...at(ARABIC, [[1, 2]], SHIFT),
    ...at(
      NUMBERS[0]!,
      [
        [0, 0],
        [0, 3],
        [1, 0],
        [1, 1],
        [1, 9],
        [2, 0],
        [2, 5],
        [2, 8],
        [3, 2],
        [4, 0],
        [4, 4],
        [4, 7],
        [4, 10],
      ],
      ADDSUB,
    ),
    ...at(
      NUMBERS[1]!,
      [
        [0, 0],
        [0, 2],
        [0, 5],
        [1, 0],
        [1, 3],
        [1, 5],
        [2, 0],
        [2, 6],
        [2, 11],
        [3, 0],
      ],
      ADDSUB,
    ),
    ...at(
      NUMBERS[2]!,
      [
        [0, 0],
        [0, 9],
        [1, 2],
        [2, 0],
        [2, 7],
      ],
      ADDSUB,
    ),
  ];
}
