// A toot's layout in a right-to-left interface where tootty does the bidi (tmux, xterm…): the
// parts it draws itself beside the words — a quote's bar, the reply arrow, a picture, the
// avatar column, a group's accounts — stand on the side the lines start from, and every number
// on a toot is written with the same digits.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { mastodon } from "masto";
import { loadLanguage, setLocale } from "../../src/i18n/index.js";
import { renderWithAvatar } from "../../src/render/avatar.js";
import { setVisualBidi } from "../../src/render/bidi.js";
import {
  cellWidth,
  type PictureRows,
  pickTheme,
  type RenderOptions,
  renderGroupAccounts,
  renderStatus,
  stripAnsi,
} from "../../src/render/index.js";
import { inArabicVisualOrder } from "../helpers/arabic-interface.js";
import { makeAccount, makeStatus, NOW } from "./make-status.js";
import { rtl, seen } from "./seen.js";

before(() => loadLanguage("ar"));

const WIDTH = 50;
const opts: RenderOptions = { width: WIDTH, theme: pickTheme("dark", 3), now: NOW };
const lines = (s: mastodon.v1.Status, over: Partial<RenderOptions> = {}) =>
  renderStatus(s, { ...opts, ...over }).map(seen);

const bob = makeAccount({ id: "7", displayName: "Bob", acct: "bob@x.example" });
const quoted = makeStatus({
  id: "9",
  account: bob,
  content: "<p>original words here</p>",
  createdAt: new Date(NOW - 3_600_000).toISOString(),
});
const quoting = makeStatus({
  content: "<p>so true</p>",
  quote: { state: "accepted", quotedStatus: quoted },
} as Partial<mastodon.v1.Status>);

/** A picture source that draws every picture as `cols`×2 cells of ▀. */
const pictures = (cols: number): PictureRows => ({
  rows: () => ({ lines: ["▀".repeat(cols), "▀".repeat(cols)], kind: "picture" }),
  key: () => "p",
});
/** A poll ending in three hours, four votes, none of them the reader's. */
const pollOf = (options: Array<{ title: string; votesCount: number }>) =>
  ({
    id: "p",
    expired: false,
    expiresAt: new Date(NOW + 3 * 3_600_000).toISOString(),
    multiple: false,
    votesCount: 4,
    voted: false,
    ownVotes: [],
    options,
    emojis: [],
  }) as unknown as mastodon.v1.Poll;

const image = [
  { id: "m", type: "image", url: "https://x.example/a.png", description: "A cat" },
] as unknown as mastodon.v1.MediaAttachment[];

describe("a toot's own layout in the Arabic interface, where tootty does the bidi", () => {
  inArabicVisualOrder();

  test("a quoted post has its bar on the right, beside the quoted header", () => {
    const drawn = lines(quoting);
    const inner = drawn.filter((l) => l.includes("│"));
    assert.ok(inner.length >= 2, drawn.join("\n"));
    for (const line of inner) {
      assert.equal(cellWidth(line), WIDTH, `full width: ${line}`);
      assert.ok(line.endsWith(" │"), `the bar on the right:\n${drawn.join("\n")}`);
      assert.ok(!line.startsWith("│"), line);
    }
    // The quoted author's header stands against the bar, as the quoting one against the edge.
    assert.ok(
      inner[0]!.endsWith("@bob@x.example Bob │"),
      `the quoted header at the bar:\n${drawn.join("\n")}`,
    );
  });

  test("a monochrome theme's > quote mirrors to <", () => {
    const drawn = lines(quoting, { theme: pickTheme("dark", 0) });
    assert.ok(
      drawn.some((l) => l.endsWith(" <")),
      drawn.join("\n"),
    );
  });

  test("the reply arrow stands on the right and points left, at the words", () => {
    const reply = makeStatus({ inReplyToId: "1", inReplyToAccountId: "100" });
    const line = lines(reply).find((l) => l.includes("↲") || l.includes("↳"))!;
    assert.ok(line.trimStart().endsWith("↲"), line);
  });

  test("a picture's rows stand against the right edge, above its media line", () => {
    const drawn = lines(makeStatus({ mediaAttachments: image }), { pictures: pictures(12) });
    const rows = drawn.filter((l) => l.includes("▀"));
    assert.equal(rows.length, 2, drawn.join("\n"));
    for (const row of rows) assert.equal(row, `${" ".repeat(WIDTH - 12)}${"▀".repeat(12)}`);
  });

  test("the avatar column is on the right, beside the author's header", () => {
    const author = makeAccount({ avatarStatic: "https://home.example/alice.png" });
    const drawn = renderWithAvatar(makeStatus({ account: author }), {
      ...opts,
      avatars: pictures(4),
    }).map(seen);
    assert.equal(cellWidth(drawn[0]!), WIDTH);
    assert.ok(drawn[0]!.endsWith("@alice Alice ▀▀▀▀"), drawn.join("\n"));
    assert.match(drawn[1]!, /^hello {2,}▀▀▀▀$/, drawn.join("\n"));
    assert.match(drawn[2]!, / {5}$/, "the column blank below the picture");
  });

  test("a group's accounts: each name on the right, its handle in its order on its left", () => {
    const [first, second] = renderGroupAccounts(
      [makeAccount(), makeAccount({ displayName: "نورة", acct: "noura@souq.example" })],
      opts,
    ).map(seen);
    const right = (text: string) => `${" ".repeat(WIDTH - cellWidth(text))}${text}`;
    assert.equal(first, right("@alice@home.example Alice  "));
    assert.ok(second!.endsWith(`@noura@souq.example ${rtl("نورة")}  `), second);
  });
});

