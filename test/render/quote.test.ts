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
import { makeAccount, makeStatus, NOW } from "./make-status.js";

const opts = (over: Partial<RenderOptions> = {}): RenderOptions => ({
  width: 50,
  theme: pickTheme("dark", 3),
  now: NOW,
  ...over,
});
const text = (s: mastodon.v1.Status, over: Partial<RenderOptions> = {}) =>
  renderStatus(s, opts(over)).map(stripAnsi);

const quoted = makeStatus({
  id: "9",
  account: makeAccount({ id: "7", displayName: "Bob", acct: "bob@x.example" }),
  content: "<p>original words here</p>",
  createdAt: new Date(NOW - 3_600_000).toISOString(),
  mediaAttachments: [
    { id: "m", type: "image", description: "a cat" } as mastodon.v1.MediaAttachment,
  ],
});
const quoting = (quote: unknown, over: Partial<mastodon.v1.Status> = {}) =>
  makeStatus({
    content:
      '<p>so true</p><p class="quote-inline">RE: <a href="https://x.example/@bob/9">x.example/@bob/9</a></p>',
    card: { url: "https://x.example/@bob/9", title: "Bob's post" } as mastodon.v1.PreviewCard,
    ...over,
    quote,
  } as Partial<mastodon.v1.Status>);

/** The quoting toot with the quoted one behind a bar, at width 50. */
const SHOWN = [
  "Alice @alice · 5m",
  "so true",
  "│ Bob @bob@x.example · 1h",
  "│ original words here",
  "│ ▪ image · a cat",
  "↩ 0  ↻ 0  ☆ 0",
];

