import assert from "node:assert/strict";
import { before, describe, test } from "node:test";
import fc from "fast-check";
import type { mastodon } from "masto";
import {
  pickTheme,
  renderNotificationSummary,
  renderProfile,
  renderStatus,
  sanitizeText,
  warmUpCodeHighlighting,
} from "../../src/render/index.js";
import { filterResult, makeAccount, makeStatus, NOW } from "./make-status.js";

// What may remain in output: SGR colour codes only. Everything else that a terminal
// would act on (other CSI, OSC, DCS, C0/C1 controls, bidi overrides/isolates) must be gone.
const SGR = /\x1b\[[0-9;]*m/g;
const FORBIDDEN = /[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/;

function assertInert(out: string, what: string) {
  const withoutSgr = out.replace(SGR, "");
  const bad = FORBIDDEN.exec(withoutSgr);
  assert.equal(
    bad,
    null,
    `${what} let U+${bad?.[0].codePointAt(0)?.toString(16)} through: ${JSON.stringify(out)}`,
  );
}

describe("sanitizeText", () => {
  const cases: Array<[string, string, string]> = [
    ["cursor movement", "a\x1b[2Jb\x1b[10;10Hc", "abc"],
    ["window title (OSC 0, BEL)", "x\x1b]0;pwned\x07y", "xy"],
    ["clipboard write (OSC 52, ST)", "x\x1b]52;c;cm0gLXJmIH4=\x1b\\y", "xy"],
    ["forged hyperlink (OSC 8)", "\x1b]8;;https://evil.example\x1b\\bank\x1b]8;;\x1b\\", "bank"],
    ["8-bit CSI (U+009B)", "a\u009b31mb", "ab"],
    ["8-bit OSC (U+009D) with 8-bit ST", "a\u009d0;t\u009cb", "ab"],
    ["DCS string", "a\x1bPq#0;2;0;0;0\x1b\\b", "ab"],
    ["bare controls", "a\x00\x07\x08\rb\x7f\u0085c", "abc"],
    ["tab becomes a space", "a\tb", "a b"],
    ["right-to-left override", "abc\u202Egnp.exe", "abcgnp.exe"],
    ["isolates", "\u2067name\u2069 after", "name after"],
    ["combining run bounded", `e${"\u0301".repeat(50)}`, `e${"\u0301".repeat(4)}`],
    ["zero-width run bounded", `a${"\u200b".repeat(30)}b`, `a${"\u200b".repeat(4)}b`],
    ["VS16 after a narrow base is dropped (wcwidth)", "\u2601\ufe0f", "\u2601"],
    ["ZWJ sequences are split into their parts (wcwidth)", "👨‍👩‍👧", "👨👩👧"],
    ["no invisible pad is added after wide emoji", "😀 ok", "😀 ok"],
    ["plane 16 private use (the UI's placeholders) becomes U+FFFD", "a\u{100000}b", "a\ufffdb"],
    ["lone surrogates become U+FFFD", "a\ud800b", "a\ufffdb"],
  ];
  for (const [what, input, expected] of cases) {
    test(`neutralises ${what}`, () => {
      assert.equal(sanitizeText(input), expected);
    });
  }

  test("keeps ordinary text of every script untouched", () => {
    for (const s of ["hello", "Grüße", "漢字かな", "Привет", "line one\nline two"]) {
      assert.equal(sanitizeText(s), s);
    }
  });

  test("right-to-left text is followed by a left-to-right mark so it cannot pull what follows", () => {
    assert.equal(sanitizeText("مرحبا"), "مرحبا\u200e");
  });
});

// Arbitraries for hostile strings: every C0/C1 control, real escape sequences, bidi controls.
const control = fc
  .integer({ min: 0, max: 0x9f })
  .filter((c) => c < 0x20 || c >= 0x7f)
  .map((c) => String.fromCharCode(c));
const bidi = fc.constantFrom(
  "\u202a",
  "\u202b",
  "\u202c",
  "\u202d",
  "\u202e",
  "\u2066",
  "\u2067",
  "\u2068",
  "\u2069",
  "\u200e",
  "\u200f",
  "\u061c",
);
const escapeSequence = fc.oneof(
  fc.string({ maxLength: 8 }).map((s) => `\x1b[${s}`),
  fc.string({ maxLength: 8 }).map((s) => `\x1b]${s}\x07`),
  fc.string({ maxLength: 8 }).map((s) => `\x1b]8;;${s}\x1b\\`),
  fc.string({ maxLength: 8 }).map((s) => `\x1bP${s}\x1b\\`),
  fc.string({ maxLength: 8 }).map((s) => `\u009b${s}`),
  fc.string({ maxLength: 8 }).map((s) => `\u009d${s}\u009c`),
  fc.constantFrom(
    "\x1b",
    "\x1b[",
    "\x1b]",
    "\x1b\\",
    "\x1bc",
    "\x1b7",
    "\x1b(0",
    "\u009b",
    "\u0090",
  ),
);
const hostile = fc
  .array(
    fc.oneof(
      control,
      bidi,
      escapeSequence,
      fc.string({ maxLength: 6 }),
      fc.string({ unit: "grapheme", maxLength: 4 }),
    ),
    {
      maxLength: 12,
    },
  )
  .map((parts) => parts.join(""));

describe("hostile server strings (property)", () => {
  // With the highlighter loaded, <pre> blocks go through marked-terminal: it must stay inert too.
  before(() => warmUpCodeHighlighting());

  test("sanitizeText output never contains a control, escape or bidi override", () => {
    fc.assert(
      fc.property(hostile, (s) => assertInert(sanitizeText(s), "sanitizeText")),
      { numRuns: 3000 },
    );
  });

  test("a status with hostile text in every field renders to printable text and SGR only", () => {
    fc.assert(
      fc.property(
        fc.array(hostile, { minLength: 12, maxLength: 12 }),
        fc.boolean(),
        (f, expanded) => {
          const html = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;");
          const status = makeStatus({
            account: makeAccount({
              displayName: f[0]!,
              acct: f[1]!,
              emojis: [{ shortcode: f[2]!, url: "", staticUrl: "", visibleInPicker: true }],
            }),
            content: `<p>${html(f[3]!)} <a href="https://x.example/${encodeURIComponent(f[4]!)}">${html(f[4]!)}</a> :${f[2]}:</p><pre>${html(f[5]!)}</pre>`,
            spoilerText: f[6]!,
            mediaAttachments: [
              { id: "m", type: "image", description: f[7]! } as mastodon.v1.MediaAttachment,
            ],
            poll: {
              id: "p",
              expired: false,
              multiple: false,
              votesCount: 1,
              options: [{ title: f[8]!, votesCount: 1, emojis: [] }],
            } as unknown as mastodon.v1.Poll,
            card: {
              url: `https://${f[9]!.replace(/[^a-z]/g, "") || "c"}.example/`,
              title: f[9]!,
            } as mastodon.v1.PreviewCard,
            mentions: [{ id: "2", username: f[10]!, acct: f[10]!, url: "https://x.example/@m" }],
          });
          const withMention = {
            ...status,
            content: `${status.content}<p><a class="mention" href="https://x.example/@m">@${html(f[11]!)}</a></p>`,
          };
          for (const lines of [
            renderStatus(withMention, {
              width: 50,
              theme: pickTheme("dark", 3),
              now: NOW,
              expanded,
            }),
            renderStatus(withMention, {
              width: 50,
              theme: pickTheme("mono", 0),
              now: NOW,
              expanded,
            }),
          ]) {
            for (const line of lines) assertInert(line, "renderStatus");
          }
          const ascii = renderStatus(withMention, {
            width: 50,
            theme: pickTheme("dark", 3),
            now: NOW,
            expanded,
            unicode: false,
          });
          for (const line of ascii) {
            const plain = line.replace(SGR, "");
            assert.match(plain, /^[\x20-\x7e]*$/, `not ASCII: ${JSON.stringify(plain)}`);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  test("filter titles, visibility, media and notification types, profiles are sanitised too", () => {
    fc.assert(
      fc.property(
        hostile,
        hostile,
        hostile,
        hostile,
        (title, visibility, type, notificationType) => {
          const media = [
            { id: "m", type, description: null } as unknown as mastodon.v1.MediaAttachment,
          ];
          const theme = pickTheme("dark", 3);
          for (const action of ["warn", "blur", "hide", "other"]) {
            const status = makeStatus({
              visibility: visibility as mastodon.v1.StatusVisibility,
              mediaAttachments: media,
              filtered: [filterResult(action, title)],
            });
            for (const expanded of [false, true]) {
              for (const line of renderStatus(status, { width: 40, theme, now: NOW, expanded })) {
                assertInert(line, `filter ${action}`);
              }
            }
          }
          const n = {
            id: "n",
            type: notificationType,
            createdAt: new Date(NOW).toISOString(),
            account: makeAccount({ displayName: title }),
            status: makeStatus({ spoilerText: visibility }),
          } as unknown as mastodon.v1.Notification;
          assertInert(renderNotificationSummary(n, { width: 60, theme, now: NOW }), "notification");
          const profile = makeAccount({
            displayName: title,
            note: `<p>${visibility.replace(/</g, "&lt;")}</p>`,
            fields: [
              { name: type, value: notificationType.replace(/</g, "&lt;"), verifiedAt: null },
            ],
          } as Partial<mastodon.v1.Account>);
          for (const line of renderProfile(profile, { width: 50, theme }))
            assertInert(line, "profile");
        },
      ),
      { numRuns: 300 },
    );
  });

  test("names of Object's own properties are unknown words, not table entries", () => {
    const theme = pickTheme("dark", 0);
    for (const word of ["constructor", "toString", "__proto__", "hasOwnProperty"]) {
      const n = {
        id: "n",
        type: word,
        createdAt: new Date(NOW).toISOString(),
        account: makeAccount(),
      } as unknown as mastodon.v1.Notification;
      const summary = renderNotificationSummary(n, { width: 80, theme, now: NOW });
      assert.match(summary, new RegExp(`sent a notification \\(${word}\\)$`));
      const status = makeStatus({
        visibility: word as mastodon.v1.StatusVisibility,
        quote: { state: word },
        content: `<p><${word}>x</${word}> y</p>`,
      } as Partial<mastodon.v1.Status>);
      const out = renderStatus(status, { width: 80, theme, now: NOW }).join("\n");
      assert.doesNotMatch(out, /native code|\[object/, out);
      assert.match(out, new RegExp(`· ${word}\\n`));
      assert.match(out, /\[you cannot see the quoted post\]/);
    }
  });

  test("counts that are not numbers (a poll's votes, replies, followers) read 0, never the string", () => {
    const evil = "\x1b]52;c;cm0=\x07\x1b[2J" as unknown as number;
    const theme = pickTheme("dark", 3);
    const status = makeStatus({
      repliesCount: evil,
      poll: {
        id: "p",
        expired: true,
        multiple: false,
        votesCount: evil,
        options: [{ title: "tea", votesCount: 1, emojis: [] }],
      } as unknown as mastodon.v1.Poll,
    });
    const lines = renderStatus(status, { width: 60, theme, now: NOW });
    for (const line of lines) assertInert(line, "status counts");
    assert.ok(lines.some((l) => l.replace(SGR, "").includes("0 votes")));
    const profile = makeAccount({ statusesCount: evil, followersCount: evil });
    const last = renderProfile(profile, { width: 60, theme }).at(-1)!.replace(SGR, "");
    assert.match(last, /^0 posts .* 0 followers$/);
  });

  test("with hyperlinks on, the only OSC is our own OSC 8 around a parsed http(s) URL", () => {
    fc.assert(
      fc.property(hostile, hostile, (href, label) => {
        const status = makeStatus({
          content: `<p><a href="${href.replace(/"/g, "&quot;")}">${label.replace(/</g, "&lt;")}</a> <a href="https://ok.example/${encodeURIComponent(label)}">ok</a></p>`,
        });
        for (const line of renderStatus(status, {
          width: 60,
          theme: pickTheme("dark", 3),
          now: NOW,
          hyperlinks: true,
        })) {
          const withoutOurLinks = line.replace(/\x1b\]8;;(?:https?:\/\/[\x21-\x7e]*)?\x1b\\/g, "");
          assertInert(withoutOurLinks, "renderStatus with hyperlinks");
        }
      }),
      { numRuns: 500 },
    );
  });
});
