import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { applyKey, createEditor, type EditorState } from "../../src/compose/editor.js";
import { keysFromString } from "../../src/compose/keys.js";

const ALPHABET = [
  "h",
  "j",
  "k",
  "l",
  "w",
  "b",
  "e",
  "W",
  "B",
  "E",
  "0",
  "^",
  "$",
  "G",
  "gg",
  "f",
  "t",
  "F",
  "T",
  ";",
  ",",
  "d",
  "c",
  "y",
  "x",
  "X",
  "s",
  "S",
  "D",
  "C",
  "p",
  "P",
  "J",
  "~",
  "r",
  "u",
  "<C-r>",
  ".",
  "i",
  "a",
  "I",
  "A",
  "o",
  "O",
  "v",
  "V",
  "<Esc>",
  "2",
  "3",
  "iw",
  "aw",
  'i"',
  "ip",
  "a",
  " ",
  "日",
  "👨‍👩‍👧",
  "e\u0301",
  '"',
  "<CR>",
  "<BS>",
  "<C-w>",
  "<C-u>",
  "<Left>",
  "<Right>",
  "<Up>",
  "<Down>",
  ":",
  "<Tab>",
];

function assertSane(s: EditorState): void {
  assert.ok(s.lines.length >= 1);
  assert.equal(s.text, s.lines.map((l) => l.join("")).join("\n"));
  assert.ok(s.cursor.line >= 0 && s.cursor.line < s.lines.length, "cursor line in range");
  const len = s.lines[s.cursor.line]!.length;
  // Insert mode, and visual mode after `l` (vim's selection takes the line break), may
  // stand just past the last grapheme.
  const pastEnd = s.mode === "insert" || s.mode === "visual" || s.mode === "visual-line";
  const max = pastEnd ? len : Math.max(0, len - 1);
  assert.ok(
    s.cursor.col >= 0 && s.cursor.col <= max,
    `cursor col ${s.cursor.col} within ${max} in ${s.mode}`,
  );
}

test("leaving the command line puts the cursor back on the text (V <Right> : Esc)", () => {
  for (const leave of ["<Esc>", "<BS>"]) {
    let s = createEditor("one two");
    // Ctrl-u clears the "'<,'>" the selection writes in, so Backspace then leaves.
    for (const key of keysFromString(`$V<Right>:<C-u>${leave}`)) s = applyKey(s, key);
    assert.equal(s.mode, "normal");
    assertSane(s);
  }
});

test("any key sequence keeps the cursor on the text and the text consistent", () => {
  fc.assert(
    fc.property(
      fc.constantFrom("", "one two\nthree", '  a "q" b\n\n日本 👍'),
      fc.array(fc.constantFrom(...ALPHABET), { maxLength: 40 }),
      (text, parts) => {
        let s = createEditor(text);
        for (const key of keysFromString(parts.join(""))) {
          s = applyKey(s, key);
          if (s.mode === "command") s = applyKey(s, { name: "escape" });
          assertSane(s);
        }
      },
    ),
    { numRuns: 400 },
  );
});