describe("a right-to-left quote in a toot's text, where tootty does the bidi", () => {
  before(() => setVisualBidi(true));
  after(() => setVisualBidi(false));

  test("an Arabic blockquote has its bar on its right; an English one keeps it on the left", () => {
    const status = makeStatus({
      content:
        "<blockquote><p>مرحبا بالعالم</p></blockquote><blockquote><p>hello world</p></blockquote>",
    });
    const drawn = lines(status).filter((l) => l.includes("│"));
    assert.equal(drawn.length, 2, drawn.join("\n"));
    assert.match(drawn[0]!, / {20,}\S.* │$/, drawn[0]);
    assert.equal(cellWidth(drawn[0]!), WIDTH);
    assert.match(drawn[1]!, /^│ hello world$/);
  });
});

describe("numbers on a toot in the locale's digits", () => {
  for (const tag of ["ar-EG", "ar-MA"]) {
    test(`${tag}: counts, times, votes and shares all in Intl's digits for ${tag}`, async () => {
      await loadLanguage(tag);
      setLocale(tag);
      try {
        const arab = new Intl.NumberFormat(tag).resolvedOptions().numberingSystem === "arab";
        const [own, other] = arab ? [/[٠-٩]/, /[0-9]/] : [/[0-9]/, /[٠-٩]/];
        const status = makeStatus({
          repliesCount: 3,
          reblogsCount: 12,
          favouritesCount: 1234,
          poll: pollOf([
            { title: "نعم", votesCount: 3 },
            { title: "لا", votesCount: 1 },
          ]),
        });
        const drawn = lines(status, { width: 60 });
        const counts = drawn.at(-1)!;
        for (const line of [drawn[0]!, counts, ...drawn.filter((l) => l.includes("█"))]) {
          assert.match(line, own, `${tag} digits: ${line}`);
          assert.doesNotMatch(line, other, `no other digits: ${line}`);
        }
        assert.ok(counts.includes(new Intl.NumberFormat(tag).format(1234)), counts);
      } finally {
        setLocale("en");
      }
    });
  }
});

describe("a poll's bars in one column where tootty shapes Arabic", () => {
  before(() => setVisualBidi(true));
  after(() => {
    setVisualBidi(false);
    setLocale("en");
  });

  for (const tag of ["en", "ar"]) {
    test(`${tag}: an option with a lam-alef ligature ("لا", one cell drawn) keeps its bar in line`, () => {
      setLocale(tag);
      const poll = pollOf([
        { title: "نعم", votesCount: 3 },
        { title: "لا", votesCount: 1 },
        { title: "no", votesCount: 0 },
      ]);
      // As drawn (not read back: the ligature is one character, in one cell).
      const rows = renderStatus(makeStatus({ poll }), opts)
        .map(stripAnsi)
        .filter((l) => /[█░]/.test(l));
      assert.equal(rows.length, 3);
      const starts = rows.map((r) => r.search(/[█░]/));
      assert.equal(new Set(starts).size, 1, rows.join("\n"));
      for (const r of rows) assert.equal(cellWidth(r), WIDTH, r);
    });
  }
});
