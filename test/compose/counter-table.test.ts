// The composer's count must be the server's count: a table of tricky texts, each checked
// against the reference (Mastodon's validator over twitter-text's extractor).
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { countFor, countLikeMastodon } from "../../src/compose/counter.js";
import { referenceCount } from "./mastodon-count-reference.js";

const URLS = [
  "https://example.com",
  "http://example.com/path",
  "https://example.com/a/b?q=1&r=2#frag",
  "https://en.wikipedia.org/wiki/Foo_(bar)",
  "https://münchen.de/straße",
  "https://日本.jp/パス/ファイル",
  "https://xn--mnchen-3ya.de/",
  "https://пример.рф/путь",
  "https://example.com:8080/x",
  "https://example.com/@user/123",
  "https://example.com/?q=日本語",
  "https://t.co/abcDEF123/more",
  "gemini://example.com/page",
  "ipfs://bafybeigdyrzt.example.com",
  "https://sub.domain.example.co.uk/x.html",
  "https://example.invalidtld/x",
  "https://localhost/x",
  "https://192.168.0.1/x",
  "https://example.com/emoji/😀",
  "https://example.com/a(b(c)d)e",
  "https://" + "a".repeat(64) + ".com/",
];

const AROUND: [string, string][] = [
  ["", ""],
  ["see ", " now"],
  ["(", ")"],
  ["", "."],
  ["", ","],
  ["", "!?"],
  ["«", "»"],
  ["", "\u200b"],
  ["", "\u2060x"],
  ["", "\u200e"],
  ["\u200f", ""],
  ["x", ""],
  ["@", ""],
  ["#", ""],
  ["", ":"],
  ['"', '"'],
  ["", "'s"],
  ["日本語", "です"],
];

const HAND: [string, string][] = [
  ["https://a.com,https://b.com", ""],
  ["https://a.com, https://b.com", ""],
  ["https://a.com,https://b.com,https://c.org", ""],
  ["https://a.com/x,https://b.com/y", ""],
  ["https://a.com https://a.com", ""],
  ["https://a.com\nhttps://b.com", ""],
  ["https://a.com.https://b.com", ""],
  ["https://a.com/https://b.com", ""],
  ["https://foo", ""],
  ["https://foo.bar.baz.qux", ""],
  ["https://example.com\u200b/path", ""],
  ["https://example.com/path\u200b", ""],
  ["https://example.com/path\ufeffmore", ""],
  ["https://example.com\u00ad", ""],
  ["example.com", ""],
  ["www.example.com/path", ""],
  ["xhttps://example.com", ""],
  ["ftp://example.com", ""],
  ["mailto:me@example.org", ""],
  ["HTTPS://EXAMPLE.COM/UP", ""],
  ["@gargron@mastodon.social hi", ""],
  ["@gargron hi", ""],
  ["@first.last@example.org", ""],
  ["me@example.org", ""],
  ["@user@sub.example.org.", ""],
  ["@user@例え.jp", ""],
  ["@user@example.com/path", ""],
  ["@user@@example.com", ""],
  ["@userá", ""],
  ["=@user@example.com", ""],
  ["/@user@example.com", ""],
  ["(@user@example.com)", ""],
  ["@user@example.com://x", ""],
  ["https://example.com/@user@example.com", ""],
  ["@user@example.com https://example.com", ""],
  ["@a@b.c@d.e", ""],
  ["👨‍👩‍👧‍👦", ""],
  ["🇫🇷🇩🇪", ""],
  ["👍🏽 https://example.com 👍🏽", ""],
  ["e\u0301e\u0301", ""],
  ["\u1100\u1161\u11a8", ""],
  ["body", "spoiler"],
  ["x", "https://example.com"],
  ["@user@example.com", "@user@example.com"],
  ["\u0301x", "e"],
  ["   ", "cw"],
  ["\n\n", ""],
  ["\u3000", ""],
  ["\ufeff", ""],
  ["a\nb", ""],
  ["#tag https://example.com", ""],
  ["#https://example.com", ""],
  ["$https://example.com", ""],
  ["https://example.com/a?b=c(d)", ""],
  ["https://example.com/path!", ""],
  ["https://example.com/~user/", ""],
  ["https://example.com/foo.", ""],
  ["https://example.com/foo;bar", ""],
  ["https://example.com/ünïcödé?ü=ö", ""],
];

const CASES: [string, string][] = [...HAND];
for (const url of URLS) for (const [pre, post] of AROUND) CASES.push([pre + url + post, ""]);

describe("character counter equals the server's count (reference table)", () => {
  test("the table is large enough to mean something", () => {
    assert.ok(CASES.length >= 100, `${CASES.length} cases`);
  });
  test("the reference counts like the server on facts from Mastodon's docs", () => {
    assert.equal(referenceCount("https://example.com/a/very/long/path", ""), 23);
    assert.equal(referenceCount("@gargron@mastodon.social", ""), 8);
    assert.equal(referenceCount("example.com", ""), 11);
  });
  for (const [text, cw] of CASES) {
    test(JSON.stringify([text, cw]), () => {
      assert.equal(countLikeMastodon(text, cw), referenceCount(text, cw));
      assert.equal(
        countLikeMastodon(text, cw, { urlLength: 25 }),
        referenceCount(text, cw, 25),
        "with GoToSocial's 25 per URL",
      );
      assert.equal(
        countLikeMastodon(text, cw, { urlLength: 256 }),
        referenceCount(text, cw, 256),
        "with Hollo's 256 per URL",
      );
      assert.equal(
        countFor(text, cw, { kind: "pleroma" }),
        [
          ...new Intl.Segmenter().segment(
            (text + cw).replace(/^\p{White_Space}+|\p{White_Space}+$/gu, ""),
          ),
        ].length,
        "as Pleroma counts: String.length(String.trim(status <> summary))",
      );
    });
  }
});
