import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { countLikeMastodon } from "../../src/compose/counter.js";

const CASES: [string, string, string, number][] = [
  ["plain ASCII counts each character", "hello world", "", 11],
  [
    "an http URL counts 23 however long",
    "https://example.com/a/very/long/path?with=query&and=more#frag",
    "",
    23,
  ],
  ["a short URL also counts 23", "http://a.co", "", 23],
  [
    "text around URLs adds up",
    "see https://example.com and http://example.org/x.",
    "",
    4 + 23 + 5 + 23 + 1,
  ],
  ["a trailing full stop is not part of the URL", "https://example.com.", "", 24],
  [
    "a URL inside parentheses keeps its own balanced parens",
    "(https://en.wikipedia.org/wiki/Foo_(bar))",
    "",
    1 + 23 + 1,
  ],
  ["a bare domain without scheme counts as text", "example.com", "", 11],
  ["a URL glued to a word is not a URL", "xhttps://example.com", "", 20],
  ["a remote mention counts as the local part", "@gargron@mastodon.social hi", "", 8 + 3],
  ["a local mention counts as itself", "@gargron hi", "", 11],
  ["a mention with dots in the username", "@first.last@example.org", "", 11],
  ["an email address is not a mention", "me@example.org", "", 14],
  ["a ZWJ family is one character", "👨‍👩‍👧‍👦", "", 1],
  ["a flag is one character", "🇫🇷🇩🇪", "", 2],
  ["a skin-toned emoji is one character", "👍🏽", "", 1],
  ["CJK characters count one each", "日本語のテキスト", "", 8],
  ["combining marks join their letter", "e\u0301e\u0301", "", 2],
  ["Hangul syllables from jamo count as one each", "\u1100\u1161\u11a8", "", 1],
  ["the CW is counted", "body", "spoiler", 11],
  ["a URL in the CW is not shortened", "x", "https://example.com", 20],
  ["a line break counts as one", "a\nb", "", 3],
];

describe("character counter: Mastodon's server rules", () => {
  for (const [name, text, cw, expected] of CASES) {
    test(name, () => assert.equal(countLikeMastodon(text, cw), expected));
  }
  test("the instance's reserved URL length is honoured", () => {
    assert.equal(countLikeMastodon("https://example.com", "", { urlLength: 30 }), 30);
  });
});
