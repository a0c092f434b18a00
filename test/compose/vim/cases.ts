/**
 * The differential table: key sequences over varied texts, each run in vim 9 and in the
 * composer, whose text, cursor and unnamed register must agree. `expect.json` keeps what vim
 * did, so the table runs where vim is not installed; `record.ts` writes it again.
 */
import { blockCases } from "./cases-block.js";
import { changeCases } from "./cases-change.js";
import { formatCases } from "./cases-format.js";
import { markCases } from "./cases-marks.js";
import { searchCases } from "./cases-search.js";
import { substituteCases } from "./cases-substitute.js";
import type { VimCase } from "./run-vim.js";

const PROSE = "The quick brown fox, jumps over\nthe lazy dog.\n\nA second paragraph\nends here.";
const CODE = "call(a, (b + c), d) [x, y] {k: v} <b>";
const WORDS = "foo bar baz";
const ACCENTS = "héllo wörld café naïve";
const CJK = "日本語 テキスト 中文 abc";
const ARABIC = "مرحبا بالعالم، هذا نص";
const EMOJI = "party 🎉 time 🌍 ok";
const PUNCT = "x-y_z.w (a) 'q' \"dq\"";
const LINES = "one\ntwo\nthree\nfour\nfive";
const INDENT = "  indented\n    deeper\nflush";
const EMPTYS = "a\n\n\nb\n\nc";
const BLOCKS = "f(a, (b + c), d) [x, [y]] {k: {v}} <i, j>";
const NESTED = "if (a) {\n  call(x);\n  (y)\n}";
const TAGS = "<p>para <b>bold</b> and <i>it <b>x</b></i></p>";

/** Sequences that make sense on any text, from a few places in it. */
const GENERIC = [
  "w",
  "3w",
  "b",
  "e",
  "2e",
  "W",
  "B",
  "E",
  "ge",
  "0",
  "^",
  "$",
  "gg",
  "G",
  "j",
  "k",
  "2j",
  "l",
  "3l",
  "h",
  "x",
  "3x",
  "X",
  "dw",
  "d2w",
  "de",
  "db",
  "dd",
  "D",
  "cwX<Esc>",
  "ccnew<Esc>",
  "Cend<Esc>",
  "yyp",
  "ywP",
  "J",
  "~",
  "3~",
  "rZ",
  "u",
  "xu",
  "dwu<C-r>",
  "x.",
  "dw.",
  "iab<Esc>",
  "aab<Esc>",
  "Aend<Esc>",
  "Ibeg<Esc>",
  "onew<Esc>",
  "Onew<Esc>",
  "3ia<Esc>",
  "diw",
  "daw",
  "ciwX<Esc>",
  "yiwP",
  "viwd",
  "vjd",
  "Vd",
  "vllyP",
  "v$d",
  "dip",
  "dap",
  "vipd",
  "fad",
  "dta",
  "Fa",
  ";",
  "xp",
  "ddp",
  "yyjp",
  "2dd",
  "dj",
  "dk",
  "dG",
  "dgg",
];

const TEXTS: [string, [number, number][]][] = [
  [
    PROSE,
    [
      [0, 0],
      [0, 12],
      [1, 4],
      [3, 2],
    ],
  ],
  [
    CODE,
    [
      [0, 0],
      [0, 10],
    ],
  ],
  [WORDS, [[0, 5]]],
  [
    ACCENTS,
    [
      [0, 1],
      [0, 13],
    ],
  ],
  [
    CJK,
    [
      [0, 1],
      [0, 5],
    ],
  ],
  [
    ARABIC,
    [
      [0, 2],
      [0, 8],
    ],
  ],
  [
    EMOJI,
    [
      [0, 6],
      [0, 13],
    ],
  ],
  [PUNCT, [[0, 2]]],
  [LINES, [[2, 1]]],
  [INDENT, [[1, 5]]],
  [
    EMPTYS,
    [
      [1, 0],
      [3, 0],
    ],
  ],
];

function generic(): VimCase[] {
  const out: VimCase[] = [];
  for (const [text, places] of TEXTS) {
    for (const at of places) for (const keys of GENERIC) out.push({ text, at, keys });
  }
  return out;
}

/** Targeted sequences: the bugs that were found, and each command with its corners. */
function targeted(): VimCase[] {
  return [
    { text: WORDS, at: [0, 4], keys: "viwd" },
    { text: WORDS, at: [0, 5], keys: "viwd" },
    { text: PROSE, at: [0, 3], keys: "vipd" },
    { text: PROSE, at: [3, 3], keys: "dap" },
    { text: "a\n\nb\n\n", at: [2, 0], keys: "dap" },
    { text: "x\n\nlast one\nlast two", at: [2, 2], keys: "dap" },
    { text: "abcdef", at: [0, 0], keys: "vlldu" },
    ...brackets(),
    ...registersAndMacros(),
    ...pairsAndParagraphs(),
  ];
}

