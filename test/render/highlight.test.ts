import assert from "node:assert/strict";
import { describe, test } from "node:test";
import fc from "fast-check";
import {
  cellWidth,
  codeHighlightingReady,
  onCodeHighlightingWanted,
  pickTheme,
  RenderCache,
  type RenderOptions,
  renderStatus,
  stripAnsi,
  warmUpCodeHighlighting,
} from "../../src/render/index.js";
import { breakSgrLines } from "../../src/render/sgr-break.js";
import { blessedCells } from "./harness/blessed-cells.js";
import { makeStatus, NOW } from "./make-status.js";

const KEYWORD = "\x1b[95m"; // dark theme keywords, magentaBright
const opts = (over: Partial<RenderOptions> = {}): RenderOptions => ({
  width: 60,
  theme: pickTheme("dark", 3),
  now: NOW,
  ...over,
});
const codeToot = makeStatus({
  content:
    '<p>try this:</p><pre><code class="language-js">const answer = 42;\nfunction twice(n) {\n\treturn n * 2;\n}</code></pre>',
});
const quoting = makeStatus({
  id: "3",
  content: "<p>look</p>",
  quote: { state: "accepted", quotedStatus: codeToot },
} as Partial<typeof codeToot>);
const codeLines = (lines: string[]) => lines.filter((l) => stripAnsi(l).startsWith("  "));

