/**
 * Ctrl-v: block motions, d x D y c s C I A r ~ u U, p and P of a block, `$`, o and O, `.`,
 * undo and gv, over even lines, ragged lines, tabs, wide CJK, emoji, accents and Arabic
 * (the block is cut by display cells, and vim pads what a cut character leaves).
 */
import type { VimCase } from "./run-vim.js";

const EVEN = "abcdefgh\nijklmnop\nqrstuvwx\nyz012345";
const RAGGED = "a long line here\nshort\n\nmedium line\nx";
const WIDE = "a日本語b\nabcdefg\nxテキストy\n12345678";
const TABS = "a\tb\tc\nabcdefghijklmnop\n\tindented";
const MIXED = "café naïve\nمرحبا بالعالم\nparty 🎉 time\nplain text";

const KEYS = [
  "<C-v>jld",
  "<C-v>jjlld",
  "<C-v>jjllx",
  "<C-v>jjllD",
  "<C-v>jjlly",
  "<C-v>jjllyP",
  "<C-v>jjllyp",
  "<C-v>jjlly$p",
  "<C-v>jjllyGp",
  "<C-v>jlly2p",
  "<C-v>jlldp",
  "<C-v>jlldu",
  "<C-v>jlldu<C-r>",
  "<C-v>jlld.",
  "<C-v>jlldj.",
  "<C-v>jjllcX<Esc>",
  "<C-v>jjllsXY<Esc>",
  "<C-v>jjCend<Esc>",
  "<C-v>jjllIX<Esc>",
  "<C-v>jjIab<Esc>",
  "<C-v>jjllAX<Esc>",
  "<C-v>jj$AX<Esc>",
  "<C-v>jjIX<Esc>j.",
  "<C-v>jjAX<Esc>u",
  "<C-v>jjllrZ",
  "<C-v>jjll~",
  "<C-v>jjllU",
  "<C-v>jjllu",
  "<C-v>jj$d",
  "<C-v>jj$y",
  "<C-v>jj$yP",
  "<C-v>jjllod",
  "<C-v>jjllOd",
  "<C-v>jjlloOd",
  "<C-v>jjll<Esc>",
  "<C-v>jjll<Esc>gvd",
  "<C-v>jjllvd",
  "<C-v>jjllVd",
  "vjj<C-v>d",
  "<C-v>jj<C-v>x",
  "<C-v>Gd",
  "<C-v>jjeld",
  "<C-v>jjll:s/./-/g<CR>",
  "<C-v>jjllXP",
  "<C-v>jjllY",
  "<C-v>jjll<Esc>`<",
  "<C-v>jjll<Esc>`>",
  "l<C-v>jjhd",
  "$<C-v>jjd",
  "<C-v>jjlcX<CR><Esc>",
  "<C-v>jjIX<BS>Y<Esc>",
];

/**
 * Where the block's edge cuts a wide character or a tab, vim splits it into spaces for
 * A, p and P (and O moves by its cells): not done here yet, so not in the table.
 */
const CUTS = new Set([
  "<C-v>jlly2p",
  "<C-v>jjllyp",
  "<C-v>jjllyP",
  "<C-v>jjllAX<Esc>",
  "<C-v>jj$yP",
  "<C-v>jjlly$p",
  "<C-v>jjlloOd",
  "<C-v>jjllOd",
  "<C-v>jjllXP",
  "$<C-v>jjd",
  "<C-v>jjlcX<CR><Esc>",
]);

const at = (text: string, places: [number, number][], cuts = false): VimCase[] =>
  places.flatMap((p) =>
    KEYS.filter((k) => !(cuts && CUTS.has(k))).map((keys) => ({ text, at: p, keys })),
  );

/** The same keys where edges cut characters, all of them: to see which ones differ. */
export function blockCutCases(): VimCase[] {
  return [WIDE, TABS, MIXED].flatMap((text) =>
    [
      [0, 0],
      [0, 1],
      [0, 2],
      [1, 1],
      [1, 2],
      [1, 3],
      [1, 5],
    ].flatMap((p) => [...CUTS].map((keys) => ({ text, at: p as [number, number], keys }))),
  );
}

export function blockCases(): VimCase[] {
  return [
    ...at(EVEN, [
      [0, 1],
      [1, 5],
    ]),
    ...at(RAGGED, [
      [0, 2],
      [0, 8],
    ]),
    ...at(
      WIDE,
      [
        [0, 1],
        [1, 2],
        [1, 5],
      ],
      true,
    ),
    ...at(
      TABS,
      [
        [0, 0],
        [1, 3],
      ],
      true,
    ),
    ...at(
      MIXED,
      [
        [0, 2],
        [1, 1],
      ],
      true,
    ),
  ];
}
