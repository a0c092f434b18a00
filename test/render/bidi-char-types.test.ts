// The bundle's bidi-js classes characters from a table of ranges instead of its Map
// (scripts/bidi-char-types.mjs). Every Arabic or Hebrew line the built TUI draws goes through
// it, while the source-run tests use bidi-js unchanged: so the swapped file itself is checked
// here, against the installed bidi-js, for every code point.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { describe, test } from "node:test";
import bidiModule from "bidi-js";
import fc from "fast-check";
import { swapBidiLookUp, withRangeLookUp } from "../../scripts/bidi-char-types.mjs";

type Bidi = ReturnType<typeof bidiModule.default>;
// bidi-js exports its factory as the CommonJS module itself (see src/render/bidi.ts).
const bidi: Bidi = (bidiModule as unknown as typeof bidiModule.default)();

const require = createRequire(import.meta.url);
const BIDI_JS = require.resolve("bidi-js");
const BIDI_MJS = BIDI_JS.replace(/\.js$/, ".mjs");

/** The swapped dist/bidi.js (UMD: CommonJS here) as the bundle runs it. */
async function swappedCommonJs(): Promise<Bidi> {
  const source = await swapBidiLookUp(BIDI_JS);
  const module = { exports: {} as unknown };
  new Function("module", "exports", source)(module, module.exports);
  return (module.exports as typeof bidiModule.default)();
}

/** The swapped dist/bidi.mjs, in case a bundle resolves the package's "module" entry. */
async function swappedEsm(): Promise<Bidi> {
  const source = await swapBidiLookUp(BIDI_MJS);
  const url = `data:text/javascript;base64,${Buffer.from(source).toString("base64")}`;
  return ((await import(url)) as { default: typeof bidiModule.default }).default();
}

const chars = (from: number, to: number) =>
  fc.integer({ min: from, max: to }).map((cp) => String.fromCodePoint(cp));

/** Toot text: Latin, Arabic, Hebrew, digits of both, brackets, marks, isolates, emoji, CJK. */
const text = fc
  .array(
    fc.oneof(
      chars(0x20, 0x7e),
      chars(0x591, 0x5f4),
      chars(0x600, 0x6ff),
      chars(0x750, 0x8ff),
      chars(0xfb1d, 0xfdff),
      chars(0xfe70, 0xfefc),
      chars(0x200b, 0x200f),
      chars(0x202a, 0x202e),
      chars(0x2066, 0x2069),
      chars(0x1f300, 0x1faff),
      chars(0x4e00, 0x4e80),
      fc.constantFrom("(", ")", "[", "]", "«", "»", "\n", "\u2029", "\t", "٣", "۴"),
    ),
    { maxLength: 40 },
  )
  .map((units) => units.join(""));

for (const [file, load] of [
  ["dist/bidi.js", swappedCommonJs],
  ["dist/bidi.mjs", swappedEsm],
] as const) {
  describe(`bidi-js's ${file} with the range table`, async () => {
    const swapped = await load();

    test("classes every code point as bidi-js does, and the empty string as L", () => {
      const differ: string[] = [];
      for (let cp = 0; cp <= 0x10ffff; cp++) {
        const ch = String.fromCodePoint(cp);
        if (swapped.getBidiCharType(ch) !== bidi.getBidiCharType(ch)) differ.push(cp.toString(16));
      }
      assert.deepEqual(differ, []);
      assert.equal(swapped.getBidiCharTypeName(""), "L");
      assert.equal(swapped.getBidiCharTypeName("\u0627"), "AL");
    });

    test("gives the levels, reorderings and mirrored brackets bidi-js gives", () => {
      fc.assert(
        fc.property(text, fc.constantFrom("ltr", "rtl", "auto"), (s, base) => {
          const want = bidi.getEmbeddingLevels(s, base);
          const got = swapped.getEmbeddingLevels(s, base);
          assert.deepEqual(got, want);
          assert.deepEqual(swapped.getReorderSegments(s, got), bidi.getReorderSegments(s, want));
          assert.deepEqual(
            swapped.getMirroredCharactersMap(s, got.levels),
            bidi.getMirroredCharactersMap(s, want.levels),
          );
        }),
        { numRuns: 500 },
      );
    });
  });
}

test("a bidi-js whose lookup reads otherwise is refused, not swapped", () => {
  const source = readFileSync(BIDI_JS, "utf8");
  const runs = { L: 1, starts: [], ends: [], types: [] };
  const changed = source.replace("|| TYPES.L", "|| TYPES.R");
  assert.throws(() => withRangeLookUp(changed, runs), /expected its parseData and getBidiCharType/);
  const calledElsewhere = source.replace(
    "var charTypes = new Uint32Array(string.length);",
    "parseData(); var charTypes = new Uint32Array(string.length);",
  );
  assert.notEqual(calledElsewhere, source);
  assert.throws(() => withRangeLookUp(calledElsewhere, runs), /parseData is called outside/);
});
