import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { mastodon } from "masto";
import {
  cellWidth,
  pickTheme,
  renderNotificationSummary,
  stripAnsi,
} from "../../src/render/index.js";
import { fixtureNotification } from "./fixtures.js";
import { makeAccount, makeStatus, NOW } from "./make-status.js";

const opts = { width: 80, theme: pickTheme("dark", 3), now: NOW };
const note = (type: string, extra: Partial<mastodon.v1.Notification> = {}) =>
  ({
    id: "n",
    type,
    createdAt: new Date(NOW - 120_000).toISOString(),
    account: makeAccount(),
    ...extra,
  }) as mastodon.v1.Notification;

describe("notification summaries", () => {
  test("the docs' mention notification names who and what they said", () => {
    const line = stripAnsi(
      renderNotificationSummary(fixtureNotification(), {
        ...opts,
        now: Date.parse("2022-09-01T00:00:00Z"),
      }),
    );
    assert.equal(line, "1d a @a@pl.nulled.red mentioned you: @trwnh test");
  });
  const cases: Array<[string, boolean, string]> = [
    ["follow", false, "2m Alice @alice followed you"],
    ["favourite", true, "2m Alice @alice favourited your post: hello"],
    ["reblog", true, "2m Alice @alice boosted your post: hello"],
    ["poll", true, "2m Alice @alice's poll has ended: hello"],
    [
      "severed_relationships",
      false,
      "2m Alice @alice — some of your follow relationships were severed",
    ],
    ["something.new", true, "2m Alice @alice sent a notification (something.new): hello"],
  ];
  for (const [type, withStatus, expected] of cases) {
    test(`${type} reads as one line`, () => {
      const n = note(type, (withStatus ? { status: makeStatus() } : {}) as never);
      assert.equal(stripAnsi(renderNotificationSummary(n, opts)), expected);
    });
  }
  test("never wider than the width, and hostile types are sanitised", () => {
    const line = renderNotificationSummary(
      note("\x1b]0;x\x07evil", {
        status: makeStatus({ content: `<p>${"long ".repeat(40)}</p>` }),
      } as never),
      { ...opts, width: 30 },
    );
    assert.ok(cellWidth(line) <= 30);
    assert.ok(!stripAnsi(line).includes("\x1b"));
  });
});

describe("Mastodon 4.6 fallback for types this client does not know", () => {
  const fallback = (title: unknown, summary: unknown) =>
    note("added_to_collection", { fallback: { title, summary, description: null } } as never);

  test("an unknown type with a fallback reads as the server's title and summary, as text", () => {
    const line = stripAnsi(
      renderNotificationSummary(
        fallback(
          '<a href="https://home.example/@alice" class="u-url mention">@<span>alice</span></a> added you to a collection',
          'You\'re on an app that does not support the most recent version of Mastodon. <a href="https://home.example/">Sign in</a>',
        ),
        { ...opts, width: 200 },
      ),
    );
    assert.equal(
      line,
      "2m @alice added you to a collection: You're on an app that does not support the most recent version of Mastodon. Sign in",
    );
  });

  test("hostile fallback text is sanitised and fits the width; null words fall back to the generic line", () => {
    const hostile = renderNotificationSummary(
      fallback("\x1b]52;c;ZXZpbA==\x07<b>pwned</b>\u202e", `<p>${"long ".repeat(40)}</p>`),
      { ...opts, width: 40 },
    );
    assert.ok(cellWidth(hostile) <= 40);
    const text = stripAnsi(hostile);
    assert.ok(!text.includes("\x1b") && !text.includes("\u202e") && !text.includes("<b>"));
    assert.match(text, /^2m pwned: long long/);
    // Mastodon sends a fallback with both words null for types it has no words for either.
    assert.equal(
      stripAnsi(renderNotificationSummary(fallback(null, null), opts)),
      "2m Alice @alice sent a notification (added_to_collection)",
    );
    // A known type keeps tootty's own words even if a server sends a fallback.
    assert.equal(
      stripAnsi(
        renderNotificationSummary(
          note("follow", { fallback: { title: "x", summary: "y" } } as never),
          opts,
        ),
      ),
      "2m Alice @alice followed you",
    );
  });
});

describe("a summary drawn again", () => {
  // Summaries are kept as drawn between paints: each of these must still be drawn anew.
  const favourite = () =>
    note("favourite", { status: makeStatus({ content: "<p>first words</p>" }) } as never);
  const shown = (n: mastodon.v1.Notification, o = opts, accounts?: mastodon.v1.Account[]) =>
    stripAnsi(renderNotificationSummary(n, o, accounts));

  test("shows the status' new words after an edit, in place or as a new status", () => {
    const n = favourite();
    assert.match(shown(n), /first words$/);
    (n.status as { content: string }).content = "<p>edited words</p>";
    assert.match(shown(n), /edited words$/);
    (n as { status: mastodon.v1.Status }).status = makeStatus({
      spoilerText: "spoilers",
      content: "<p>hidden</p>",
    });
    assert.match(shown(n), /CW: spoilers$/);
  });

  test("shows the new time once a minute has passed, and fits a new width", () => {
    const n = favourite();
    assert.match(shown(n), /^2m /);
    assert.match(shown(n, { ...opts, now: NOW + 59_000 }), /^2m /);
    assert.match(shown(n, { ...opts, now: NOW + 61_000 }), /^3m /);
    const narrow = shown(n, { ...opts, width: 20 });
    assert.ok(cellWidth(narrow) <= 20 && narrow !== shown(n), narrow);
  });

  test("shows an account's new name, and a group's new members", () => {
    const n = favourite();
    assert.match(shown(n), /^2m Alice @alice/);
    (n.account as { displayName: string }).displayName = "Alicia";
    assert.match(shown(n), /^2m Alicia @alice/);
    const sara = makeAccount({ id: "2", username: "sara", acct: "sara", displayName: "Sara" });
    const taro = makeAccount({ id: "3", username: "taro", acct: "taro", displayName: "Taro" });
    assert.match(shown(n, opts, [sara, n.account]), /^2m Sara and Alicia favourited/);
    assert.match(shown(n, opts, [taro, sara, n.account]), /^2m Taro, Sara and 1 other/);
  });
});
