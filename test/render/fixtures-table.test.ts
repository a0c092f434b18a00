import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { pickTheme, renderStatus, stripAnsi } from "../../src/render/index.js";
import { fixtureStatuses } from "./fixtures.js";

// Every status in the Mastodon documentation's examples, as a reader sees it at 50 columns
// (text only: colours are checked elsewhere).
const EXPECTED: Record<string, string[]> = {
  "notification-stream-mention.json": [
    "a @a@pl.nulled.red [bot] · 2022-08-30 · unlisted",
    "@trwnh test",
    "↩ 0  ↻ 0  ☆ 0",
  ],
  "status-delete-redraft-media.jsonc": [
    "infinite love ⴳ @trwnh · 2019-12-05",
    "▪ image · test media description",
    "↩ 0  ↻ 0  ☆ 0",
  ],
  "status-delete-redraft-poll.jsonc": [
    "infinite love ⴳ @trwnh · 2019-12-05",
    "○ test 1                           ██████████ 100%",
    "○ test 2                           ░░░░░░░░░░   0%",
    "1 vote · closed · you voted",
    "↩ 0  ↻ 0  ☆ 0",
  ],
  "status-entity-example-card.json": [
    "Eugen @Gargron · 2019-12-08",
    '"I lost my inheritance with one wrong digit on my',
    'sort code"',
    "",
    "theguardian.com/money/2019/dec…",
    "▸ ‘I lost my £193,000 inheritan… · theguardian.com",
    "↩ 5  ↻ 6  ☆ 11  ❝ 2",
  ],
  "status-stream-public-local-update.json": [
    "infinite love ⴳ @trwnh · 2022-08-30",
    "test",
    "↩ 0  ↻ 0  ☆ 0",
  ],
  "status-stream-status.update-hashtags-link.json": [
    "chrismo @chrismo@ruby.social · 2022-11-15 · edited",
    "#musicTuesday",
    "",
    "Here's a solo #piano track of mine called Gravity",
    "Assist",
    "",
    "#neoclassical (#jazz ish)",
    "",
    "cstudios.bandcamp.com/track/ce…",
    "↩ 0  ↻ 0  ☆ 0",
  ],
  "status-stream-user-status.update-local.json": [
    "admin @admin · 2022-11-15 · edited",
    "edited",
    "↩ 0  ↻ 0  ☆ 0",
  ],
  "status-stream-user-update-remote-reply-mention.json": [
    "freon @freon@letsalllovel… · 2022-08-30 · unlisted",
    "↳ replying to @disarray",
    "@disarray glad i was able to help",
    "↩ 0  ↻ 0  ☆ 0",
  ],
};

describe("renders every docs fixture faithfully", () => {
  const now = Date.parse("2022-12-01T00:00:00Z");
  const fixtures = fixtureStatuses();
  test("covers every status fixture", () => {
    assert.deepEqual(fixtures.map((f) => f.name).sort(), Object.keys(EXPECTED).sort());
  });
  for (const { name, status } of fixtures) {
    test(`${name} reads as expected at 50 columns`, () => {
      const lines = renderStatus(status, { width: 50, theme: pickTheme("dark", 3), now });
      assert.deepEqual(lines.map(stripAnsi), EXPECTED[name]);
    });
  }
});
