import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { type ApiStatus, type DemoInstance, startDemoInstance } from "../../src/demo/index.js";
import { auth, getJson, linkTarget } from "./support.js";

async function everything(demo: DemoInstance, path: string): Promise<ApiStatus[]> {
  const out: ApiStatus[] = [];
  let url: string | null = `${demo.url}${path}${path.includes("?") ? "&" : "?"}limit=40`;
  while (url) {
    const res = await fetch(url, { headers: auth(demo) });
    out.push(...((await res.json()) as ApiStatus[]));
    url = linkTarget(res.headers, "next");
  }
  return out;
}

describe("seeded content is realistic and varied", () => {
  let demo: DemoInstance;
  let all: ApiStatus[];
  before(async () => {
    demo = await startDemoInstance({ generate: false });
    const home = await everything(demo, "/api/v1/timelines/home");
    const pub = await everything(demo, "/api/v1/timelines/public");
    const byId = new Map([...home, ...pub].map((s) => [s.id, s]));
    all = [...byId.values()];
  });
  after(() => demo.close());

  const originals = () => all.map((s) => s.reblog ?? s);

  test("each public timeline holds about seedCount statuses", async () => {
    assert.ok((await everything(demo, "/api/v1/timelines/public?local=true")).length >= 150);
    assert.ok((await everything(demo, "/api/v1/timelines/public?remote=true")).length >= 150);
  });

  test("local accounts are bare usernames; remote ones carry their .example server", () => {
    const accts = new Set(all.map((s) => s.account.acct));
    assert.ok([...accts].some((a) => !a.includes("@")));
    assert.ok([...accts].filter((a) => a.includes("@")).every((a) => a.endsWith(".example")));
  });

  test("boosts wrap the original; replies point at their parent and its author", () => {
    const boost = all.find((s) => s.reblog !== null);
    assert.ok(boost);
    assert.equal(boost.content, "");
    assert.notEqual(boost.reblog!.id, boost.id);
    const reply = all.find((s) => s.in_reply_to_id !== null);
    assert.ok(reply?.in_reply_to_account_id);
  });

  test("mentions, hashtags and long links use Mastodon's markup", () => {
    const html = originals()
      .map((s) => s.content)
      .join("\n");
    assert.match(
      html,
      /<span class="h-card" translate="no"><a href="https:\/\/[^"]+\/@\w+" class="u-url mention">@<span>\w+<\/span><\/a><\/span>/,
    );
    assert.match(
      html,
      /<a href="https:\/\/[^"]+\/tags\/\w+" class="mention hashtag" rel="tag">#<span>\w+<\/span><\/a>/,
    );
    assert.match(
      html,
      /rel="nofollow noopener" target="_blank"><span class="invisible">https:\/\/(www\.)?<\/span><span class="ellipsis">[^<]{30}<\/span><span class="invisible">[^<]+<\/span><\/a>/,
    );
    const withTags = originals().find((s) => s.tags.length > 0);
    assert.ok(withTags?.tags[0]?.url.includes("/tags/"));
    const withMention = originals().find((s) => s.mentions.length > 0);
    assert.ok(withMention?.mentions[0]?.acct);
  });

  test("there are CWs, polls of every shape, cards, custom emoji and edits", () => {
    const list = originals();
    assert.ok(list.some((s) => s.spoiler_text !== "" && s.sensitive));
    const polls = list.map((s) => s.poll).filter((p) => p !== null);
    assert.ok(polls.some((p) => p.multiple));
    assert.ok(polls.some((p) => !p.multiple));
    assert.ok(polls.some((p) => p.expired));
    assert.ok(polls.some((p) => p.voted && (p.own_votes?.length ?? 0) > 0));
    assert.ok(list.some((s) => s.card?.url.startsWith("https://")));
    assert.ok(list.some((s) => s.emojis.some((e) => s.content.includes(`:${e.shortcode}:`))));
    assert.ok(all.some((s) => s.account.emojis.length > 0 && s.account.display_name.includes(":")));
    assert.ok(list.some((s) => s.edited_at !== null));
  });

  test("media come as image, video, gifv and audio, with and without alt text", () => {
    const media = originals().flatMap((s) => s.media_attachments);
    for (const type of ["image", "video", "gifv", "audio"])
      assert.ok(
        media.some((m) => m.type === type),
        type,
      );
    assert.ok(media.some((m) => m.description === null));
    assert.ok(media.some((m) => m.description !== null));
    assert.ok(originals().some((s) => s.sensitive && s.media_attachments.length > 0));
  });

  test("scripts and languages vary: Arabic, Hebrew, Japanese, Chinese, ZWJ emoji", () => {
    const list = originals();
    for (const lang of ["ar", "he", "ja", "zh", "en"])
      assert.ok(
        list.some((s) => s.language === lang),
        lang,
      );
    assert.ok(list.some((s) => s.language === null));
    assert.ok(list.some((s) => s.content.includes("\u200d")));
    assert.ok(all.some((s) => s.account.bot));
    assert.ok(all.some((s) => s.visibility === "unlisted" || s.visibility === "private"));
  });

  test("a small share is hostile: escape sequences in a CW, C1 controls in a URL, bidi overrides", () => {
    const list = originals();
    assert.ok(list.some((s) => s.spoiler_text.includes("\u001b]")));
    assert.ok(list.some((s) => s.content.includes("\u009b")));
    assert.ok(list.some((s) => s.content.includes("\u202e")));
    const hostile = list.filter((s) => /[\u001b\u009b\u202e]/.test(s.content + s.spoiler_text));
    assert.ok(hostile.length < list.length / 10);
  });

  test("the demo user's filters mark statuses the way Mastodon does: warn, blur, home only", () => {
    const filtered = originals().filter((s) => (s.filtered ?? []).length > 0);
    const byAction = (action: string) =>
      filtered.filter((s) => s.filtered!.some((r) => r.filter.filter_action === action));
    const warn = byAction("warn").find((s) => s.content.includes("election"));
    assert.ok(warn, "a warn-filtered status");
    const result = warn.filtered![0]!;
    assert.equal(result.filter.title, "Politics");
    assert.deepEqual(result.keyword_matches, ["election"]);
    assert.equal(result.status_matches, null);
    assert.ok(result.filter.context.includes("home") && result.filter.context.includes("public"));
    assert.ok(Array.isArray(result.filter.keywords) && result.filter.expires_at === null);

    const blur = byAction("blur")[0];
    assert.ok(blur, "a blur-filtered status");
    assert.ok(blur.media_attachments.length > 0, "blur hides media, so it has some");

    const homeOnly = filtered.find((s) =>
      s.filtered!.some((r) => r.filter.context.length === 1 && r.filter.context[0] === "home"),
    );
    assert.ok(homeOnly, "a filter that applies in home only");

    assert.ok(
      filtered.every((s) => s.account.acct !== "demo"),
      "your own posts are never filtered",
    );
    assert.ok(filtered.length < originals().length / 10, "filtered posts are the exception");
  });

  test("quote posts: one shows the quoted status, one says it was deleted; both carry the RE: fallback", () => {
    const quotes = originals().filter((s) => s.quote);
    const shown = quotes.find((s) => s.quote!.state === "accepted");
    assert.ok(shown?.quote?.quoted_status, "an accepted quote with its status");
    assert.notEqual(shown.quote.quoted_status.account.id, shown.account.id);
    assert.ok(shown.content.includes('<p class="quote-inline">RE: <a href="'));
    assert.ok(shown.content.includes(shown.quote.quoted_status.url!));
    const gone = quotes.find((s) => s.quote!.state === "deleted");
    assert.ok(gone, "a quote whose quoted post was deleted");
    assert.equal(gone.quote!.quoted_status, null);
  });

  test("readers who are not signed in get no filter results", async () => {
    const res = await fetch(`${demo.url}/api/v1/timelines/public?limit=40`);
    const body = (await res.json()) as ApiStatus[];
    assert.ok(body.length > 0);
    assert.ok(body.every((s) => !("filtered" in s)));
  });
});

