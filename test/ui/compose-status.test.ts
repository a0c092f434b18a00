// The composer's status line: a message that holds what the user typed (a search pattern)
// never moves the count, whatever its script or the bidi marks typed into it.
import assert from "node:assert/strict";
import { afterEach, describe, test } from "node:test";
import { createEditor, setMessage } from "../../src/compose/editor.js";
import { view } from "../../src/compose/view.js";
import { setLocale, tl } from "../../src/i18n/index.js";
import { cellWidth, setVisualBidi } from "../../src/render/index.js";
import { statusLine } from "../../src/ui/compose/overlay.js";

const WIDTH = 50;
const drawn = (message: string) => {
  const v = view(setMessage(createEditor(""), message, true), WIDTH, 3, { maxCharacters: 500 });
  return { v, line: statusLine(v.status, `${v.count}/${v.max}`, WIDTH) };
};

describe("the composer's status line", () => {
  afterEach(() => {
    setLocale("en");
    setVisualBidi(false);
  });

  test("a pattern in Arabic leaves the count at the right edge", () => {
    setVisualBidi(true);
    const { line } = drawn(tl("compose.patternNotFound", { pattern: "مرحبا" }));
    assert.match(line, / 0\/500$/, line);
    assert.equal(cellWidth(line), WIDTH);
  });

  test("a lone isolate mark the user typed is not passed on; the date's isolate is", () => {
    // Where the terminal reorders, a lone LRI would take the rest of the line, the count
    // with it, into a left-to-right isolate; a lone PDI would close the date's early.
    const { v } = drawn(tl("compose.patternNotFound", { pattern: "x\u2069y\u2066z" }));
    assert.match(v.status, /^Pattern not found: xyz +0\/500$/, JSON.stringify(v.status));
    const { v: dated } = drawn("scheduled for \u20662026-12-01 09:00\u2069");
    assert.match(dated.status, /\u20662026-12-01 09:00\u2069/);
  });
});
