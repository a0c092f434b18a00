// The start-up width probe against fake terminals that answer as differently as real ones
// do, and the layout each answer leads to.
import assert from "node:assert/strict";
import { afterEach, describe, test } from "node:test";
import {
  cellWidth,
  FALLBACK_WIDTHS,
  sanitizeText,
  setTerminalWidths,
  type TerminalWidths,
} from "../../src/render/index.js";
import { probeTerminalWidths } from "../../src/ui/terminal/start-probe.js";
import { isLateProbeAnswer, PROBES } from "../../src/ui/terminal/width-probe.js";
import { fakeTerminal } from "./fake-terminal.js";

/** A terminal's answer: the cells it advances for a probe text. */
type Advance = (text: string) => number;

/** A terminal whose width table knows the emoji of Unicode 12 to 14 (glibc 2.36's does). */
const NEW_EMOJI_WIDE = {
  [PROBES.emoji12]: 2,
  [PROBES.emoji13]: 2,
  [PROBES.emoji14]: 2,
};

const TMUX_3_3: Advance = (t) =>
  ({
    [PROBES.family]: 2,
    [PROBES.skinTone]: 4,
    [PROBES.vs16]: 1,
    [PROBES.flag]: 2,
    [PROBES.cjk]: 2,
    ...NEW_EMOJI_WIDE,
  })[t]!;
const JOINS_EVERYTHING: Advance = (t) => (t === PROBES.cjk ? 2 : 2);
const WCWIDTH_PARTS: Advance = (t) =>
  ({
    [PROBES.family]: 6,
    [PROBES.skinTone]: 4,
    [PROBES.vs16]: 1,
    [PROBES.flag]: 4,
    [PROBES.cjk]: 2,
    ...NEW_EMOJI_WIDE,
  })[t]!;
/** As xterm.js 6 with its Unicode 11 provider answers (test/render/tmux-cellwidth). */
const XTERM_JS: Advance = (t) =>
  ({
    [PROBES.family]: 6,
    [PROBES.skinTone]: 4,
    [PROBES.vs16]: 1,
    [PROBES.flag]: 2,
    [PROBES.cjk]: 2,
    [PROBES.emoji12]: 2,
    [PROBES.emoji13]: 1,
    [PROBES.emoji14]: 1,
  })[t]!;
const NO_WIDE_CHARS: Advance = () => 1;

/** A terminal that answers the width questions by `advance` (null: one that stays silent). */
const widthTerminal = (advance: Advance | null, opts: { delayMs?: number; typed?: string } = {}) =>
  fakeTerminal(advance ? { advance } : {}, opts);

afterEach(() => setTerminalWidths(FALLBACK_WIDTHS));

describe("the width probe reads what the terminal answers", () => {
  const cases: Array<[string, Advance, TerminalWidths]> = [
    [
      "a terminal that joins a ZWJ family but not a skin tone, ☁️ one cell (as tmux 3.3a answers)",
      TMUX_3_3,
      { zwjJoins: true, modifierJoins: false, vs16Wide: false, flagCells: 2 },
    ],
    [
      "a terminal that joins everything and widens by VS16",
      JOINS_EVERYTHING,
      { zwjJoins: true, modifierJoins: true, vs16Wide: true, flagCells: 2 },
    ],
    [
      "a terminal that draws every part, and each regional indicator two cells",
      WCWIDTH_PARTS,
      { zwjJoins: false, modifierJoins: false, vs16Wide: false, flagCells: 4 },
    ],
    [
      "a terminal whose width table stops at Unicode 12 (as xterm.js answers)",
      XTERM_JS,
      { zwjJoins: false, modifierJoins: false, vs16Wide: false, flagCells: 2, unicodeVersion: 12 },
    ],
  ];
  for (const [what, advance, expected] of cases) {
    test(what, async () => {
      const term = widthTerminal(advance);
      assert.deepEqual(
        await probeTerminalWidths(term.input as never, term.output, 150, {}),
        expected,
      );
      // Every probe was asked at the start of the line, and the line is erased afterwards.
      for (const text of Object.values(PROBES))
        assert.ok(term.written().includes(`\r${text}\x1b[6n`));
      assert.ok(term.written().endsWith("\r\x1b[2K"));
      assert.deepEqual(term.rawModes, [true, false], "raw mode is put back");
    });
  }

  test("a terminal whose CJK is not two cells is not believed", async () => {
    const term = widthTerminal(NO_WIDE_CHARS);
    assert.equal(await probeTerminalWidths(term.input as never, term.output), null);
  });

  test("keys typed during the probe reach the UI afterwards", async () => {
    const term = widthTerminal(TMUX_3_3, { typed: "jk" });
    assert.notEqual(await probeTerminalWidths(term.input as never, term.output), null);
    assert.equal(Buffer.concat(term.unshifted).toString("latin1"), "jk");
  });

  test("no answer within the timeout: wcwidth, and late answers are not taken for keys", async () => {
    const term = widthTerminal(null);
    const started = Date.now();
    assert.equal(await probeTerminalWidths(term.input as never, term.output, 60), null);
    assert.ok(Date.now() - started < 1000, "the probe does not hold the start-up");
    const late = widthTerminal(TMUX_3_3, { delayMs: 200 });
    assert.equal(await probeTerminalWidths(late.input as never, late.output, 60), null);
    assert.equal(isLateProbeAnswer("\x1b[7;3R"), true);
    assert.equal(isLateProbeAnswer("j"), false);
  });

  test("not a terminal: nothing is written and nothing asked", async () => {
    const term = widthTerminal(TMUX_3_3);
    term.input.isTTY = false;
    assert.equal(await probeTerminalWidths(term.input as never, term.output), null);
    assert.equal(term.written(), "");
  });
});

