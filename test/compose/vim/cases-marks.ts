/** Marks: m{a-z}, `a and 'a as motions and after operators, '' and ``, across line changes. */
import type { VimCase } from "./run-vim.js";

const LINES = "one two\n  three four\nfive six\n\nseven eight\nnine";
const UNI = "日本語 テキスト\nمرحبا بالعالم\nparty 🎉 time\ncafé naïve";

const KEYS = [
  "mal`a",
  "maw`a",
  "majj`a",
  "majj'a",
  "ma2jd'a",
  "ma2jd`a",
  "mawwd`a",
  "ma2jy'aP",
  "ma2jy`aP",
  "majjc`aX<Esc>",
  "ma$gU`a",
  "majj>'a",
  "mabjmb'a'b",
  "majjmb`a`b",
  "ma2jdd`a",
  "jmakdd`a",
  "jmakdd'a",
  "jmaggOnew<Esc>`a",
  "jmaggonew<Esc>'a",
  "jmaGonew<Esc>`a",
  "jmayyP`a",
  "2jmaggdd'a",
  "2jmaggd2j'a",
  "mA2j`A",
  "mAj'a",
  "G''",
  "G``",
  "jjG''",
  "G``j``",
  "/f<CR>``",
  "/f<CR>''",
  "*``",
  "%``",
  "}''",
  "3G``",
  "majv`ad",
  "jjmakv'ad",
  "m`G``",
  "2jm'gg''",
  "ma2jd''",
  "Gjmakdd``",
];

const at = (text: string, places: [number, number][]): VimCase[] =>
  places.flatMap((p) => KEYS.map((keys) => ({ text, at: p, keys })));

export function markCases(): VimCase[] {
  return [
    ...at(LINES, [
      [0, 4],
      [1, 3],
      [2, 0],
    ]),
    ...at(UNI, [
      [0, 2],
      [1, 5],
    ]),
  ];
}
