// The composer's count against each server software's own count, end to end over HTTP: the
// limits come from the simulated server (instance JSON and NodeInfo, as on a real login), a
// toot exactly at the server's limit posts, one character over is refused by tootty before
// posting, and the simulated server, enforcing the real software's rule, refuses it too in the
// software's own words.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { createRestClient, type RestClient } from "../../src/api/rest.js";
import { postingApi } from "../../src/api/statuses.js";
import { newDraft } from "../../src/compose/drafts.js";
import { checkDraft, pollLimitsOf, submitDraft } from "../../src/compose/post.js";
import {
  type DemoFlavourName,
  type DemoInstance,
  startDemoInstance,
} from "../../src/demo/index.js";

interface Case {
  name: string;
  /** At the server's limit by its own rule. */
  at: { text: string; spoiler?: string };
  /** One over it. */
  over: { text: string; spoiler?: string };
  /** The counter tootty shows for `over` ("used/max"). */
  counter: string;
  /** What the server answers to `over` when it is posted anyway; null: it takes it. */
  refusal: { status: number; words: RegExp } | null;
}

const FAMILY = "👨‍👩‍👧‍👦"; // 7 code points, 11 UTF-16 units, one grapheme cluster
const URL = "https://example.com/a/rather/long/path/that/goes/on";

const CASES: Record<DemoFlavourName, Case[]> = {
  mastodon: [
    {
      name: "a URL counts 23",
      at: { text: `${"a".repeat(476)} ${URL}` },
      over: { text: `${"a".repeat(477)} ${URL}` },
      counter: "501/500",
      refusal: { status: 422, words: /Text character limit of 500 exceeded/ },
    },
  ],
  gotosocial: [
    {
      name: "code points: a ZWJ family is seven",
      at: { text: `${FAMILY.repeat(714)}ab` },
      over: { text: `${FAMILY.repeat(714)}abc` },
      counter: "5001/5000",
      refusal: { status: 400, words: /status too long, 5001 characters provided/ },
    },
    {
      name: "a URL counts as written, not as the advertised 25",
      at: { text: `${"a".repeat(5000 - URL.length - 1)} ${URL}` },
      over: { text: `${"a".repeat(5000 - URL.length)} ${URL}` },
      counter: "5001/5000",
      refusal: { status: 400, words: /limit is 5000/ },
    },
  ],
  pleroma: [
    {
      name: "white space around text and CW is trimmed",
      at: { text: `\n${"é".repeat(4999)}`, spoiler: "x \n\n" },
      over: { text: `\n${"é".repeat(5000)}`, spoiler: "x \n\n" },
      counter: "5001/5000",
      refusal: { status: 422, words: /The status is over the character limit/ },
    },
    {
      name: "a URL and a remote mention count as written",
      at: { text: `@bob@remote.example ${URL} ${"a".repeat(5000 - 21 - URL.length)}` },
      over: { text: `@bob@remote.example ${URL} ${"a".repeat(5001 - 21 - URL.length)}` },
      counter: "5001/5000",
      refusal: { status: 422, words: /over the character limit/ },
    },
  ],
  hollo: [
    {
      name: "the advertised rule: a URL counts 256 (Hollo itself checks nothing)",
      at: { text: `${"a".repeat(10_000 - 257)} ${URL}` },
      over: { text: `${"a".repeat(10_001 - 257)} ${URL}` },
      counter: "10001/10000",
      refusal: null,
    },
  ],
  sharkey: [
    {
      name: "UTF-16 units: an emoji is two",
      at: { text: "😀".repeat(1500) },
      over: { text: `${"😀".repeat(1500)}a` },
      counter: "3001/3000",
      refusal: { status: 400, words: /MAX_LENGTH/ },
    },
    {
      name: "the CW has its own limit of 500",
      at: { text: "a".repeat(3000), spoiler: "w".repeat(500) },
      over: { text: "a".repeat(3000), spoiler: "w".repeat(501) },
      counter: "501/500",
      refusal: { status: 400, words: /MAX_CW_LENGTH/ },
    },
  ],
  snac: [
    {
      name: "the advertised rule: a URL counts 32 (snac itself checks nothing)",
      at: { text: `${"a".repeat(100_000 - 33)} ${URL}` },
      over: { text: `${"a".repeat(100_001 - 33)} ${URL}` },
      counter: "100001/100000",
      refusal: null,
    },
  ],
};

