// splitGraphemes and graphemeCount read long texts a slice at a time (Node 20's Intl.Segmenter
// is quadratic over one long string); the clusters must be exactly the ones a single pass gives,
// wherever a slice happens to end: inside a flag sequence, a ZWJ emoji, CR LF, a surrogate pair,
// an Indic conjunct, or a cluster longer than a slice.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { graphemeCount, splitGraphemes } from "../../src/compose/graphemes.js";

const whole = new Intl.Segmenter(undefined, { granularity: "grapheme" });
const reference = (s: string) => Array.from(whole.segment(s), (x) => x.segment);

const PIECES = [
  "a",
  "🇯🇵",
  "🇺",
  "👨‍👩‍👧‍👦",
  "\r\n",
  "\r",
  "\n",
  "e\u0301",
  "\u0301",
  "क्ष",
  "\u094d",
  "كَتَبَ",
  "각",
  "\u1100\u1161\u11a8",
  "😀",
  "\ud83d",
  "\u200d",
  "1️⃣",
  " ",
];

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1_103_515_245 + 12_345) >>> 0;
    return s / 4_294_967_296;
  };
}

describe("graphemes of long texts, a slice at a time", () => {
  test("40 seeded texts of 2 000–6 000 units split exactly as one pass does", () => {
    for (let seed = 1; seed <= 40; seed++) {
      const next = rng(seed);
      const want = 2000 + Math.floor(next() * 4000);
      let text = "";
      while (text.length < want) text += PIECES[Math.floor(next() * PIECES.length)];
      const expected = reference(text);
      assert.deepEqual(splitGraphemes(text), expected, `seed ${seed}`);
      assert.equal(graphemeCount(text), expected.length, `seed ${seed}`);
    }
  });

  test("a run of regional indicators across every slice boundary keeps its pairs", () => {
    for (const n of [2047, 2048, 2049, 3001]) {
      const text = `${"x".repeat(n % 7)}${"🇺".repeat(n)}`;
      assert.deepEqual(splitGraphemes(text), reference(text), `${n} indicators`);
    }
  });

  test("one cluster longer than a slice (a letter and 5 000 combining marks) is one", () => {
    const text = `b${"a".padEnd(5001, "\u0301")}c`;
    assert.equal(graphemeCount(text), 3);
    assert.deepEqual(splitGraphemes(text), reference(text));
  });

  test("CR LF and surrogate pairs split at every offset near a slice's end stay whole", () => {
    for (let pad = 1000; pad <= 1030; pad++) {
      const text = `${"a".repeat(pad)}\r\n😀👨‍👩‍👧‍👦🇯🇵${"b".repeat(1100)}`;
      assert.deepEqual(splitGraphemes(text), reference(text), `pad ${pad}`);
    }
  });
});