describe("the seed decides the content", () => {
  test("the same seed (and clock) gives the same statuses; another seed gives others", async () => {
    const contents = async (seed: number) => {
      // A fixed clock too: ids are snowflakes of the creation time, and a quote's RE: link names one.
      const demo = await startDemoInstance({
        generate: false,
        seed,
        seedCount: 30,
        now: () => Date.parse("2026-03-10T12:00:00Z"),
      });
      try {
        const { body } = await getJson<ApiStatus[]>(demo, "/api/v1/timelines/public?limit=40");
        return body.map((s) => `${s.account.acct} ${s.content} ${s.spoiler_text}`);
      } finally {
        await demo.close();
      }
    };
    const a = await contents(7);
    assert.deepEqual(await contents(7), a);
    assert.notDeepEqual(await contents(8), a);
  });
});

describe("the live generator", () => {
  test("posts new statuses on its own every few (here: tens of) milliseconds", async () => {
    const demo = await startDemoInstance({ seedCount: 5, generate: { intervalMs: 15 } });
    try {
      const { body: first } = await getJson<ApiStatus[]>(demo, "/api/v1/timelines/public?limit=1");
      const start = first[0]!.id;
      const deadline = Date.now() + 3000;
      let newer: ApiStatus[] = [];
      while (newer.length < 3 && Date.now() < deadline) {
        newer = (await getJson<ApiStatus[]>(demo, `/api/v1/timelines/public?min_id=${start}`)).body;
      }
      assert.ok(newer.length >= 3);
      demo.control.setGenerator(false);
    } finally {
      await demo.close();
    }
  });
});
