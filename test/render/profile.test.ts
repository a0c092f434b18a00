import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { mastodon } from "masto";
import { cellWidth, pickTheme, renderProfile, stripAnsi } from "../../src/render/index.js";
import { fixtureStatuses } from "./fixtures.js";
import { makeAccount } from "./make-status.js";

const theme = pickTheme("dark", 3);

describe("profiles", () => {
  test("the docs' account shows its bio with invisible link parts hidden and its fields", () => {
    const status = fixtureStatuses().find(
      (f) => f.name === "status-stream-public-local-update.json",
    )!.status;
    const lines = renderProfile(status.account, { width: 60, theme }).map(stripAnsi);
    assert.equal(lines[0], "infinite love ⴳ @trwnh@mastodon.social");
    assert.ok(lines.includes("trwnh.com"), "link shown without its invisible https:// prefix");
    assert.ok(lines.some((l) => l.startsWith("help me live: liberapay.com/trwnh or paypal")));
    assert.match(lines.at(-1)!, /^[\d,]+ posts · [\d,]+ following · [\d,]+ followers$/);
    for (const l of lines) assert.ok(cellWidth(l) <= 60);
  });

  test("fields line up, verified links get a check mark, and hostile names are inert", () => {
    const account = makeAccount({
      displayName: "Eve\x1b]0;pwn\x07",
      note: "<p>hi</p>",
      fields: [
        {
          name: "Site",
          value: '<a href="https://eve.example">eve.example</a>',
          verifiedAt: "2024-01-01T00:00:00Z",
        },
        { name: "Pronouns\u202e", value: "she/her", verifiedAt: null },
      ] as mastodon.v1.AccountField[],
      statusesCount: 3,
      followingCount: 2,
      followersCount: 1,
    });
    const lines = renderProfile(account, { width: 40, theme }).map(stripAnsi);
    assert.deepEqual(lines, [
      "Eve @alice@home.example",
      "",
      "hi",
      "",
      "Site      eve.example ✓",
      "Pronouns  she/her",
      "",
      "3 posts · 2 following · 1 follower",
    ]);
  });
});
