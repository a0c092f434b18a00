// blessed key events → composer keys, the cursor drawn cell-exact, draft labels and offers.
import assert from "node:assert/strict";
import { afterEach, before, describe, test } from "node:test";
import type { Draft } from "../../src/compose/drafts.js";
import { newDraft } from "../../src/compose/drafts.js";
import { applyKeys, createEditor } from "../../src/compose/editor.js";
import { loadLanguage, setLocale, shownRow } from "../../src/i18n/index.js";
import { cellWidth, setVisualBidi } from "../../src/render/index.js";
import { withCursor } from "../../src/ui/compose/cursor.js";
import { composeKey } from "../../src/ui/compose/keys.js";
import { draftLabel } from "../../src/ui/compose/open.js";
import { draftOffer } from "../../src/ui/features/compose.js";

// The Arabic catalogue loads when Arabic is chosen (as tootty does at start-up).
before(() => loadLanguage("ar"));

describe("composeKey", () => {
  test("blessed's doubled carriage return becomes one Enter", () => {
    const keys = [
      composeKey("\r", { name: "return", full: "return" }),
      composeKey("\r", { name: "enter", full: "enter" }),
    ].filter((k) => k !== null);
    const state = applyKeys(createEditor("ab", { mode: "insert" }), keys);
    assert.deepEqual(state.text.split("\n").length, 2, "one new line, not two");
  });

  test("letters, shifted letters, punctuation and CJK reach the editor as typed", () => {
    const typed: [string, { name?: string; shift?: boolean }][] = [
      ["h", { name: "h" }],
      ["I", { name: "i", shift: true }],
      [":", {}],
      ["日", {}],
    ];
    const keys = typed.map(([ch, k]) => composeKey(ch, k)!);
    const state = applyKeys(createEditor("", { mode: "insert" }), keys);
    assert.equal(state.text, "hI:日");
  });

  test("Escape, Ctrl-w and Backspace keep their meaning", () => {
    const keys = [
      composeKey("\x1b", { name: "escape" }),
      composeKey("A", { name: "a", shift: true }),
      composeKey("\x17", { name: "w", ctrl: true }),
      composeKey("\x7f", { name: "backspace" }),
    ].map((k) => k!);
    const state = applyKeys(createEditor("one two", { mode: "normal" }), keys);
    assert.equal(state.text, "one");
  });
});

describe("withCursor", () => {
  test("marks the grapheme under the cursor, counting wide characters as two cells", () => {
    assert.equal(withCursor("a日b", 1), "a\x1b[7m日\x1b[27mb");
    assert.equal(withCursor("a日b", 3), "a日\x1b[7mb\x1b[27m");
  });

  test("past the end of the row it draws a blank cursor cell", () => {
    assert.equal(withCursor("ab", 2), "ab\x1b[7m \x1b[27m");
  });
});

describe("drafts in the UI", () => {
  afterEach(() => {
    setLocale("en");
    setVisualBidi(false);
  });
  const at = new Date("2026-11-26T09:05:00");
  const draft = (fields: Partial<Draft>) =>
    newDraft(fields, { now: () => at, uuid: () => "x" }) as Draft;

  test("a label shows the time, the kind and the text on one line", () => {
    const d = {
      ...draft({ text: "first\nsecond", inReplyToId: "9" }),
      updatedAt: at.toISOString(),
    };
    assert.equal(draftLabel(d, at), "09:05  reply · first second");
  });

  test("in the Arabic interface a draft's row runs right to left, its own words in their order", () => {
    setLocale("ar");
    setVisualBidi(true);
    const d = {
      ...draft({ text: "10 things to <b>fix</b>\u2066", inReplyToId: "9" }),
      updatedAt: new Date("2026-11-20T18:30:00").toISOString(),
    };
    const row = shownRow(draftLabel(d, at), 50).normalize("NFKC");
    // Right to left from the right edge: the date (one left-to-right unit), "reply", the text
    // as written; the user's stray isolate mark is not passed on.
    assert.equal(row.trimStart(), "10 things to <b>fix</b> · دّر  2026-11-20");
    assert.equal(cellWidth(row), 50, "against the right edge");
  });

  test("the start-up offer names the count, or says nothing", () => {
    assert.equal(draftOffer(0), null);
    assert.match(draftOffer(1)!, /^1 unsent draft — c to continue/);
    assert.match(draftOffer(3)!, /^3 unsent drafts/);
  });
});
