// Telling the toot a lost answer was about from the user's other toots (posted-lookup.ts): the
// same words as the server shows them, CW, reply target, media and poll, made since the send.
import assert from "node:assert/strict";
import { test } from "node:test";
import { isThePost as matches } from "../../src/api/posted-lookup.js";
import type { PostParams } from "../../src/compose/post.js";
import { htmlToText } from "../../src/render/plain-text.js";

const SENT = Date.parse("2026-12-03T08:00:00Z");
/** As the composer asks: the ui room's text of the HTML, without a quote's "RE:" fallback. */
const isThePost = (status: unknown, params: PostParams, sentAt: number) =>
  matches(status, params, sentAt, (html) => htmlToText(html, { withoutQuoteFallback: true }));
const shown = (over: Record<string, unknown> = {}) => ({
  id: "9",
  createdAt: "2026-12-03T08:00:01Z",
  content:
    '<p>hi <span class="h-card"><a href="https://far.example/@bo" class="u-url mention">@<span>bo</span></a></span> &amp; all</p><p>line two<br />three</p>',
  spoilerText: "",
  inReplyToId: null,
  mediaAttachments: [],
  poll: null,
  ...over,
});
const typed = { status: "hi @bo@far.example & all\n\nline two\nthree" };

test("the server's HTML of what was typed is the post: mentions shortened, lines re-flowed", () => {
  assert.equal(isThePost(shown(), typed, SENT), true);
});

test("other words, another CW, reply target, media or poll, or an older toot are not", () => {
  assert.equal(isThePost(shown(), { status: "hi @bo & everyone" }, SENT), false);
  assert.equal(isThePost(shown({ spoilerText: "cw" }), typed, SENT), false);
  assert.equal(isThePost(shown({ inReplyToId: "5" }), typed, SENT), false);
  assert.equal(isThePost(shown(), { ...typed, inReplyToId: "5" }, SENT), false);
  assert.equal(isThePost(shown({ mediaAttachments: [{ id: "m1" }] }), typed, SENT), false);
  assert.equal(
    isThePost(shown({ mediaAttachments: [{ id: "m1" }] }), { ...typed, mediaIds: ["m1"] }, SENT),
    true,
  );
  const poll = { options: ["a", "b"], expiresIn: 600, multiple: false };
  assert.equal(isThePost(shown(), { ...typed, poll }, SENT), false);
  assert.equal(
    isThePost(
      shown({ poll: { options: [{ title: "a" }, { title: "b" }] } }),
      { ...typed, poll },
      SENT,
    ),
    true,
  );
  // Posted ten minutes before this send: an earlier toot with the same words.
  assert.equal(isThePost(shown({ createdAt: "2026-12-03T07:50:00Z" }), typed, SENT), false);
  assert.equal(isThePost(shown({ reblog: { id: "1" } }), typed, SENT), false);
  assert.equal(isThePost({ id: 9 }, typed, SENT), false);
});

test("a quote post matches what was typed: the server's RE: fallback link is not the toot's words", () => {
  const quoting = shown({
    content:
      '<p class="quote-inline">RE: <a href="https://far.example/@bo/1">far.example/@bo/1</a></p><p>so true</p>',
  });
  assert.equal(isThePost(quoting, { status: "so true", quotedStatusId: "1" }, SENT), true);
});
