import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { mastodon } from "masto";
import {
  cellWidth,
  pickTheme,
  RenderCache,
  type RenderOptions,
  renderStatus,
  stripAnsi,
} from "../../src/render/index.js";
import { filterResult, makeAccount, makeStatus, NOW } from "./make-status.js";

const opts = (over: Partial<RenderOptions> = {}): RenderOptions => ({
  width: 60,
  theme: pickTheme("dark", 3),
  now: NOW,
  ...over,
});
const text = (s: mastodon.v1.Status, over: Partial<RenderOptions> = {}) =>
  renderStatus(s, opts(over)).map(stripAnsi);

describe("status body", () => {
  test("keeps paragraphs, line breaks, emphasis, lists, quotes and code blocks", () => {
    const s = makeStatus({
      content:
        "<p>one<br>two <strong>bold</strong> <em>it</em> <del>gone</del> <code>x()</code></p>" +
        '<ul><li>apple</li><li>pear</li></ul><ol start="3"><li>third</li><li>fourth</li></ol>' +
        "<blockquote><p>quoted words</p></blockquote><pre><code>if (a) {\n  b();\n}</code></pre>",
    });
    const body = text(s).slice(1, -1);
    assert.deepEqual(body, [
      "one",
      "two bold it gone x()",
      "",
      "• apple",
      "• pear",
      "",
      "3. third",
      "4. fourth",
      "",
      "│ quoted words",
      "",
      "  if (a) {",
      "    b();",
      "  }",
    ]);
  });

  test("shows emphasis with markers when there is no colour at all", () => {
    const s = makeStatus({
      content: "<p><strong>big</strong> <em>slant</em> <del>old</del> <code>c</code></p>",
    });
    const lines = renderStatus(s, opts({ theme: pickTheme("mono", 0) }));
    assert.equal(lines[1], "*big* _slant_ ~old~ `c`");
    assert.ok(
      lines.every((l) => !l.includes("\x1b")),
      "no escape codes at colour level 0",
    );
  });

  test("mentions are @user, and @user@domain when expanded; never a mailto link", () => {
    const s = makeStatus({
      content:
        '<p><span class="h-card"><a href="https://other.example/@bob" class="u-url mention">@<span>bob</span></a></span> ' +
        '<span class="h-card"><a href="https://home.example/@carol" class="u-url mention">@<span>carol</span></a></span> hi, mail bob@other.example</p>',
      mentions: [
        { id: "2", username: "bob", acct: "bob@other.example", url: "https://other.example/@bob" },
        { id: "3", username: "carol", acct: "carol", url: "https://home.example/@carol" },
      ],
    });
    assert.equal(text(s)[1], "@bob @carol hi, mail bob@other.example");
    assert.equal(text(s, { expanded: true })[1], "@bob@other.example @carol@home.example hi, mail");
    const withLinks = renderStatus(s, opts({ hyperlinks: true })).join("\n");
    assert.ok(!withLinks.includes("mailto:"));
  });

  test("long links show their visible middle with an ellipsis", () => {
    const s = makeStatus({
      content:
        '<p><a href="https://example.com/a/very/long/path/that/goes/on"><span class="invisible">https://</span>' +
        '<span class="ellipsis">example.com/a/very/long/pa</span><span class="invisible">th/that/goes/on</span></a></p>',
    });
    assert.equal(text(s)[1], "example.com/a/very/long/pa…");
  });

  test("a link whose text names another site shows the real domain next to it", () => {
    const s = makeStatus({
      content: '<p><a href="https://evil.example/login">https://bank.example</a></p>',
    });
    assert.equal(text(s)[1], "https://bank.example (evil.example)");
    const idn = makeStatus({ content: '<p><a href="https://аpple.com/">apple.com</a></p>' });
    assert.equal(text(idn)[1], "apple.com (xn--pple-43d.com)");
  });

  test("OSC 8 hyperlinks appear only when asked for, built from the parsed URL", () => {
    const s = makeStatus({ content: '<p><a href="https://example.com/x">example.com/x</a></p>' });
    assert.ok(!renderStatus(s, opts()).join("").includes("\x1b]8;"));
    const linked = renderStatus(s, opts({ hyperlinks: true }))[1]!;
    assert.ok(linked.includes("\x1b]8;;https://example.com/x\x1b\\"));
    assert.ok(linked.endsWith("\x1b]8;;\x1b\\"));
    const js = makeStatus({ content: '<p><a href="javascript:alert(1)">click</a></p>' });
    assert.ok(
      !renderStatus(js, opts({ hyperlinks: true }))
        .join("")
        .includes("\x1b]8;"),
    );
  });

  test("custom emoji show as :shortcode: in their own style", () => {
    const s = makeStatus({
      content: "<p>party :blobcat: time :unknown:</p>",
      emojis: [{ shortcode: "blobcat", url: "", staticUrl: "", visibleInPicker: true }],
    });
    const line = renderStatus(s, opts())[1]!;
    assert.equal(stripAnsi(line), "party :blobcat: time :unknown:");
    assert.ok(line.includes("\x1b[33m:blobcat:"), "known emoji is coloured");
    assert.ok(!line.includes("\x1b[33m:unknown:"), "unknown shortcode is plain text");
  });

  test("code blocks keep tab indentation and hard-wrap long lines", () => {
    const s = makeStatus({
      content: `<pre><code>if (x) {\n\treturn ${"y".repeat(30)};\n}</code></pre>`,
    });
    assert.deepEqual(text(s, { width: 24 }).slice(1, -1), [
      "  if (x) {",
      `      return ${"y".repeat(11)}`,
      `  ${"y".repeat(19)};`,
      "  }",
    ]);
  });

  test("hard-breaks a word longer than the line", () => {
    const s = makeStatus({ content: `<p>${"x".repeat(45)}</p>` });
    assert.deepEqual(text(s, { width: 20 }).slice(1, 4), [
      "x".repeat(20),
      "x".repeat(20),
      "x".repeat(5),
    ]);
  });
});

