// The start-up probe against fake terminals: the width questions and the graphics questions
// leave in one write, and one round trip brings every answer back, whatever the terminal
// answers and however the link splits it.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { GRAPHICS_QUERIES } from "../../src/ui/terminal/graphics-probe.js";
import { probeTerminal } from "../../src/ui/terminal/start-probe.js";
import { isLateProbeAnswer, PROBES, WIDTH_QUERIES } from "../../src/ui/terminal/width-probe.js";
import { fakeTerminal } from "./fake-terminal.js";

const TMUX_LIKE = (t: string) =>
  ({ [PROBES.family]: 2, [PROBES.skinTone]: 4, [PROBES.vs16]: 1, [PROBES.flag]: 2 })[t] ?? 2;

const ask = { widths: true, graphics: true, env: {} };

describe("the start-up probe asks everything in one write", () => {
  test("the width and graphics questions go out together; every answer is read from the one reply", async () => {
    const term = fakeTerminal({ advance: TMUX_LIKE, kitty: true, da1: "62;22", cell: [20, 10] });
    const answers = await probeTerminal(term.input as never, term.output, ask);
    assert.deepEqual(term.writes, [WIDTH_QUERIES + GRAPHICS_QUERIES], "one write");
    assert.deepEqual(answers.widths, {
      zwjJoins: true,
      modifierJoins: false,
      vs16Wide: false,
      flagCells: 2,
    });
    assert.deepEqual(answers.graphics, {
      kitty: true,
      sixel: false,
      answered: true,
      cellPixels: { width: 10, height: 20 },
    });
    assert.deepEqual(term.rawModes, [true, false], "raw mode is put back once");
  });

  test("over a slow link the probe takes one round trip, not two", async () => {
    const term = fakeTerminal({ advance: TMUX_LIKE, da1: "63;1;4" }, { delayMs: 300 });
    const started = Date.now();
    const answers = await probeTerminal(term.input as never, term.output, {
      ...ask,
      timeoutMs: 5_000,
    });
    const took = Date.now() - started;
    assert.ok(answers.widths, "the widths were learnt");
    assert.equal(answers.graphics.sixel, true);
    // Two round trips are 600 ms at least; the wait ended at DA1's answer, long before the timeout.
    assert.ok(took < 600, `took ${took} ms`);
  });

  test("a terminal that reports the cursor but knows no picture protocol", async () => {
    const term = fakeTerminal({ advance: TMUX_LIKE, da1: "1;2" });
    const answers = await probeTerminal(term.input as never, term.output, ask);
    assert.ok(answers.widths);
    assert.deepEqual(answers.graphics, { kitty: false, sixel: false, answered: true });
  });

  test("a terminal that answers only DA1: wcwidth, and no wait for the cursor reports", async () => {
    const term = fakeTerminal({ da1: "62" });
    const started = Date.now();
    const answers = await probeTerminal(term.input as never, term.output, {
      ...ask,
      timeoutMs: 5_000,
    });
    assert.equal(answers.widths, null);
    assert.equal(answers.graphics.answered, true);
    assert.ok(Date.now() - started < 2_500, "ended at DA1's answer");
  });

  test("a terminal that answers nothing costs the timeout once; late cursor reports are not keys", async () => {
    const term = fakeTerminal({});
    const started = Date.now();
    const answers = await probeTerminal(term.input as never, term.output, {
      ...ask,
      timeoutMs: 80,
    });
    assert.deepEqual(answers, {
      widths: null,
      graphics: { kitty: false, sixel: false, answered: false },
    });
    assert.ok(Date.now() - started < 1_000);
    assert.equal(isLateProbeAnswer("\x1b[9;3R"), true);
    assert.equal(isLateProbeAnswer("x"), false);
  });

  test("keys typed while the answers travel reach the UI afterwards", async () => {
    const term = fakeTerminal({ advance: TMUX_LIKE, da1: "62" }, { typed: "jk" });
    const answers = await probeTerminal(term.input as never, term.output, ask);
    assert.ok(answers.widths);
    assert.equal(Buffer.concat(term.unshifted).toString("latin1"), "jk");
  });

  test("only what is asked is asked", async () => {
    const widthsOnly = fakeTerminal({ advance: TMUX_LIKE, da1: "62;4" });
    const a = await probeTerminal(widthsOnly.input as never, widthsOnly.output, {
      ...ask,
      graphics: false,
    });
    assert.deepEqual(widthsOnly.writes, [WIDTH_QUERIES]);
    assert.ok(a.widths);
    assert.equal(a.graphics.answered, false);
    const graphicsOnly = fakeTerminal({ advance: TMUX_LIKE, da1: "62;4" });
    const b = await probeTerminal(graphicsOnly.input as never, graphicsOnly.output, {
      ...ask,
      widths: false,
    });
    assert.deepEqual(graphicsOnly.writes, [GRAPHICS_QUERIES]);
    assert.equal(b.widths, null);
    assert.equal(b.graphics.sixel, true);
    const neither = fakeTerminal({ advance: TMUX_LIKE, da1: "62" });
    await probeTerminal(neither.input as never, neither.output, {
      widths: false,
      graphics: false,
    });
    assert.deepEqual(neither.writes, []);
  });
});
