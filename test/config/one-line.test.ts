import assert from "node:assert/strict";
import { test } from "node:test";
import { oneLine } from "../../src/config/one-line.js";

test("server text reaches the terminal as one line with no control sequences", () => {
  const hostile =
    "Be nice\u001b]0;pwned\u0007 \u001b[2J\u001b]52;c;aGk=\u001b\\ no\u009b31m spam\r\nsecond\tline\u202e";
  assert.equal(oneLine(hostile), "Be nice no spam second line");
});

test("long text is cut with an ellipsis", () => {
  assert.equal(oneLine("x".repeat(300), 10), `${"x".repeat(9)}…`);
});
