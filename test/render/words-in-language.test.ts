// The render room's own words come from the catalogues: in Arabic a toot's boost line, reply
// line, header marks, content warning, poll and media words are Arabic, with Arabic plurals,
// and the render cache never hands one language's lines to another.
import assert from "node:assert/strict";
import { afterEach, before, describe, test } from "node:test";
import type { mastodon } from "masto";
import { loadLanguage, setLocale } from "../../src/i18n/index.js";
import {
  pickTheme,
  RenderCache,
  type RenderOptions,
  renderNotificationSummary,
  renderProfile,
  renderStatus,
  stripAnsi,
} from "../../src/render/index.js";
import { makeAccount, makeStatus, NOW } from "./make-status.js";

// The Arabic catalogue loads when Arabic is chosen (as tootty does at start-up).
before(() => loadLanguage("ar"));

const opts: RenderOptions = { width: 100, theme: pickTheme("dark", 3), now: NOW };
const lines = (s: mastodon.v1.Status, over: Partial<RenderOptions> = {}) =>
  renderStatus(s, { ...opts, ...over }).map(stripAnsi);

const reply = makeStatus({
  id: "2",
  inReplyToId: "1",
  inReplyToAccountId: "200",
  mentions: [{ id: "200", acct: "bob", username: "bob", url: "https://home.example/@bob" }],
  editedAt: new Date(NOW - 60_000).toISOString(),
  visibility: "unlisted",
  poll: {
    id: "p",
    expired: false,
    expiresAt: new Date(NOW + 3 * 3_600_000).toISOString(),
    multiple: false,
    votesCount: 11,
    voted: true,
    ownVotes: [0],
    options: [
      { title: "شاي", votesCount: 6 },
      { title: "قهوة", votesCount: 5 },
    ],
    emojis: [],
  } as unknown as mastodon.v1.Poll,
  mediaAttachments: [
    { id: "m", type: "image", url: "https://x.example/a.png", description: null },
  ] as unknown as mastodon.v1.MediaAttachment[],
});
const boost = makeStatus({
  id: "3",
  account: makeAccount({ id: "300", displayName: "Sara", acct: "sara" }),
  reblog: reply,
});

describe("the render room's words", () => {
  afterEach(() => setLocale("en"));

  test("English, as before", () => {
    const text = lines(boost).join("\n");
    for (const words of [
      "Sara boosted",
      "replying to @bob",
      "· unlisted",
      "· edited",
      "11 votes · ends in 3h · you voted",
      "image · no description",
    ])
      assert.ok(text.includes(words), `${words} in:\n${text}`);
  });

  test("Arabic: every word of tootty's own, six plural forms", () => {
    setLocale("ar-EG");
    const text = lines(boost).join("\n");
    for (const words of [
      "أعاد Sara نشره",
      "ردًّا على @bob",
      "غير مدرج",
      "معدَّل",
      "١١ صوتًا",
      "ينتهي بعد ٣ س",
      "صوَّتَّ",
      "صورة",
      "بلا وصف",
    ])
      assert.ok(text.includes(words), `${words} in:\n${text}`);
    for (const english of ["boosted", "replying", "unlisted", "edited", "votes", "description"])
      assert.ok(!text.includes(english), `no "${english}" left:\n${text}`);
    const votes = (n: number) => {
      const s = makeStatus({ poll: { ...reply.poll!, votesCount: n, voted: false } });
      return lines(s)
        .find((l) => l.includes("ينتهي"))!
        .split(" · ")[0];
    };
    assert.deepEqual([0, 1, 2, 3, 11, 100].map(votes), [
      "لا أصوات",
      "صوت واحد",
      "صوتان",
      "٣ أصوات",
      "١١ صوتًا",
      "١٠٠ صوت",
    ]);
  });

  test("a content warning and what it hides, in Arabic", () => {
    setLocale("ar");
    const cw = makeStatus({
      spoilerText: "سياسة",
      mediaAttachments: reply.mediaAttachments,
      poll: reply.poll,
    });
    const text = lines(cw).join("\n");
    assert.ok(text.includes("تحذير: سياسة"), text);
    assert.ok(
      text.includes("[تحذير المحتوى: النص، مرفق واحد، الاستطلاع مخفية — افتحه للعرض]"),
      text,
    );
  });

  test("notifications and profiles, in Arabic", () => {
    setLocale("ar-EG");
    const n = {
      id: "n",
      type: "favourite",
      createdAt: new Date(NOW - 2 * 3_600_000).toISOString(),
      account: makeAccount(),
      status: makeStatus(),
    } as unknown as mastodon.v1.Notification;
    const others = [1, 2, 3, 4].map((i) => makeAccount({ id: `a${i}`, displayName: `P${i}` }));
    const summary = stripAnsi(renderNotificationSummary(n, opts, [makeAccount(), ...others]));
    assert.match(summary, /^٢ س Alice، P1 و٣ آخرين أُعجب بمنشورك: hello/);
    const profile = renderProfile(
      makeAccount({ statusesCount: 2, followingCount: 5, followersCount: 1 }),
      opts,
    ).map(stripAnsi);
    assert.equal(profile.at(-1), "منشوران · يتابع ٥ · متابِع واحد");
  });

  test("the cache keeps each language's lines apart", () => {
    const cache = new RenderCache();
    const english = cache.get(boost, opts).map(stripAnsi).join("\n");
    setLocale("ar");
    const arabic = cache.get(boost, opts).map(stripAnsi).join("\n");
    assert.notEqual(arabic, english);
    assert.ok(arabic.includes("أعاد Sara نشره"), arabic);
  });
});