/** Named, numbered, small-delete, append and black-hole registers; macros with counts. */
function registersAndMacros(): VimCase[] {
  const keys = [
    '"ayyj"ap',
    '"ayw"byw"ap"bp',
    '"ayiw"Ayiwj"ap',
    '"ayy"Ayyj"ap',
    '"_ddp',
    'yiw"_dwP',
    'yiwdd"0p',
    'dd"1p',
    'dddd"2p',
    'x"-p',
    'ddjdd"1p"2p',
    '"add"ap',
    '"Add"ap',
    '2"ayyG"ap',
    '"a2yyG"ap',
    'yiwx"0P',
    '"ayiwu"ap',
    "qaxq@a",
    "qaA!<Esc>jq@a",
    "qaA!<Esc>jq2@a",
    "qaddq@a@@",
    "qa0xjq3@a",
    'qaywq"ap',
    "qqiab<Esc>q@q",
    "qaxqu@a.",
    "qAxq",
    "qa~lq3@a",
  ];
  const out: VimCase[] = [];
  for (const text of [LINES, PROSE, ACCENTS, "ab cd\nef gh\nij kl\nmn op"]) {
    for (const k of keys) out.push({ text, at: [0, 1], keys: k });
  }
  return out;
}

/** `%` between brackets, N%, and `{ }` over paragraphs, as motions and with operators. */
function pairsAndParagraphs(): VimCase[] {
  const keys = [
    "%",
    "%%",
    "d%",
    "y%P",
    "c%X<Esc>",
    "50%",
    "v%d",
    "}",
    "2}",
    "{",
    "d}",
    "d{",
    "y}P",
    "c}X<Esc>",
    "}}}",
    "{{",
    "v}d",
    "3}",
    "d2}",
  ];
  const out: VimCase[] = [];
  for (const [text, places] of [
    [
      BLOCKS,
      [
        [0, 0],
        [0, 5],
        [0, 12],
        [0, 19],
        [0, 28],
      ],
    ],
    [
      NESTED,
      [
        [0, 0],
        [1, 2],
        [3, 0],
      ],
    ],
    [
      PROSE,
      [
        [0, 3],
        [1, 2],
        [2, 0],
        [4, 3],
      ],
    ],
    [
      EMPTYS,
      [
        [0, 0],
        [2, 0],
        [5, 0],
      ],
    ],
  ] as [string, [number, number][]][]) {
    for (const at of places) for (const k of keys) out.push({ text, at, keys: k });
  }
  return out;
}

/** Bracket and tag objects, from inside, on the brackets, and outside any. */
function brackets(): VimCase[] {
  const blockKeys = [
    "ci(X<Esc>",
    "cibX<Esc>",
    "ca(X<Esc>",
    "di(",
    "da(",
    "2di(",
    "di)",
    "dib",
    "dab",
    "ci{X<Esc>",
    "ciBX<Esc>",
    "di{",
    "da}",
    "di[",
    "da[",
    "ci]X<Esc>",
    "ci<lt>X<Esc>",
    "di>",
    "da<lt>",
    "yi(P",
    "vi(d",
    "va[d",
    "vi{y",
    "d2i(",
  ];
  const tagKeys = ["citX<Esc>", "dit", "dat", "2dit", "vitd", "yitP"];
  const out: VimCase[] = [];
  for (const at of [
    [0, 3],
    [0, 7],
    [0, 12],
    [0, 15],
    [0, 23],
    [0, 31],
    [0, 38],
    [0, 1],
  ] as const) {
    for (const k of blockKeys) out.push({ text: BLOCKS, at: [at[0], at[1]], keys: k });
  }
  for (const at of [
    [1, 6],
    [2, 3],
    [0, 7],
    [3, 0],
  ] as const) {
    for (const k of blockKeys) out.push({ text: NESTED, at: [at[0], at[1]], keys: k });
  }
  for (const at of [
    [0, 4],
    [0, 12],
    [0, 30],
    [0, 34],
    [0, 1],
    [0, 43],
  ] as const) {
    for (const k of tagKeys) out.push({ text: TAGS, at: [at[0], at[1]], keys: k });
  }
  return out;
}

export const CASES: VimCase[] = [
  ...generic(),
  ...targeted(),
  ...changeCases(),
  ...searchCases(),
  ...markCases(),
  ...substituteCases(),
  ...formatCases(),
  ...blockCases(),
];
