// Property: for every server software tootty knows, the composer's count (with the rule tootty
// decides from that server's NodeInfo and instance JSON, read over HTTP) equals the simulated
// server's own count, and a poll option the composer lets through is one the server takes.
// Texts are drawn with a seeded generator from pieces that stress each rule: Arabic with
// harakat, Japanese, ZWJ sequences, flags, keycaps, skin tones, combining marks, URLs, remote
// mentions, white space of every kind around the text, CR LF and lone surrogates.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { createRestClient } from "../../src/api/rest.js";
import type { ServerLimits } from "../../src/api/server-profile.js";
import { countFor, spoilerOverLimit } from "../../src/compose/counter.js";
import { checkPoll, pollLimitsOf } from "../../src/compose/post.js";
import {
  DEMO_FLAVOURS,
  type DemoFlavourName,
  demoFlavour,
  startDemoInstance,
} from "../../src/demo/index.js";
import { pollOptions, SHARKEY_MAX_CW, serverLength } from "../../src/demo/length-rules.js";

const PIECES = [
  "hello",
  "مرحبا بالعالم",
  "كَتَبَ",
  "日本語のテキスト",
  "ｶﾞ",
  "👨‍👩‍👧‍👦",
  "🏳️‍🌈",
  "🇯🇵🇫🇷",
  "🇺",
  "1️⃣",
  "👋🏽",
  "e\u0301",
  "\u0301",
  "a\u0308\u0323",
  "\u200d",
  "\ufe0f",
  "\ud83d",
  "\r\n",
  "\n\n",
  "\t",
  "\u00a0",
  "\u3000",
  "\u2003",
  "\ufeff",
  " ",
  "@alice",
  "@bob@remote.example",
  "#タグ",
  "🙂",
  "x",
];
// URLs stay between spaces: where a URL ends beside other text is the twitter-text table's
// subject (counter-table.test.ts), not this one's.
const URLS = [
  "https://example.com",
  "https://example.com/a/long/path?q=1",
  "http://例え.jp/パス",
  "https://ar.wikipedia.org/wiki/عربي",
];

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function draw(next: () => number, most: number): string {
  let out = "";
  const n = Math.floor(next() * most);
  for (let i = 0; i < n; i++) {
    if (next() < 0.1) out += ` ${URLS[Math.floor(next() * URLS.length)]} `;
    else out += PIECES[Math.floor(next() * PIECES.length)];
  }
  return out;
}

const SEEDS = 400;

describe("the composer's count equals each server's own count", () => {
  const limits = new Map<DemoFlavourName, ServerLimits>();
  before(async () => {
    for (const flavour of DEMO_FLAVOURS) {
      const demo = await startDemoInstance({ flavour, generate: false, seedCount: 1 });
      const rest = createRestClient({ instanceUrl: demo.url, accessToken: demo.token });
      try {
        await rest.instance();
        await rest.software();
        limits.set(flavour, rest.profile.limits);
      } finally {
        rest.close();
        await demo.close();
      }
    }
  });
  after(() => limits.clear());

  for (const name of DEMO_FLAVOURS) {
    test(`${name}: ${SEEDS} seeded texts with CWs`, () => {
      const flavour = demoFlavour(name);
      const rule = limits.get(name)?.count;
      assert.ok(rule, "limits read from the server");
      for (let seed = 1; seed <= SEEDS; seed++) {
        const next = rng(seed);
        const text = draw(next, 40);
        const spoiler = next() < 0.5 ? draw(next, 8) : "";
        assert.equal(
          countFor(text, spoiler, rule),
          serverLength(flavour, text, spoiler),
          `seed ${seed}: ${JSON.stringify([text, spoiler])}`,
        );
      }
    });
  }

  test("Sharkey's CW limit: the composer refuses exactly the CWs the server refuses", () => {
    const rule = limits.get("sharkey")?.count;
    assert.ok(rule);
    for (let seed = 1; seed <= SEEDS; seed++) {
      const next = rng(seed);
      let cw = "";
      while (cw.length < 480) cw += draw(next, 20);
      assert.equal(
        spoilerOverLimit(cw, rule) !== null,
        cw.length > SHARKEY_MAX_CW,
        `seed ${seed}: ${cw.length} UTF-16 units`,
      );
    }
  });

  for (const name of DEMO_FLAVOURS) {
    test(`${name}: a poll option the composer takes is one the server takes as it is`, () => {
      const flavour = demoFlavour(name);
      const l = limits.get(name);
      assert.ok(l);
      const pollLimits = pollLimitsOf(l);
      const expiresIn = Math.max(l.pollMinExpiration, 3600);
      let taken = 0;
      for (let seed = 1; seed <= SEEDS; seed++) {
        const next = rng(seed);
        let option = "";
        // Near the limit: the characters one, or snac's bytes (a piece here is 1 to 4 a code point).
        const cap = l.pollMaxBytesPerOption
          ? Math.floor(l.pollMaxBytesPerOption / 2)
          : l.pollMaxCharactersPerOption;
        const want = cap - 8 + Math.floor(next() * 12);
        while ([...option].length < want) option += draw(next, 4) || "x";
        const options = [option, `other ${seed}`];
        const composer = checkPoll({ options, expiresIn, multiple: false }, pollLimits, l.count);
        if (composer !== null) continue;
        taken++;
        const server = pollOptions(flavour, options);
        assert.deepEqual(
          server,
          options,
          `seed ${seed}: ${JSON.stringify(option)} passed the composer; the server ${Array.isArray(server) ? "changed it" : "refused it"}`,
        );
      }
      assert.ok(taken > SEEDS / 10, `${taken} of ${SEEDS} options under the limit`);
    });
  }
});
