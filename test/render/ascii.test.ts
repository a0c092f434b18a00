import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { mastodon } from "masto";
import {
  cellWidth,
  foldToAscii,
  pickTheme,
  RenderCache,
  type RenderOptions,
  renderNotificationSummary,
  renderProfile,
  renderStatus,
  stripAnsi,
} from "../../src/render/index.js";
import { makeAccount, makeStatus, NOW } from "./make-status.js";

const ASCII_LINE = /^[\x20-\x7e]*$/;
const opts = (over: Partial<RenderOptions> = {}): RenderOptions => ({
  width: 60,
  theme: pickTheme("dark", 3),
  now: NOW,
  unicode: false,
  ...over,
});

const everything = makeStatus({
  account: makeAccount({ displayName: "Zoë 漢字 😀", bot: true }),
  content:
    '<p>“quoted” café — naïve 漢字 😀 <a href="https://example.com/a/very/long/path"><span class="invisible">https://</span>' +
    '<span class="ellipsis">example.com/a/very</span><span class="invisible">/long/path</span></a></p>' +
    "<blockquote><p>quoted</p></blockquote><ul><li>one</li></ul><pre>x → y</pre>",
  inReplyToId: "5",
  inReplyToAccountId: "9",
  editedAt: new Date(NOW).toISOString(),
  spoilerText: "spoiler ☁️",
  sensitive: true,
  mediaAttachments: [
    { id: "m", type: "image", description: "a cat 🐈" } as mastodon.v1.MediaAttachment,
  ],
  poll: {
    id: "p",
    expired: false,
    multiple: false,
    voted: true,
    ownVotes: [0],
    votesCount: 3,
    expiresAt: new Date(NOW + 7_200_000).toISOString(),
    options: [
      { title: "thé", votesCount: 2 },
      { title: "coffee", votesCount: 1 },
    ],
  } as unknown as mastodon.v1.Poll,
  card: { url: "https://news.example/x", title: "Naïve — news" } as mastodon.v1.PreviewCard,
  favourited: true,
  reblogsCount: 2,
});
const boosted = {
  ...everything,
  id: "w",
  reblog: everything,
  account: makeAccount({ displayName: "Bö" }),
} as mastodon.v1.Status;

describe("ASCII fallback (unicode: false, e.g. LANG=C)", () => {
  test("every line of every kind of toot is printable ASCII and fits, at every width", () => {
    for (let width = 8; width <= 100; width++) {
      for (const expanded of [false, true]) {
        for (const line of renderStatus(boosted, opts({ width, expanded }))) {
          const plain = stripAnsi(line);
          assert.match(plain, ASCII_LINE, `width ${width}: ${JSON.stringify(plain)}`);
          assert.ok(cellWidth(line) <= width, `too wide at ${width}: ${plain}`);
        }
      }
    }
  });

  test("the renderer's own symbols become readable ASCII", () => {
    const text = renderStatus(boosted, opts({ width: 70, expanded: true })).map(stripAnsi);
    assert.equal(text[0], ">> Bo boosted");
    assert.match(text[1]!, /^Zoe \?\?\?\? \?\? @alice@home\.example \[bot\] - 5m - edited$/);
    assert.equal(text[2], "-> in reply");
    assert.ok(text.includes("| quoted"), "quote bar");
    assert.ok(text.includes("* one"), "list bullet");
    assert.ok(text.includes("  x ? y"), "code folded");
    assert.ok(
      text.some((l) => /^\(\*\) the +#+\.* +67%$/.test(l)),
      "own poll vote",
    );
    assert.ok(
      text.some((l) => /^\( \) coffee +#+\.* +33%$/.test(l)),
      "other poll option",
    );
    assert.ok(text.includes("+ image - sensitive - a cat ??"), "media line");
    assert.ok(text.includes("> Naive - news - news.example"), "card line");
    assert.equal(text.at(-1), "re 0  rt 2  FAV 0  favourited");
  });

  test("server text keeps its letters where it can: accents dropped, quotes and dashes plain", () => {
    const line = renderStatus(everything, opts({ width: 80, expanded: true }))
      .map(stripAnsi)
      .find((l) => l.includes("cafe"));
    assert.equal(line, '"quoted" cafe - naive ???? ?? example.com/a/very...');
  });

  test("folding keeps every cell: wide characters become one ? per cell", () => {
    for (const s of ["漢字", "😀", "👨‍👩‍👧", "e\u0301", "مرحبا\u200e", "Grüße", "a\u200bb"]) {
      assert.equal(cellWidth(foldToAscii(s)), cellWidth(s), s);
      assert.match(foldToAscii(s), ASCII_LINE);
    }
    assert.equal(foldToAscii("漢字"), "????");
    assert.equal(foldToAscii("Grüße"), "Gru?e");
  });

  test("a CW notice, a notification summary and a profile are ASCII too", () => {
    const cw = renderStatus(everything, opts({ width: 60 })).map(stripAnsi);
    assert.ok(cw.includes("[CW: text, 1 media, poll hidden - expand to show]"), cw.join("\n"));
    const note = renderNotificationSummary(
      {
        id: "n",
        type: "severed_relationships",
        createdAt: new Date(NOW).toISOString(),
        account: makeAccount({ displayName: "Zoë" }),
      } as unknown as mastodon.v1.Notification,
      opts(),
    );
    assert.match(stripAnsi(note), ASCII_LINE);
    const profile = renderProfile(
      makeAccount({
        displayName: "Zoë",
        note: "<p>bio — ☕</p>",
        fields: [{ name: "web", value: "<p>zoë.example</p>", verifiedAt: "2026-01-01" }],
        statusesCount: 1,
      }),
      { width: 40, theme: pickTheme("dark", 3), unicode: false },
    ).map(stripAnsi);
    assert.ok(
      profile.every((l) => ASCII_LINE.test(l)),
      profile.join("\n"),
    );
    assert.ok(
      profile.some((l) => l.endsWith("zoe.example (verified)")),
      profile.join("\n"),
    );
  });

  test("the cache keeps Unicode and ASCII renderings apart", () => {
    const cache = new RenderCache();
    const unicode = cache.get(everything, opts({ unicode: true }));
    const ascii = cache.get(everything, opts({ unicode: false }));
    assert.notDeepEqual(unicode, ascii);
    assert.ok(ascii.every((l) => ASCII_LINE.test(stripAnsi(l))));
    assert.ok(unicode.some((l) => stripAnsi(l).includes("★")));
  });
});
