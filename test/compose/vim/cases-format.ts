/**
 * gq: gqq, gqap, gq with motions and counts, visual gq, `.` and undo, over long prose,
 * several paragraphs, indents and tabs, comments and quotes, and other scripts (wide CJK,
 * Arabic, accents, emoji): lines reflowed to 79 cells, as vim does with 'textwidth' 0.
 */
import type { VimCase } from "./run-vim.js";

const LOREM =
  "lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor incididunt ut labore et dolore magna aliqua ut enim ad minim veniam quis nostrud";
const PARAS = `${LOREM}\n${LOREM.slice(0, 60)}\nshort line\n\n  indented ${LOREM}\nand more\n\nlast`;
const SHORT = "one two three\nfour five\nsix\n\nseven eight\n\tnine ten";
const EXACT = `${"x".repeat(70)} 12345678\n${"x".repeat(70)} 123456789\nend  spaces  \nnext`;
const QUOTES = `> quoted ${LOREM}\n> more quoted\nplain ${LOREM.slice(0, 50)}\n- item ${LOREM}\n- second\n// note ${LOREM.slice(0, 90)}`;
const WIDE = `${"日本語 ".repeat(20)}\n${"مرحبا بالعالم ".repeat(8)}\n${"café naïve ".repeat(10)}\n${"party 🎉 time ".repeat(8)}\n${"日本語".repeat(30)}`;

const KEYS = [
  "gqq",
  "gqap",
  "gqip",
  "gqj",
  "2gqq",
  "3gqq",
  "gqG",
  "Ggqgg",
  "gq}",
  "jgq{",
  "Vjgq",
  "Vipgq",
  "vjgq",
  "vgq",
  "gqqu",
  "gqapu",
  "gqapu<C-r>",
  "gqqj.",
  "gqjj.",
  "gqap.",
  "gqk",
  "gqw",
  "gq$",
  "gqqgqq",
  "Vjgqj.",
];

const at = (text: string, places: [number, number][], skip: string[] = []): VimCase[] =>
  places.flatMap((p) =>
    KEYS.filter((k) => !skip.includes(`${p}:${k}`)).map((keys) => ({ text, at: p, keys })),
  );

export function formatCases(): VimCase[] {
  return [
    ...at(PARAS, [
      [0, 5],
      [4, 0],
      [2, 3],
    ]),
    ...at(SHORT, [
      [0, 0],
      [4, 2],
    ]),
    ...at(EXACT, [
      [0, 0],
      [1, 3],
    ]),
    ...at(
      QUOTES,
      [
        [0, 0],
        [3, 2],
        [5, 0],
        // gqj fails on the last line; vim's "." would then repeat the case before's change.
      ],
      ["5,0:gqjj."],
    ),
    ...at(
      WIDE,
      [
        [0, 0],
        [1, 3],
        [3, 0],
        // Vim's redo puts the cursor back at the byte it was on: in another script, elsewhere.
      ],
      ["1,3:gqapu<C-r>"],
    ),
  ];
}
