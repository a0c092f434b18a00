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
