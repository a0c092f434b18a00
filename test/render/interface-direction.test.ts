// In a right-to-left interface, where tootty does the bidi (tmux, xterm…), the lines tootty
// words itself inside a toot or a notification read as Arabic does: one right-to-left
// paragraph against the right edge, with the server's text in them (a filter's title, a
// name, alt text, a poll option) keeping its own direction and its words their order.
import assert from "node:assert/strict";
import { before, describe, test } from "node:test";
import type { mastodon } from "masto";
import { loadLanguage } from "../../src/i18n/index.js";
import { setVisualBidi } from "../../src/render/bidi.js";
import {
  cellWidth,
  pickTheme,
  type RenderOptions,
  renderNotificationSummary,
  renderStatus,
} from "../../src/render/index.js";
import { inArabicVisualOrder } from "../helpers/arabic-interface.js";
import { filterResult, makeAccount, makeStatus, NOW } from "./make-status.js";
import { rtl, seen } from "./seen.js";

// The Arabic catalogue loads when Arabic is chosen (as tootty does at start-up).
before(() => loadLanguage("ar"));

const WIDTH = 60;
const opts: RenderOptions = {
  width: WIDTH,
  theme: pickTheme("dark", 3),
  now: NOW,
  context: "home",
};
const lines = (s: mastodon.v1.Status, over: Partial<RenderOptions> = {}) =>
  renderStatus(s, { ...opts, ...over }).map(seen);
/** `text` against the right edge: the whole line, padded on the left. */
const right = (text: string) => `${" ".repeat(WIDTH - cellWidth(text))}${text}`;

const image = [
  { id: "m", type: "image", url: "https://x.example/a.png", description: "A cat on a mat" },
] as unknown as mastodon.v1.MediaAttachment[];
const poll = {
  id: "p",
  expired: false,
  expiresAt: new Date(NOW + 3 * 3_600_000).toISOString(),
  multiple: false,
  votesCount: 11,
  voted: true,
  ownVotes: [0],
  options: [
    { title: "Green tea", votesCount: 6 },
    { title: "قهوة", votesCount: 5 },
  ],
  emojis: [],
} as unknown as mastodon.v1.Poll;