// One process, in order: before the warm-up, then after it.
describe("code blocks: plain until the highlighter has loaded, highlighted after", () => {
  const cache = new RenderCache();
  let plain: readonly string[] = [];

  test("a code block drawn plain asks for the highlighter, once; without colour it never asks", () => {
    let asked = 0;
    onCodeHighlightingWanted(() => asked++);
    new RenderCache().get(makeStatus({ content: "<p>no code here</p>" }), opts());
    for (const theme of [pickTheme("dark", 0), pickTheme("mono", 3)])
      new RenderCache().get(codeToot, opts({ theme }));
    assert.equal(asked, 0, "nothing it would colour was drawn");
    new RenderCache().get(codeToot, opts());
    new RenderCache().get(codeToot, opts({ width: 40 }));
    assert.equal(asked, 1);
    assert.equal(codeHighlightingReady(), false, "asking loads nothing by itself");
  });

  test("before the warm-up a code block is drawn plain, in the code colour", () => {
    assert.equal(codeHighlightingReady(), false);
    plain = cache.get(codeToot, opts());
    assert.ok(!cache.get(quoting, opts()).some((l) => l.includes(KEYWORD)));
    const code = codeLines([...plain]);
    assert.deepEqual(code.map(stripAnsi), [
      "  const answer = 42;",
      "  function twice(n) {",
      "      return n * 2;",
      "  }",
    ]);
    assert.ok(code.every((l) => !l.includes(KEYWORD)));
  });

  test("after the warm-up the same toot, through the same cache, is highlighted", async () => {
    await warmUpCodeHighlighting();
    assert.equal(codeHighlightingReady(), true);
    const lines = cache.get(codeToot, opts());
    assert.notEqual(lines, plain, "the cache key changed, so the toot was drawn again");
    const code = codeLines([...lines]);
    assert.deepEqual(code.map(stripAnsi), codeLines([...plain]).map(stripAnsi), "same text");
    assert.ok(code[0]!.includes(`${KEYWORD}const`), JSON.stringify(code[0]));
    assert.ok(code[1]!.includes(`${KEYWORD}function`), JSON.stringify(code[1]));
    // So is a toot quoting one with code.
    assert.ok(cache.get(quoting, opts()).some((l) => l.includes(`${KEYWORD}const`)));
    // A toot without code keeps its cached lines: only code toots are redrawn.
    const prose = makeStatus({ id: "2", content: "<p>no code here</p>" });
    const first = cache.get(prose, opts());
    assert.equal(cache.get(prose, opts()), first);
  });

  test("no colour at level 0 or with the mono theme, even once loaded", async () => {
    await warmUpCodeHighlighting();
    for (const theme of [pickTheme("dark", 0), pickTheme("mono", 3)]) {
      const code = codeLines(renderStatus(codeToot, opts({ theme })));
      assert.ok(
        code.every((l) => !l.includes(KEYWORD)),
        theme.name,
      );
    }
    const bare = renderStatus(codeToot, opts({ theme: pickTheme("dark", 0) })).join("\n");
    assert.ok(!bare.includes("\x1b"));
  });

  test("a backtick fence inside the code cannot end the block early", async () => {
    await warmUpCodeHighlighting();
    const s = makeStatus({ content: "<pre>a\n```\nb\n````\nc</pre>" });
    assert.deepEqual(codeLines(renderStatus(s, opts())).map(stripAnsi), [
      "  a",
      "  ```",
      "  b",
      "  ````",
      "  c",
    ]);
  });

  test("escape sequences in code are removed before highlighting", async () => {
    await warmUpCodeHighlighting();
    const s = makeStatus({
      content: '<pre><code class="language-js">let x = "\x1b]52;c;aGk=\x07\x1b[2J";</code></pre>',
    });
    const line = codeLines(renderStatus(s, opts()))[0]!;
    assert.equal(stripAnsi(line), '  let x = "";');
    assert.ok(!/\x1b(?!\[[0-9;]*m)/.test(line), "only SGR remains");
  });

  test("highlighted lines fit every width, hold only SGR, and blessed agrees (property)", async () => {
    await warmUpCodeHighlighting();
    const codeText = fc
      .array(
        fc.oneof(
          fc.constantFrom("const ", "return ", "// c ", '"str" ', "42 ", "{\n", "}\n", "\t"),
          fc.constantFrom("漢字", "😀", "e\u0301", "👨‍👩‍👧", "\x1b[31m", "\u202e", "مرحبا"),
          fc.string({ maxLength: 8 }),
        ),
        { maxLength: 20 },
      )
      .map((a) => a.join("").replace(/&/g, "&amp;").replace(/</g, "&lt;"));
    fc.assert(
      fc.property(
        codeText,
        fc.integer({ min: 3, max: 120 }),
        fc.constantFrom("js", "python", ""),
        (code, width, lang) => {
          const s = makeStatus({
            content: `<pre><code class="language-${lang}">${code}</code></pre>`,
          });
          for (const unicode of [true, false]) {
            for (const line of renderStatus(s, opts({ width, unicode }))) {
              const plain = stripAnsi(line);
              assert.ok(cellWidth(line) <= width, `too wide at ${width}: ${JSON.stringify(line)}`);
              assert.equal(blessedCells(plain), cellWidth(plain));
              assert.ok(!/\x1b(?!\[[0-9;]*m)/.test(line), `not SGR: ${JSON.stringify(line)}`);
              assert.ok(!/[\x00-\x09\x0b-\x1a\x1c-\x1f\x7f-\x9f]/.test(line));
              if (!unicode) assert.match(plain, /^[\x20-\x7e]*$/);
            }
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe("hard breaks inside highlighted lines", () => {
  test("a colour open across a break is closed at the line end and reopened on the next", () => {
    assert.deepEqual(breakSgrLines(["\x1b[31mabcdef\x1b[39m"], 3), [
      "\x1b[31mabc\x1b[0m",
      "\x1b[31mdef\x1b[39m",
    ]);
  });

  test("a style spanning input lines is reopened on each of them", () => {
    assert.deepEqual(breakSgrLines(["\x1b[1;38;2;1;2;3m/* a", "b */\x1b[22;39m"], 10), [
      "\x1b[1;38;2;1;2;3m/* a\x1b[0m",
      "\x1b[1;38;2;1;2;3mb */\x1b[22;39m",
    ]);
  });

  test("wide characters are never split and never overflow", () => {
    const out = breakSgrLines(["\x1b[32m漢字漢字x\x1b[39m"], 3);
    assert.deepEqual(out.map(stripAnsi), ["漢", "字", "漢", "字x"]);
    assert.ok(out.every((l) => cellWidth(l) <= 3));
  });
});
