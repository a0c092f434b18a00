// What the bundle gives blessed's files for require("assert"). Its terminfo reader
// (lib/tput.js) and lib/widgets/element.js call assert(), assert.ok() and assert.equal() as
// checks that hold on any file they read; node:assert costs ~1.7 ms to load at every start
// (a fresh node 20 here) for checks that pass. It is loaded only when one fails, and throws
// its own AssertionError, as if it had been called itself.
"use strict";

function assert(value, message) {
  if (!value) require("node:assert").ok(value, message);
}
assert.ok = assert;
assert.equal = (actual, expected, message) => {
  // biome-ignore lint/suspicious/noDoubleEquals: assert.equal is loose equality (==).
  if (actual != expected) require("node:assert").equal(actual, expected, message);
};

module.exports = assert;