describe("tootty's own lines in a toot, in the Arabic interface where tootty does the bidi", () => {
  inArabicVisualOrder();

  test("a filter's notice: right to left, the filter's English title in its own order", () => {
    const warned = makeStatus({ filtered: [filterResult("warn", "Dune spoilers")] });
    assert.deepEqual(lines(warned), [
      right(`${rtl("افتحه للعرض")} — Dune spoilers :${rtl("يطابق عامل التصفية")}`),
    ]);
    const shown = lines(warned, { expanded: true });
    assert.equal(shown[1], right(`(${rtl("معروض")}) Dune spoilers :${rtl("يطابق عامل التصفية")}`));
  });

  test("the header, boost and reply lines: the name on the right, the time on the left", () => {
    const reply = makeStatus({
      id: "2",
      account: makeAccount({ displayName: "Bob Smith", acct: "bob" }),
      inReplyToId: "1",
      inReplyToAccountId: "300",
      mentions: [{ id: "300", acct: "sara", username: "sara", url: "https://home.example/@sara" }],
    } as Partial<mastodon.v1.Status>);
    const boost = makeStatus({ reblog: reply });
    const [boosted, header, replying] = lines(boost);
    assert.equal(boosted, right(`${rtl("نشره")} Alice ${rtl("أعاد")} ↻`));
    assert.equal(header, right(`${rtl("5 د")} · @bob Bob Smith`));
    assert.equal(replying, right(`@sara ${rtl("ردًّا على")} ↲`));
  });

  test("content warning, hidden-content and media lines", () => {
    const cw = makeStatus({
      spoilerText: "Spoilers :blobcat: ahead",
      emojis: [{ shortcode: "blobcat" }] as mastodon.v1.CustomEmoji[],
      mediaAttachments: image,
      filtered: [filterResult("blur", "Cats")],
    });
    const [, warning, hidden] = lines(cw);
    // The English warning's words and its emoji stay in their order.
    assert.equal(warning, right(`Spoilers :blobcat: ahead :${rtl("تحذير")}`));
    assert.equal(hidden, right(`[${rtl("تحذير المحتوى: النص، مرفق واحد مخفية — افتحه للعرض")}]`));
    const blurred = lines(makeStatus({ mediaAttachments: image, filtered: cw.filtered }));
    assert.equal(
      blurred[2],
      right(`${rtl("يُظهرها")} s · Cats :${rtl("مرفق واحد مخفي بعامل التصفية")} ▪`),
    );
    const sensitive = lines(makeStatus({ mediaAttachments: image, sensitive: true }), {
      expanded: true,
    });
    assert.equal(sensitive[2], right(`A cat on a mat · ${rtl("حساس")} · ${rtl("صورة")} ▪`));
  });

  test("a poll mirrors: the mark and title on the right, the bar filling leftwards", () => {
    const [, , first, second, footer] = lines(makeStatus({ poll }));
    assert.match(first!, /^55% +░+█+ +Green tea ●$/);
    assert.equal(first!.length, WIDTH);
    assert.match(second!, new RegExp(`^45% +░+█+ +${rtl("قهوة")} ○$`));
    assert.equal(footer, right(rtl("11 صوتًا · ينتهي بعد 3 س · صوَّتَّ")));
  });

  test("the counts line and a quote's state are right to left too", () => {
    const quoted = makeStatus({
      favourited: true,
      favouritesCount: 2,
      quote: { state: "deleted", quotedStatus: null },
    } as Partial<mastodon.v1.Status>);
    const drawn = lines(quoted);
    assert.equal(drawn.at(-2), right(`[${rtl("حُذف المنشور المقتبَس")}]`));
    assert.equal(drawn.at(-1), right(`${rtl("أعجبك")}  2 ★  0 ↻  0 ↩`));
  });

  test("a notification: the time on the right, then who, what they did and the excerpt", () => {
    const note = {
      id: "n",
      type: "favourite",
      createdAt: new Date(NOW - 120_000).toISOString(),
      account: makeAccount(),
      status: makeStatus({ content: "<p>Hello world</p>" }),
    } as unknown as mastodon.v1.Notification;
    assert.equal(
      seen(renderNotificationSummary(note, opts)),
      right(`Hello world :${rtl("أُعجب بمنشورك")} @alice Alice ${rtl("2 د")}`),
    );
    const group = [makeAccount(), makeAccount({ displayName: "Bob Smith" })];
    assert.equal(
      seen(renderNotificationSummary(note, opts, group, 5)),
      right(
        `Hello world :${rtl("أُعجب بمنشورك")} ${rtl("و3 آخرين")} Bob Smith ${rtl("،")}Alice ${rtl("2 د")}`,
      ),
    );
    // A Hebrew name keeps its letters' order beside the Arabic time, not after it.
    const noa = makeAccount({ displayName: "נועה", acct: "noa@galil.example" });
    const followed = seen(
      renderNotificationSummary(
        { ...note, type: "follow", account: noa, status: null } as never,
        opts,
      ),
    );
    assert.equal(
      followed,
      right(`${rtl("تابعك")} @noa@galil.example ${rtl("נועה")} ${rtl("2 د")}`),
    );
  });

  test("a long notification is cut in reading order: the excerpt gives way, on the left", () => {
    const note = {
      id: "n",
      type: "mention",
      createdAt: new Date(NOW - 120_000).toISOString(),
      account: makeAccount(),
      status: makeStatus({ content: `<p>${"word ".repeat(30)}</p>` }),
    } as unknown as mastodon.v1.Notification;
    const line = seen(renderNotificationSummary(note, opts));
    assert.equal(cellWidth(line), WIDTH);
    assert.ok(line.startsWith("…"), line);
    assert.ok(line.endsWith(`@alice Alice ${rtl("2 د")}`), line);
  });

  test("where the terminal does the bidi, the same lines stay in logical order", () => {
    setVisualBidi(false);
    try {
      const warned = makeStatus({ filtered: [filterResult("warn", "Dune spoilers")] });
      assert.deepEqual(lines(warned), ["يطابق عامل التصفية: Dune spoilers — افتحه للعرض"]);
    } finally {
      setVisualBidi(true);
    }
  });
});
