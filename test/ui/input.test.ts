import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { splitEscapes } from "../../src/ui/input.js";

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
