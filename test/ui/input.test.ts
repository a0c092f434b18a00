import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { isTerminalAnswer, splitAstral, splitEscapes } from "../../src/ui/shell/input.js";

describe("splitEscapes keeps every Escape the user typed", () => {
  const cases: [string, string, string[]][] = [
    ["plain text stays one piece", "hello", ["hello"]],
    ["Escape then :wq in one read becomes Escape + :wq", "\x1b:wq\r", ["\x1b", ":wq\r"]],
    ["text, Escape, text", "abc\x1bdd", ["abc", "\x1b", "dd"]],
    ["arrow keys stay whole", "\x1b[A\x1b[B", ["\x1b[A", "\x1b[B"]],
    ["SS3 keys stay whole", "\x1bOP", ["\x1bOP"]],
    ["CSI with parameters stays whole", "\x1b[1;5Cx", ["\x1b[1;5C", "x"]],
    ["two Escapes in a row are two keys", "\x1b\x1b", ["\x1b", "\x1b"]],
    ["Escape alone", "\x1b", ["\x1b"]],
    ["insert text, Escape, then a normal-mode command", "ihi\x1bx", ["ihi", "\x1b", "x"]],
  ];
  for (const [name, input, expected] of cases) {
    test(name, () => assert.deepEqual(splitEscapes(input), expected));
  }
});

describe("splitAstral hands emoji to blessed whole", () => {
  test("BMP text stays data; each astral character is its own key, in order", () => {
    assert.deepEqual(splitAstral("A😀b"), [
      { text: "A", astral: false },
      { text: "😀", astral: true },
      { text: "b", astral: false },
    ]);
  });
  test("a ZWJ family keeps its joiners between the emoji", () => {
    assert.deepEqual(
      splitAstral("👨\u200d👩").map((p) => p.text),
      ["👨", "\u200d", "👩"],
    );
  });
  test("escape sequences and plain text pass unchanged", () => {
    assert.deepEqual(splitAstral("\x1b[A"), [{ text: "\x1b[A", astral: false }]);
    assert.deepEqual(splitAstral("東京"), [{ text: "東京", astral: false }]);
  });
});

describe("answers to the start-up queries that arrive late", () => {
  test("are kept whole by the splitter and never taken for keys", () => {
    assert.deepEqual(splitEscapes("\x1b_Gi=31;OK\x1b\\q"), ["\x1b_Gi=31;OK\x1b\\", "q"]);
    assert.deepEqual(splitEscapes("\x1b[?62;4;22cj"), ["\x1b[?62;4;22c", "j"]);
    // Escape then vim's "_" motion, typed fast, stays two keys.
    assert.deepEqual(splitEscapes("\x1b_dw"), ["\x1b", "_dw"]);
    for (const answer of ["\x1b_Gi=31;OK\x1b\\", "\x1b[?62;4;22c", "\x1b[?1;2c", "\x1b[6;20;10t"])
      assert.ok(isTerminalAnswer(answer), JSON.stringify(answer));
    // Keys look otherwise: the help key, arrows, Shift-F3, a paste.
    for (const key of ["?", "\x1b[A", "\x1b[1;2R", "\x1b[200~", "c"])
      assert.ok(!isTerminalAnswer(key), JSON.stringify(key));
  });
});