for (const [flavour, cases] of Object.entries(CASES) as [DemoFlavourName, Case[]][]) {
  describe(`posting at the limit on ${flavour}`, () => {
    let demo: DemoInstance;
    let rest: RestClient;
    before(async () => {
      demo = await startDemoInstance({ flavour, generate: false, seedCount: 3 });
      rest = createRestClient({ instanceUrl: demo.url, accessToken: demo.token });
      await rest.instance();
      await rest.software();
    });
    after(async () => {
      rest.close();
      await demo.close();
    });

    const postRaw = async (status: string, spoiler = "") => {
      const res = await fetch(`${demo.url}/api/v1/statuses`, {
        method: "POST",
        headers: { authorization: `Bearer ${demo.token}`, "content-type": "application/json" },
        body: JSON.stringify({ status, spoiler_text: spoiler }),
      });
      return { status: res.status, body: await res.text() };
    };

    for (const c of cases) {
      test(c.name, async () => {
        const limits = rest.profile.limits;
        const opts = { count: limits.count };
        const at = newDraft({ text: c.at.text, spoiler: c.at.spoiler ?? "" });
        assert.equal(
          checkDraft(at, limits.maxCharacters, opts),
          null,
          "at the limit: tootty lets it go",
        );
        const posted = await submitDraft(at, postingApi(rest), limits.maxCharacters, opts);
        assert.ok(posted.ok, `the server takes it: ${posted.ok ? "" : posted.message}`);

        const over = newDraft({ text: c.over.text, spoiler: c.over.spoiler ?? "" });
        const refused = checkDraft(over, limits.maxCharacters, opts);
        assert.equal(refused?.kind, "too-long", "one over: tootty refuses before posting");
        assert.ok(refused?.message.includes(c.counter), `${refused?.message} names ${c.counter}`);

        const direct = await postRaw(c.over.text, c.over.spoiler);
        if (c.refusal) {
          assert.equal(direct.status, c.refusal.status, direct.body);
          assert.match(direct.body, c.refusal.words);
        } else assert.equal(direct.status, 200, `${flavour} checks no length: ${direct.body}`);
      });
    }
  });
}

// A poll option the composer lets through must be one the server stores as it is.
const POLL_CASES: {
  flavour: DemoFlavourName;
  option: string;
  /** The other option, "no" unless given. */
  second?: string;
  refusal: { status: number; words: RegExp } | null;
}[] = [
  // Mastodon's PollOptionsValidator and Sharkey's uniqueItems refuse a repeated option.
  {
    flavour: "mastodon",
    option: "yes",
    second: "yes",
    refusal: { status: 422, words: /duplicate/ },
  },
  {
    flavour: "sharkey",
    option: "yes",
    second: "yes",
    refusal: { status: 400, words: /INVALID_PARAM/ },
  },
  // 8 grapheme clusters, 56 code points: GoToSocial counts runes against its 50.
  {
    flavour: "gotosocial",
    option: FAMILY.repeat(8),
    refusal: { status: 400, words: /poll option too long, 56 characters/ },
  },
  // 22 clusters, 154 code points against Sharkey's 150 (ajv's maxLength counts code points).
  {
    flavour: "sharkey",
    option: FAMILY.repeat(22),
    refusal: { status: 400, words: /INVALID_PARAM/ },
  },
  // 21 characters, 63 bytes: snac cuts at 60 bytes and adds "...", it refuses nothing.
  { flavour: "snac", option: "日本語".repeat(7), refusal: null },
];

for (const c of POLL_CASES) {
  test(`poll options ${JSON.stringify([c.option, c.second ?? "no"]).slice(0, 40)}… on ${c.flavour}: refused before posting`, async () => {
    const demo = await startDemoInstance({ flavour: c.flavour, generate: false, seedCount: 1 });
    const rest = createRestClient({ instanceUrl: demo.url, accessToken: demo.token });
    try {
      await rest.instance();
      await rest.software();
      const l = rest.profile.limits;
      const pollLimits = pollLimitsOf(l);
      const poll = { options: [c.option, c.second ?? "no"], expiresIn: 86_400, multiple: false };
      const draft = newDraft({ text: "which?", poll });
      const refused = checkDraft(draft, l.maxCharacters, { count: l.count, pollLimits });
      assert.equal(refused?.kind, "invalid-poll", `tootty refuses it: ${refused?.message}`);

      const res = await fetch(`${demo.url}/api/v1/statuses`, {
        method: "POST",
        headers: { authorization: `Bearer ${demo.token}`, "content-type": "application/json" },
        body: JSON.stringify({
          status: "which?",
          poll: { options: poll.options, expires_in: 86_400 },
        }),
      });
      const body = await res.text();
      if (c.refusal) {
        assert.equal(res.status, c.refusal.status, body);
        assert.match(body, c.refusal.words);
      } else {
        assert.equal(res.status, 200, body);
        const stored = (JSON.parse(body) as { poll: { options: { title: string }[] } }).poll;
        assert.notEqual(stored.options[0]?.title, c.option, "the server changed the option");
      }
    } finally {
      rest.close();
      await demo.close();
    }
  });
}
