import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { mastodon } from "masto";
import { setVisualBidi } from "../../src/render/bidi.js";
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

describe("a profile's direction, where tootty orders right-to-left text (tmux, xterm…)", () => {
  before(() => setVisualBidi(true));
  after(() => setVisualBidi(false));
  /** Shaped letters back to their base forms, for comparing with logical text. */
  const plain = (s: string) => s.normalize("NFKC");
  const rtl = (s: string) => [...s].reverse().join("");

  const farid = makeAccount({
    displayName: "فريد",
    acct: "farid@souq.example",
    note: "<p>مطور من عمان، أكتب TypeScript منذ 2015.</p><p>Hello, I also write مطور.</p>",
    fields: [
      { name: "الموقع", value: "<p>farid.example</p>", verifiedAt: null },
      { name: "", value: "<p>عمان 12</p>", verifiedAt: null },
      { name: "Pronouns", value: "<p>he/him</p>", verifiedAt: null },
    ] as mastodon.v1.AccountField[],
  });
  let lines: string[] = [];
  before(() => {
    lines = renderProfile(farid, { width: 50, theme }).map((l) => plain(stripAnsi(l)));
  });

  test("an Arabic name: right to left against the right edge, the handle on its left", () => {
    assert.equal(lines[0], `${" ".repeat(26)}@farid@souq.example ${rtl("فريد")}`);
  });

  test("each bio paragraph by its first strong letter (UAX #9 P2/P3)", () => {
    // Right to left: the full stop, which ends the sentence, is on the left; the number and
    // the English word keep their own order.
    const arabic = `.2015 ${rtl("منذ")} TypeScript ${rtl("أكتب")} ${rtl("مطور من عمان،")}`;
    assert.equal(lines[2], `${" ".repeat(50 - arabic.length)}${arabic}`);
    // Left to right, from the left edge, with the Arabic word in it reordered in place.
    assert.equal(lines[4], `Hello, I also write ${rtl("مطور")}.`);
  });

  test("each field by its own text: its name's first strong letter, else its value's", () => {
    const [site, unnamed, pronouns] = lines.slice(6, 9);
    assert.equal(site, `${" ".repeat(27)}farid.example    ${rtl("الموقع")}`);
    // No name: the value's Arabic decides; the empty name's column stays on the right.
    assert.equal(unnamed, `${" ".repeat(33)}12 ${rtl("عمان")}${" ".repeat(10)}`);
    assert.equal(pronouns, "Pronouns  he/him");
    for (const l of lines) assert.ok(cellWidth(l) <= 50, l);
  });
});