describe("status frame", () => {
  test("header has name, acct, relative time, visibility, edited, bot and locked marks", () => {
    const s = makeStatus({
      account: makeAccount({ bot: true, locked: true }),
      visibility: "private",
      editedAt: new Date(NOW).toISOString(),
    });
    assert.equal(text(s)[0], "Alice @alice [bot] [locked] · 5m · followers · edited");
  });

  test("a pinned toot says so in its header, and pinning it changes the cached lines", () => {
    const s = makeStatus({ pinned: true });
    assert.equal(text(s)[0], "Alice @alice · 5m · pinned");
    const cache = new RenderCache();
    const o = opts();
    const unpinned = cache.get({ ...s, pinned: false }, o);
    assert.notDeepEqual(cache.get(s, o), unpinned);
  });

  test("a boost names the booster above the original, and shows the original's content", () => {
    const original = makeStatus({ id: "9", content: "<p>original words</p>" });
    const boost = makeStatus({
      id: "10",
      account: makeAccount({ id: "7", displayName: "Bob", acct: "bob" }),
      reblog: original,
      content: "",
    });
    assert.deepEqual(text(boost).slice(0, 3), [
      "↻ Bob boosted",
      "Alice @alice · 5m",
      "original words",
    ]);
  });

  test("a reply says whom it answers", () => {
    const s = makeStatus({
      inReplyToId: "5",
      inReplyToAccountId: "2",
      mentions: [
        { id: "2", username: "bob", acct: "bob@other.example", url: "https://other.example/@bob" },
      ],
    });
    assert.equal(text(s)[1], "↳ replying to @bob");
    assert.equal(text(s, { expanded: true })[1], "↳ replying to @bob@other.example");
  });

  test("a CW hides the body, media and poll until expanded", () => {
    const s = makeStatus({
      spoilerText: "food",
      content: "<p>secret soup</p>",
      mediaAttachments: [
        { id: "m", type: "image", description: "soup" } as mastodon.v1.MediaAttachment,
      ],
    });
    const collapsed = text(s).join("\n");
    assert.match(collapsed, /CW: food/);
    assert.match(collapsed, /hidden/);
    assert.doesNotMatch(collapsed, /secret soup|soup$/m);
    const open = text(s, { expanded: true }).join("\n");
    assert.match(open, /CW: food\nsecret soup/);
    assert.match(open, /▪ image · soup/);
  });

  test("filters: hide shows nothing, warn collapses behind the title, blur hides media", () => {
    const media = [{ id: "m", type: "image", description: "a cat" } as mastodon.v1.MediaAttachment];
    assert.deepEqual(renderStatus(makeStatus({ filtered: [filterResult("hide")] }), opts()), []);
    const warned = text(makeStatus({ filtered: [filterResult("warn", "politics")] }));
    assert.deepEqual(warned, ["Filtered: politics — expand to show"]);
    const unknown = text(makeStatus({ filtered: [filterResult("banish", "future")] }));
    assert.deepEqual(unknown, ["Filtered: future — expand to show"], "unknown actions act as warn");
    const shown = text(makeStatus({ filtered: [filterResult("warn", "politics")] }), {
      expanded: true,
    });
    assert.ok(shown.includes("hello"));
    const blurred = text(
      makeStatus({ mediaAttachments: media, filtered: [filterResult("blur", "cats")] }),
    ).join("\n");
    assert.match(blurred, /1 media hidden by filter: cats/);
    assert.doesNotMatch(blurred, /a cat/);
    // Opening the toot (s) reveals what the filter blurred.
    const revealed = text(
      makeStatus({ mediaAttachments: media, filtered: [filterResult("blur", "cats")] }),
      { expanded: true },
    ).join("\n");
    assert.match(revealed, /a cat/);
  });

  test("filters apply only in their contexts", () => {
    const s = makeStatus({ filtered: [filterResult("hide", "x", ["notifications"])] });
    assert.deepEqual(renderStatus(s, opts({ context: "home" })).length > 0, true);
    assert.deepEqual(renderStatus(s, opts({ context: "notifications" })), []);
  });

  test("polls show bars, percentages, own votes and state", () => {
    const poll = {
      id: "p",
      expiresAt: new Date(NOW + 3 * 3_600_000).toISOString(),
      expired: false,
      multiple: true,
      votesCount: 10,
      votersCount: 8,
      voted: true,
      ownVotes: [1],
      options: [
        { title: "tea", votesCount: 6, emojis: [] },
        { title: "coffee", votesCount: 4, emojis: [] },
      ],
      emojis: [],
    } as mastodon.v1.Poll;
    const lines = text(makeStatus({ poll }), { width: 40 });
    assert.deepEqual(lines.slice(2, 5), [
      "□ tea                    ████████░░  75%",
      "■ coffee                 █████░░░░░  50%",
      "10 votes · multiple choice · ends in 3h…",
    ]);
    const closed = text(
      makeStatus({ poll: { ...poll, expired: true, voted: false, ownVotes: [] } }),
      { width: 60 },
    );
    assert.equal(closed[4], "10 votes · multiple choice · closed");
  });

  test("media list shows type, alt text or 'no description', and the sensitive mark", () => {
    const s = makeStatus({
      sensitive: true,
      mediaAttachments: [
        { id: "1", type: "image", description: "a dog" },
        { id: "2", type: "video", description: null },
      ] as mastodon.v1.MediaAttachment[],
    });
    const lines = text(s, { expanded: true });
    assert.ok(lines.includes("▪ image · sensitive · a dog"));
    assert.ok(lines.includes("▪ video · sensitive · no description"));
  });

  test("sensitive media stay hidden, alt text included, until the reader opens the toot", () => {
    const s = makeStatus({
      sensitive: true,
      mediaAttachments: [
        { id: "1", type: "image", description: "a dog" },
        { id: "2", type: "video", description: null },
      ] as mastodon.v1.MediaAttachment[],
    });
    const lines = text(s);
    assert.ok(lines.includes("▪ 2 sensitive media · s shows"), lines.join("\n"));
    assert.ok(!lines.some((l) => l.includes("a dog")));
  });

  test("counts and own state: boosted, favourited, bookmarked", () => {
    const s = makeStatus({
      repliesCount: 2,
      reblogsCount: 3,
      favouritesCount: 4,
      reblogged: true,
      favourited: true,
      bookmarked: true,
    });
    assert.equal(text(s).at(-1), "↩ 2  ↻ 3  ★ 4  boosted · favourited · bookmarked");
  });

  test("every line fits the width, however narrow", () => {
    const s = makeStatus({
      account: makeAccount({ displayName: "A very long display name indeed, with more" }),
      content:
        '<p>some text <a href="https://x.example/very/long">https://x.example/very/long</a></p>',
      card: {
        url: "https://news.example/a",
        title: "A long card title that keeps going",
      } as mastodon.v1.PreviewCard,
    });
    for (let w = 8; w <= 40; w++) {
      for (const l of renderStatus(s, opts({ width: w })))
        assert.ok(cellWidth(l) <= w, `${w}: ${l}`);
    }
  });
});

