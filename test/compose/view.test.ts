import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { applyKeys, createEditor, setMessage } from "../../src/compose/editor.js";
import { keysFromString } from "../../src/compose/keys.js";
import { view } from "../../src/compose/view.js";

const opts = { maxCharacters: 500 };

describe("compose view", () => {
  test("long lines wrap at the width and the cursor follows in cells", () => {
    const s = createEditor("abcdefghij", { cursor: { line: 0, col: 7 } });
    const v = view(s, 4, 5, opts);
    assert.deepEqual(v.rows, ["abcd", "efgh", "ij", "~", "~"]);
    assert.deepEqual(v.cursor, { row: 1, col: 3 });
  });

  test("a wide character that does not fit moves to the next row", () => {
    const s = createEditor("abc日本", { cursor: { line: 0, col: 4 } });
    const v = view(s, 4, 3, opts);
    assert.deepEqual(v.rows.slice(0, 2), ["abc", "日本"]);
    assert.deepEqual(v.cursor, { row: 1, col: 2 });
  });

  test("the cursor after an emoji counts two cells", () => {
    const s = applyKeys(createEditor(""), keysFromString("i👍x"));
    assert.deepEqual(view(s, 20, 2, opts).cursor, { row: 0, col: 3 });
  });

  test("control characters in pasted text are drawn harmlessly", () => {
    const s = applyKeys(createEditor(""), [{ name: "paste", ch: "ia\u009b31mb" }]);
    const v = view(s, 20, 1, opts);
    assert.equal(v.rows[0], "a\uFFFD31mb");
  });

  test("the status line shows the mode and count/max", () => {
    const s = applyKeys(createEditor(""), keysFromString("ihello"));
    const v = view(s, 30, 1, opts);
    assert.match(v.status, /^-- INSERT -- +5\/500$/);
    assert.equal(v.status.length, 30);
    assert.equal(v.over, false);
  });

  test("over the limit the count is flagged and the overflow is named", () => {
    const s = createEditor("x".repeat(12), { fields: { spoiler: "cw" } });
    const v = view(s, 30, 1, { maxCharacters: 10 });
    assert.equal(v.over, true);
    assert.equal(v.isError, true);
    assert.match(v.status, /^Too long by 4 +14\/10$/);
  });

  test("on Sharkey a CW over its own 500 is flagged beside the text's count", () => {
    const sharkey = { maxCharacters: 3000, count: { kind: "sharkey", maxSpoiler: 500 } } as const;
    const s = createEditor("😀".repeat(10), { fields: { spoiler: "w".repeat(503) } });
    const v = view(s, 40, 1, sharkey);
    assert.equal(v.over, true);
    assert.match(v.status, /^CW too long by 3 +20\/3000$/, "the text counts in UTF-16 units");
    const fine = view(createEditor("x", { fields: { spoiler: "w".repeat(500) } }), 40, 1, sharkey);
    assert.equal(fine.over, false);
  });

  test("command mode shows the command line being typed", () => {
    const s = applyKeys(createEditor("x"), keysFromString(":wq"));
    assert.match(view(s, 20, 1, opts).status, /^:wq +1\/500$/);
  });

  test("a message replaces the mode until the next key", () => {
    const s = setMessage(createEditor("x"), "Not posted: server said no", true);
    const v = view(s, 40, 1, opts);
    assert.match(v.status, /^Not posted: server said no/);
    assert.equal(v.isError, true);
  });

  test("the view scrolls to keep the cursor visible", () => {
    const text = Array.from({ length: 10 }, (_, i) => `line ${i}`).join("\n");
    const s = createEditor(text);
    const v = view(s, 20, 3, opts);
    assert.deepEqual(v.rows, ["line 7", "line 8", "line 9"]);
    assert.deepEqual(v.cursor, { row: 2, col: 5 });
    const up = applyKeys(s, keysFromString("k"));
    assert.deepEqual(view(up, 20, 3, { ...opts, scrollTop: v.scrollTop }).rows, [
      "line 7",
      "line 8",
      "line 9",
    ]);
  });

  test("the field line names CW, visibility, language and sensitivity", () => {
    const s = applyKeys(
      createEditor(""),
      keysFromString(":cw spoilers<CR>:vis followers<CR>:lang de<CR>:sensitive<CR>"),
    );
    assert.equal(
      view(s, 60, 1, opts).fields.trimEnd(),
      "CW: spoilers · followers · de · sensitive",
    );
  });

  test("the CW counts toward the total", () => {
    const s = applyKeys(createEditor("abc"), keysFromString(":cw four<CR>"));
    assert.equal(view(s, 30, 1, opts).count, 7);
  });
});

describe("compose view: shifts and Replace mode", () => {
  test("a tab from >> is drawn to the next tab stop, eight cells, and the cursor after it", () => {
    const s = applyKeys(
      createEditor("ab\ncd", { cursor: { line: 0, col: 0 } }),
      keysFromString(">>"),
    );
    const v = view(s, 20, 3, opts);
    assert.equal(v.rows[0], `${" ".repeat(8)}ab`);
    assert.deepEqual(v.cursor, { row: 0, col: 8 });
  });

  test("R says REPLACE on the status line", () => {
    const s = applyKeys(createEditor("abc", { cursor: { line: 0, col: 0 } }), keysFromString("Rx"));
    assert.match(view(s, 30, 2, opts).status, /^-- REPLACE --/);
  });
});

describe("compose view: search", () => {
  test("the pattern being typed shows on the status line, Backspace included", () => {
    const s = applyKeys(
      createEditor("one two", { cursor: { line: 0, col: 0 } }),
      keysFromString("d/twx<BS>"),
    );
    assert.match(view(s, 30, 2, opts).status, /^\/tw /);
  });

  test("a search that wraps says so, and one that finds nothing says so in red", () => {
    const wrapped = applyKeys(
      createEditor("foo\nbar", { cursor: { line: 1, col: 0 } }),
      keysFromString("/foo<CR>"),
    );
    assert.deepEqual(wrapped.cursor, { line: 0, col: 0 });
    assert.match(view(wrapped, 60, 2, opts).status, /search hit BOTTOM, continuing at TOP/);
    const missing = applyKeys(createEditor("foo"), keysFromString("/zzz<CR>"));
    const v = view(missing, 40, 2, opts);
    assert.match(v.status, /Pattern not found/);
    assert.equal(v.isError, true);
  });
});
