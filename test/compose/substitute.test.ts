// What the differential table cannot see: what :s says on the status line, and how the
// command line looks after a selection. The text and cursor are checked against vim itself
// in vim/cases-substitute.ts.
import assert from "node:assert/strict";
import { before, describe, test } from "node:test";
import { applyKeys, createEditor, type EditorState } from "../../src/compose/editor.js";
import { keysFromString } from "../../src/compose/keys.js";
import { loadLanguage, setLocale } from "../../src/i18n/index.js";

// The Arabic catalogue loads when Arabic is chosen (as tootty does at start-up).
before(() => loadLanguage("ar"));

const run = (s: EditorState, keys: string) => applyKeys(s, keysFromString(keys));
const text = (s: EditorState) => s.lines.map((l) => l.join(""));

describe(":s messages and the selection's range", () => {
  test("after a selection, : writes '<,'> in, and the command works on those lines", () => {
    const s = run(createEditor("a a\na a\na a", { cursor: { line: 0, col: 0 } }), "Vj:");
    assert.equal(s.mode, "command");
    assert.equal(s.commandLine, "'<,'>");
    const done = run(s, "s/a/b/g<CR>");
    assert.deepEqual(text(done), ["b b", "b b", "a a"]);
  });

  test("a count before : writes the range of that many lines", () => {
    const s = run(createEditor("x\ny\nz", { cursor: { line: 0, col: 0 } }), "3:");
    assert.equal(s.commandLine, ".,.+2");
    assert.equal(run(createEditor("x"), "1:").commandLine, ".");
  });

  test("more than two substitutions are reported, as vim's 'report' has it", () => {
    const s = run(createEditor("aa\naa", { cursor: { line: 0, col: 0 } }), ":%s/a/b/g<CR>");
    assert.equal(s.message, "4 substitutions on 2 lines");
    assert.equal(s.messageIsError, false);
    const two = run(createEditor("aa"), ":s/a/b/g<CR>");
    assert.equal(two.message, "");
    const counted = run(createEditor("aaa"), ":s/a/b/gn<CR>");
    assert.deepEqual(text(counted), ["aaa"]);
    assert.equal(counted.message, "3 matches on 1 line");
  });

  test("a pattern that is not there is an error, unless the e flag is given", () => {
    const s = run(createEditor("abc"), ":s/zz/y/<CR>");
    assert.equal(s.message, "Pattern not found: zz");
    assert.equal(s.messageIsError, true);
    assert.equal(run(createEditor("abc"), ":s/zz/y/e<CR>").message, "");
  });

  test("ranges and repeats that cannot work say why and change nothing", () => {
    const cases: [string, RegExp][] = [
      [":1,9s/a/b/<CR>", /Invalid range/],
      [":'q,.s/a/b/<CR>", /Mark not set/],
      ["&", /No previous substitute/],
      [":s/a/b/ x<CR>", /Trailing characters: x/],
      [":s/a/b/c<CR>", /confirm/],
      [":2,3w<CR>", /No range allowed/],
    ];
    for (const [keys, why] of cases) {
      const s = run(createEditor("abc\nabc\nabc"), keys);
      assert.match(s.message, why, keys);
      assert.equal(s.messageIsError, true, keys);
      assert.deepEqual(text(s), ["abc", "abc", "abc"], keys);
      assert.deepEqual(s.effects, [], keys);
    }
  });

  test(":s is one undo step, and the draft is saved after it", () => {
    const s = run(createEditor("a a\na a"), ":%s/a/b/g<CR>");
    assert.deepEqual(text(s), ["b b", "b b"]);
    assert.deepEqual(
      s.effects.map((e) => e.kind),
      ["autosave"],
    );
    assert.deepEqual(text(run(s, "u")), ["a a", "a a"]);
  });

  test("the messages come from the catalogues", () => {
    setLocale("ar");
    try {
      const s = run(createEditor("aa\naa"), ":%s/a/b/g<CR>");
      assert.doesNotMatch(s.message, /substitution/);
      assert.match(s.message, /4/);
      assert.doesNotMatch(run(createEditor("a"), ":1,9s/a/b/<CR>").message, /Invalid/);
    } finally {
      setLocale("en");
    }
  });
});

describe("Ctrl-v block mode on the status line", () => {
  test("the mode is named, from the catalogues", async () => {
    const { view } = await import("../../src/compose/view.js");
    const s = run(createEditor("abc\ndef", { cursor: { line: 0, col: 0 } }), "<C-v>j");
    assert.equal(s.mode, "visual-block");
    assert.match(view(s, 40, 5, { maxCharacters: 500 }).status, /-- VISUAL BLOCK --/);
    setLocale("ar");
    try {
      assert.doesNotMatch(view(s, 40, 5, { maxCharacters: 500 }).status, /VISUAL/);
    } finally {
      setLocale("en");
    }
  });
});