describe("hostile structure", () => {
  test("thousands of nested quotes render without blowing the stack, and fit", () => {
    const deep = `${"<blockquote>".repeat(5000)}<p>deep</p>${"</blockquote>".repeat(5000)}`;
    const lines = renderStatus(makeStatus({ content: deep }), opts({ width: 40 }));
    assert.ok(lines.map(stripAnsi).some((l) => l.endsWith("deep")));
    for (const l of lines) assert.ok(cellWidth(l) <= 40);
  });

  test("a mention or hashtag pointing somewhere unexpected is not a live link", () => {
    const s = makeStatus({
      content:
        '<p><a class="u-url mention" href="https://evil.example/@bob">@bob</a> ' +
        '<a class="mention hashtag" href="https://evil.example/tags/x">#x</a> ' +
        '<a class="mention hashtag" href="https://home.example/tags/y">#y</a></p>',
    });
    const line = renderStatus(s, opts({ hyperlinks: true }))[1]!;
    assert.ok(!line.includes("evil.example"));
    assert.ok(line.includes("\x1b]8;;https://home.example/tags/y\x1b\\"));
  });
});

describe("counts line", () => {
  const counts = (over: Record<string, unknown>, unicode = true) =>
    text(makeStatus({ repliesCount: 1, reblogsCount: 2, favouritesCount: 3, ...over }), {
      unicode,
    }).at(-1);

  test("shows the quotes count where the server counts quotes (quotes_count, Mastodon 4.5)", () => {
    assert.equal(counts({ quotesCount: 4 } as Partial<mastodon.v1.Status>), "↩ 1  ↻ 2  ☆ 3  ❝ 4");
    assert.equal(
      counts({ quotesCount: 0 } as Partial<mastodon.v1.Status>),
      "↩ 1  ↻ 2  ☆ 3  ❝ 0",
      "a server that counts quotes says none",
    );
    assert.equal(counts({}), "↩ 1  ↻ 2  ☆ 3", "a server without quotes: no count at all");
    assert.equal(
      counts({ quotesCount: "9; rm" } as unknown as Partial<mastodon.v1.Status>),
      "↩ 1  ↻ 2  ☆ 3",
      "a count that is not a number is not one",
    );
    assert.equal(
      counts({ quotesCount: 4 } as Partial<mastodon.v1.Status>, false),
      "re 1  rt 2  fav 3  qt 4",
    );
  });

  test("a new quotes count re-renders a cached toot", () => {
    const cache = new RenderCache();
    const s = makeStatus({ quotesCount: 1 } as Partial<mastodon.v1.Status>);
    cache.get(s, opts());
    const after = cache.get({ ...s, quotesCount: 2 } as mastodon.v1.Status, opts());
    assert.match(stripAnsi(after.at(-1)!), /❝ 2/);
  });
});