describe("the layout follows the answer", () => {
  // For each terminal: the cells tootty lays a probe text out in are the cells the terminal
  // said it advances (after sanitising, as every server string is: a VS16 the terminal does
  // not widen by is dropped, and the base alone is what it drew).
  for (const [name, advance] of [
    ["tmux 3.3a", TMUX_3_3],
    ["a terminal that joins everything", JOINS_EVERYTHING],
    ["a terminal that draws every part", WCWIDTH_PARTS],
    ["xterm.js", XTERM_JS],
  ] as const) {
    test(name, async () => {
      const term = widthTerminal(advance);
      const widths = await probeTerminalWidths(term.input as never, term.output, 150, {});
      setTerminalWidths(widths!);
      for (const text of Object.values(PROBES)) {
        assert.equal(cellWidth(sanitizeText(text)), advance(text), JSON.stringify(text));
      }
    });
  }

  test("an older width table: newer emoji take one cell", () => {
    setTerminalWidths({ ...FALLBACK_WIDTHS, unicodeVersion: 12 });
    // 🥱 (12.0) two cells, 🥲 (13.0) and 🫶 (14.0) one, as xterm.js draws them.
    assert.equal(cellWidth(sanitizeText("\u{1f971}\u{1f972}\u{1faf6}")), 4);
    setTerminalWidths(FALLBACK_WIDTHS);
    assert.equal(cellWidth(sanitizeText("\u{1f971}\u{1f972}\u{1faf6}")), 6);
  });

  test("characters terminals draw in different widths are drawn as U+FFFD everywhere", () => {
    // A Yijing hexagram: two cells for glibc's wcwidth, one for xterm.js.
    assert.equal(sanitizeText("a\u4dc0b"), "a\ufffdb");
  });

  test("joined where the terminal joins: the family is one 2-cell glyph, text kept whole", () => {
    setTerminalWidths({ zwjJoins: true, modifierJoins: true, vs16Wide: true, flagCells: 2 });
    for (const s of ["👨‍👩‍👧", "👩🏽‍🍳", "☁️", "🏳️‍🌈", "🇯🇵"]) {
      assert.equal(sanitizeText(s), s, "nothing dropped or inserted");
      assert.equal(cellWidth(s), 2, s);
    }
  });

  test("tmux: parts drawn apart, and a sequence longer than a cell holds (21 bytes) split before it overflows", async () => {
    const term = widthTerminal(TMUX_3_3);
    const widths = await probeTerminalWidths(term.input as never, term.output, 150, {
      TMUX: "/tmp/t,1,0",
    });
    assert.equal(widths?.cellBytes, 21);
    assert.equal(widths?.zwjJoins, false, "inside tmux the parts are drawn apart");
    setTerminalWidths({ ...widths!, zwjJoins: true });
    // man, woman, girl, boy: 25 bytes joined. tmux would drop the boy; drawn as family + boy.
    assert.equal(sanitizeText("👨‍👩‍👧‍👦"), "👨‍👩‍👧👦");
    assert.equal(cellWidth(sanitizeText("👨‍👩‍👧‍👦")), 4);
    // A joiner before a space or a letter is dropped: tmux would swallow what follows.
    assert.equal(sanitizeText("👨\u200d x"), "👨 x");
  });

  test("no answer: wcwidth per code point, the parts drawn apart", () => {
    assert.equal(sanitizeText("👨‍👩‍👧"), "👨👩👧");
    assert.equal(cellWidth(sanitizeText("👨‍👩‍👧")), 6);
    assert.equal(sanitizeText("☁️"), "☁");
    assert.equal(cellWidth(sanitizeText("👍🏽")), 4);
  });
});
