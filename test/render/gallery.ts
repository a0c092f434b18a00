// Shows every kind of toot the renderer knows, in this terminal, for eyeballing.
// Usage: node --import tsx test/render/gallery.ts [width] [dark|light|mono] [expanded]
import type { mastodon } from "masto";
import {
  hyperlinksSupported,
  padToWidth,
  pickTheme,
  renderNotificationSummary,
  renderStatus,
} from "../../src/render/index.js";
import { fixtureNotification, fixtureStatuses } from "./fixtures.js";
import { filterResult, makeAccount, makeStatus, NOW } from "./make-status.js";

const width = Number(process.argv[2] ?? 72);
const theme = pickTheme(process.argv[3] ?? "dark");
const expanded = process.argv[4] === "expanded";

const original = makeStatus({
  id: "g1",
  account: makeAccount({
    displayName: "Ada :verified:",
    emojis: [{ shortcode: "verified", url: "", staticUrl: "", visibleInPicker: true }],
  }),
  content:
    '<p>Hello <span class="h-card"><a class="u-url mention" href="https://other.example/@bob">@<span>bob</span></a></span>! ' +
    '<strong>Bold</strong>, <em>italic</em>, <del>struck</del>, <code>inline()</code> and <a class="mention hashtag" href="https://home.example/tags/tootty">#<span>tootty</span></a> :verified:</p>' +
    '<p><a href="https://example.com/a/long/path/to/a/page"><span class="invisible">https://</span><span class="ellipsis">example.com/a/long/path/to/a</span><span class="invisible">/page</span></a> ' +
    'and a lying link <a href="https://evil.example/">https://bank.example</a></p>' +
    "<ul><li>one</li><li>two</li></ul><ol><li>first</li><li>second</li></ol>" +
    "<blockquote><p>a quote</p></blockquote><pre><code>const x = 1;\nconsole.log(x);</code></pre>",
  emojis: [{ shortcode: "verified", url: "", staticUrl: "", visibleInPicker: true }],
  mentions: [
    { id: "2", username: "bob", acct: "bob@other.example", url: "https://other.example/@bob" },
  ],
  mediaAttachments: [
    { id: "m1", type: "image", description: "A cat on a keyboard" },
    { id: "m2", type: "video", description: null },
  ] as mastodon.v1.MediaAttachment[],
  card: {
    url: "https://news.example/story",
    title: "A story about terminals",
  } as mastodon.v1.PreviewCard,
  repliesCount: 3,
  reblogsCount: 5,
  favouritesCount: 8,
  favourited: true,
  bookmarked: true,
  editedAt: new Date(NOW - 60_000).toISOString(),
});

const gallery: Array<[string, mastodon.v1.Status]> = [
  ["everything in the body", original],
  [
    "a boost",
    makeStatus({
      id: "g2",
      account: makeAccount({ id: "7", displayName: "Bob", acct: "bob@other.example" }),
      reblog: original,
      reblogged: true,
    }),
  ],
  [
    "a reply",
    makeStatus({
      id: "g3",
      inReplyToId: "1",
      inReplyToAccountId: "2",
      mentions: original.mentions,
      content: '<p><a class="u-url mention" href="https://other.example/@bob">@bob</a> agreed</p>',
    }),
  ],
  [
    "a CW",
    makeStatus({
      id: "g4",
      spoilerText: "food, spoilers",
      sensitive: true,
      content: "<p>soup</p>",
      mediaAttachments: original.mediaAttachments,
    }),
  ],
  ["filtered: warn", makeStatus({ id: "g5", filtered: [filterResult("warn", "politics")] })],
  [
    "filtered: blur",
    makeStatus({
      id: "g6",
      filtered: [filterResult("blur", "cats")],
      mediaAttachments: original.mediaAttachments,
    }),
  ],
  [
    "bot, locked, followers-only",
    makeStatus({
      id: "g7",
      account: makeAccount({ bot: true, locked: true }),
      visibility: "private",
    }),
  ],
  [
    "a poll",
    makeStatus({
      id: "g8",
      content: "<p>Tea or coffee?</p>",
      poll: {
        id: "p",
        expired: false,
        multiple: false,
        voted: true,
        ownVotes: [0],
        votesCount: 12,
        expiresAt: new Date(NOW + 7_200_000).toISOString(),
        options: [
          { title: "tea", votesCount: 7, emojis: [] },
          { title: "coffee", votesCount: 5, emojis: [] },
        ],
        emojis: [],
      } as unknown as mastodon.v1.Poll,
    }),
  ],
  [
    "scripts: Arabic, CJK, emoji",
    makeStatus({
      id: "g9",
      account: makeAccount({ displayName: "محمد 🌙" }),
      content: "<p>مرحبا بالعالم 🎉 今日はいい天気ですね ☁️ 👨‍👩‍👧 🇫🇷 한국어</p>",
    }),
  ],
  [
    "hostile",
    makeStatus({
      id: "g10",
      account: makeAccount({ displayName: "evil\u202Eeman\x1b]0;pwned\x07" }),
      content: "<p>\x1b[2J\u009b31m clipboard\x1b]52;c;aGk=\x07 gone</p>",
    }),
  ],
];

const hyperlinks = hyperlinksSupported();
for (const [title, status] of gallery) {
  process.stdout.write(`\n── ${title} ${"─".repeat(Math.max(0, width - title.length - 4))}\n`);
  for (const line of renderStatus(status, { width, theme, now: NOW, expanded, hyperlinks })) {
    process.stdout.write(`${padToWidth(line, width)}│\n`);
  }
}
process.stdout.write(`\n── docs fixtures ${"─".repeat(Math.max(0, width - 17))}\n`);
for (const { status } of fixtureStatuses()) {
  for (const line of renderStatus(status, { width, theme, now: NOW, expanded, hyperlinks })) {
    process.stdout.write(`${padToWidth(line, width)}│\n`);
  }
  process.stdout.write("\n");
}
process.stdout.write(
  `${renderNotificationSummary(fixtureNotification(), { width, theme, now: NOW })}\n`,
);