describe("quote posts", () => {
  test("an accepted quote shows the quoted post behind a bar, without the RE: fallback or a card", () => {
    const lines = text(quoting({ state: "accepted", quotedStatus: quoted }));
    assert.deepEqual(lines, SHOWN);
  });

  test("every state that hides the quoted post says why in one notice", () => {
    const cases: Array<[string, RegExp]> = [
      ["pending", /pending the quoted author's approval/],
      ["rejected", /declined this quote/],
      ["revoked", /removed this quote/],
      ["deleted", /quoted post was deleted/],
      ["unauthorized", /cannot see the quoted post/],
      ["blocked_account", /you blocked its author/],
      ["blocked_domain", /you blocked its server/],
      ["muted_account", /you muted its author/],
      // "Unknown values should be treated as `unauthorized`" (entities/Quote.md).
      ["some_future_state", /cannot see the quoted post/],
    ];
    for (const [state, why] of cases) {
      const body = text(quoting({ state, quotedStatus: null }), { width: 80 }).join("\n");
      assert.match(body, why, state);
      assert.ok(!body.includes("RE:"), `${state}: no fallback line`);
    }
    const shallow = text(quoting({ state: "accepted", quotedStatusId: "9" }), { width: 80 });
    assert.ok(shallow.includes("[quotes a post (open it to see)]"), shallow.join("\n"));
  });

  // Akkoma (lib/pleroma/web/mastodon_api/views/status_view.ex) sends `quote` as the quoted
  // Status itself, with no `state`, and `quote_id`; `quote` is null when the quoted post cannot
  // be shown to the reader (not fetched, or not visible), while `quote_id` stays.
  test("Akkoma's quote, the quoted status itself, shows behind a bar; a null one with an id says it cannot be seen", () => {
    const lines = text(quoting(quoted));
    assert.deepEqual(lines, SHOWN);
    const unseen = text(quoting(null, { quoteId: "9" } as Partial<mastodon.v1.Status>), {
      width: 80,
    }).join("\n");
    assert.match(unseen, /cannot see the quoted post/, unseen);
    // A Mastodon status without a quote has neither field: nothing is drawn.
    const plain = text(makeStatus({ content: "<p>so true</p>" })).join("\n");
    assert.ok(!plain.includes("quoted"), plain);
  });

  test("the reader's filters apply to the quoted post: warn folds it, hide hides it", () => {
    const filteredAs = (filterAction: string, context = ["home"]) =>
      ({
        ...quoted,
        filtered: [
          { filter: { title: "spoilers", context, filterAction }, keywordMatches: ["original"] },
        ],
      }) as unknown as mastodon.v1.Status;
    const warned = text(quoting({ state: "accepted", quotedStatus: filteredAs("warn") }), {
      width: 70,
      context: "home",
    });
    assert.ok(warned.includes("so true"), warned.join("\n"));
    assert.ok(!warned.some((l) => l.includes("original words")), warned.join("\n"));
    assert.ok(
      warned.some((l) => /^│ Filtered: spoilers/.test(l)),
      warned.join("\n"),
    );
    const hidden = text(quoting({ state: "accepted", quotedStatus: filteredAs("hide") }), {
      width: 70,
      context: "home",
    });
    assert.ok(hidden.includes("[quoted post hidden by a filter]"), hidden.join("\n"));
    assert.ok(!hidden.some((l) => l.includes("original words") || l.includes("RE:")));
    // A filter for another context leaves the quoted post as it is.
    const elsewhere = text(
      quoting({ state: "accepted", quotedStatus: filteredAs("hide", ["notifications"]) }),
      { width: 70, context: "home" },
    );
    assert.ok(elsewhere.includes("│ original words here"), elsewhere.join("\n"));
  });

  test("a quote inside a quote is only named, and a CW on the quoted post stays closed", () => {
    const inner = { ...quoted, quote: { state: "accepted", quotedStatus: quoted } };
    const lines = text(quoting({ state: "accepted", quotedStatus: inner }), { width: 60 });
    assert.ok(lines.includes("│ [quotes another post]"), lines.join("\n"));
    const cw = { ...quoted, spoilerText: "spoilers" } as mastodon.v1.Status;
    const closed = text(quoting({ state: "accepted", quotedStatus: cw }), { width: 60 });
    assert.ok(!closed.some((l) => l.includes("original words")), closed.join("\n"));
    assert.ok(closed.includes("│ CW: spoilers"));
  });

  test("lines fit at every width, in Unicode and in ASCII", () => {
    const s = quoting({ state: "accepted", quotedStatus: quoted });
    for (let width = 4; width <= 90; width++) {
      for (const unicode of [true, false]) {
        for (const line of renderStatus(s, opts({ width, unicode }))) {
          assert.ok(cellWidth(line) <= width, `${width}: ${stripAnsi(line)}`);
          if (!unicode) assert.match(stripAnsi(line), /^[\x20-\x7e]*$/);
        }
      }
    }
  });

  test("a hostile quoted post is sanitised like any other: only SGR reaches the terminal", () => {
    const evil = makeStatus({
      id: "66",
      account: makeAccount({
        id: "6",
        displayName: "x\x1b]0;pwned\x07\u202eevil",
        acct: "e\x1b[2J",
      }),
      content: "<p>hi\x1b]52;c;aGk=\x07 \u009b31m</p><pre>\x1b[5mcode</pre>",
      spoilerText: "",
    });
    const lines = renderStatus(
      quoting({ state: "accepted", quotedStatus: evil }),
      opts({ expanded: true, hyperlinks: true }),
    );
    for (const line of lines) {
      const rest = line.replace(/\x1b\[[0-9;]*m/g, "").replace(/\x1b\]8;;[\x21-\x7e]*\x1b\\/g, "");
      assert.ok(
        !/[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/.test(rest),
        JSON.stringify(line),
      );
    }
  });

  test("the cache draws the quoting post again when the quoted one is edited", () => {
    const cache = new RenderCache();
    const before = cache.get(quoting({ state: "accepted", quotedStatus: quoted }), opts());
    const edited = {
      ...quoted,
      content: "<p>new words</p>",
      editedAt: new Date(NOW).toISOString(),
    };
    const after = cache.get(quoting({ state: "accepted", quotedStatus: edited }), opts());
    assert.notDeepEqual(before, after);
    assert.ok(after.some((l) => stripAnsi(l).includes("new words")));
  });
});
