// The counter's twitter-text patterns are kept as generated source (the library is not in
// the bundle): they must be the installed twitter-text's, so an upgrade cannot drift apart.
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { test } from "node:test";
import { regexen } from "../../src/compose/twitter-regexen.js";

const NAMES = Object.keys(regexen);
/** The generator's spelling: every non-ASCII unit as \uXXXX. */
const ascii = (source: string) =>
  source.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);

const twitterText = createRequire(import.meta.url)("twitter-text") as {
  regexen: Record<string, RegExp>;
};

test("every kept pattern is twitter-text's own, source and flags", () => {
  for (const name of NAMES) {
    const theirs = twitterText.regexen[name]!;
    const ours = regexen[name as keyof typeof regexen];
    assert.equal(ours.source, ascii(theirs.source), name);
    assert.equal(ours.flags, theirs.flags, name);
  }
});

test("the escaped patterns match what twitter-text's match, non-ASCII included", () => {
  const samples = [
    "＠alice",
    "@bob",
    "éx",
    "https://t.co/abc?x=1",
    "://",
    "例え.テスト",
    "a.b(c)",
    "80",
  ];
  for (const name of NAMES) {
    const theirs = twitterText.regexen[name]!;
    const ours = regexen[name as keyof typeof regexen];
    for (const s of samples)
      assert.deepEqual(s.match(ours)?.[0], s.match(theirs)?.[0], `${name} on ${s}`);
  }
});
