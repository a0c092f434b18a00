import assert from "node:assert/strict";
import { describe, test } from "node:test";
import bidiModule from "bidi-js";
import fc from "fast-check";
import { firstStrong } from "../../src/render/bidi.js";

// bidi-js exports its factory as the CommonJS module itself (see src/render/bidi.ts).
const bidi = (bidiModule as unknown as typeof bidiModule.default)();

/** UAX #9 P2 as bidi-js classes every character: what a quote's bar side follows. */
function firstStrongByBidiJs(text: string): "ltr" | "rtl" | null {
  let depth = 0;
  for (const ch of text) {
    const type = bidi.getBidiCharTypeName(ch);
    if (type === "LRI" || type === "RLI" || type === "FSI") depth++;
    else if (type === "PDI") depth = Math.max(0, depth - 1);
    else if (depth === 0 && type === "L") return "ltr";
    else if (depth === 0 && (type === "R" || type === "AL")) return "rtl";
  }
  return null;
}

const chars = (from: number, to: number) =>
  fc.integer({ min: from, max: to }).map((cp) => String.fromCodePoint(cp));

/** Pieces of toots: Latin, Arabic, Hebrew, emoji (with ZWJ and variation selectors), marks. */
const unit = fc.oneof(
  chars(0x20, 0x7e),
  chars(0xa0, 0x24f),
  chars(0x300, 0x36f),
  chars(0x370, 0x52f),
  chars(0x591, 0x5f4),
  chars(0x600, 0x6ff),
  chars(0x750, 0x8ff),
  chars(0xfb1d, 0xfdff),
  chars(0xfe70, 0xfefc),
  chars(0x1f300, 0x1faff),
  chars(0x3040, 0x30ff),
  chars(0x4e00, 0x4e80),
  chars(0xac00, 0xac80),
  chars(0x2000, 0x2bff),
  chars(0x10800, 0x10fff),
  chars(0x1e800, 0x1efff),
  fc.constantFrom(
    "\u200d",
    "\ufe0f",
    "\u200e",
    "\u200f",
    "\u061c",
    "\u2066",
    "\u2067",
    "\u2068",
    "\u2069",
    "\u202a",
    "\u202b",
    "\u202c",
    "\u202d",
    "\u202e",
    "0",
    "\u0660",
    "\u06f0",
    " ",
    "\n",
  ),
  fc.string({ unit: "binary", maxLength: 3 }),
);

describe("a text's first strong direction (a quote's bar side, a field's alignment)", () => {
  test("is bidi-js's for every code point, alone, before letters of either side and inside an isolate", () => {
    const mismatches: string[] = [];
    for (let cp = 0; cp <= 0x10ffff; cp++) {
      const ch = String.fromCodePoint(cp);
      for (const text of [ch, `${ch}a`, `${ch}\u05d0`, `\u2067${ch}a`]) {
        if (firstStrong(text) !== firstStrongByBidiJs(text)) mismatches.push(cp.toString(16));
      }
      if (mismatches.length > 10) break;
    }
    assert.deepEqual(mismatches, []);
  });

  test("is bidi-js's for mixed Arabic, Hebrew, Latin and emoji text", () => {
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 30 }), (parts) => {
        const text = parts.join("");
        assert.equal(firstStrong(text), firstStrongByBidiJs(text));
      }),
      { numRuns: 20_000 },
    );
  });

  test("reads Latin as left to right and Arabic or Hebrew as right to left past neutrals", () => {
    assert.equal(firstStrong("  “Hello”, 🎉 world"), "ltr");
    assert.equal(firstStrong("123 — مرحبا"), "rtl");
    assert.equal(firstStrong("🌸 שלום"), "rtl");
    assert.equal(firstStrong("\u2068مرحبا\u2069 hi"), "ltr");
    assert.equal(firstStrong("42 … 🎉"), null);
  });
});
