import assert from "node:assert/strict";
import { test } from "node:test";
import { compareIds } from "../../src/timeline/ids.js";

test("orders ids by length first, then lexically, exactly beyond 2^53", () => {
  assert.equal(compareIds("9", "10"), -1);
  assert.equal(compareIds("109999999999999999", "110000000000000000"), -1);
  // As numbers these two are equal (both round to the same float); as ids they are not.
  assert.equal(compareIds("1099511627776123457", "1099511627776123456"), 1);
  assert.equal(compareIds("42", "42"), 0);
});
