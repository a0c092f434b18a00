// The bundle hands cli-highlight (marked-terminal's highlighter) highlight.js's core with the
// grammars of scripts/highlight-subset.cjs; the languages guessed among must all be there, or
// code in them would be drawn plain in the built TUI while every source-run test colours it.
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { test } from "node:test";
import { GUESSED_LANGUAGES } from "../../src/render/highlight.js";

const require = createRequire(import.meta.url);

test("the bundle's highlight.js has a grammar for each guessed language, and no others", () => {
  const hljs = require("../../scripts/highlight-subset.cjs") as {
    listLanguages(): string[];
    highlight(code: string, o: { language: string }): { value: string };
  };
  assert.deepEqual([...hljs.listLanguages()].sort(), [...GUESSED_LANGUAGES].sort());
  const html = hljs.highlight("def f(x):\n    return x", { language: "python" }).value;
  assert.match(html, /<span class="hljs-keyword">def<\/span>/);
});
