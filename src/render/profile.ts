// An account's profile as lines: name, acct, marks, bio (the same HTML pipeline as toots),
// profile fields (values are HTML too; a verified link gets a ✓), and counts. Each of the
// name line, the bio's paragraphs and the fields takes its direction from its own text (its
// first strong character, UAX #9 P2/P3), as a toot's paragraphs do: an Arabic bio or field
// runs right to left, against the right edge, whatever the interface language.
import type { mastodon } from "masto";
import { tl } from "../i18n/index.js";
import { alignRight, firstStrong, markArranged, visualBidi, visualParagraph } from "./bidi.js";
import { layoutBlocks } from "./blocks.js";
import { glyphsFor } from "./glyphs.js";
import { parseStatusHtml } from "./html.js";
import { parseWebUrl } from "./hyperlink.js";
import type { RenderOptions } from "./options.js";
import { paintFitted } from "./paint.js";
import { type InlineContext, inlinesToItems, type Piece, withEmoji } from "./pieces.js";
import { sanitizeInline } from "./sanitize.js";
import { authorPieces, countOf, emojiSet } from "./status-parts.js";
import { cellWidth } from "./width.js";
import { clipLine, type Line, wrapItems } from "./wrap.js";

export type ProfileOptions = Pick<RenderOptions, "width" | "theme" | "hyperlinks" | "unicode">;

/** The whole profile: name line, bio, fields and counts. */
export function renderProfile(account: mastodon.v1.Account, opts: ProfileOptions): string[] {
  return guarded(opts, () => [...aboutLines(account, opts), "", countsLine(account, opts)]);
}

/**
 * The profile without its counts, for a view that says them its own way: the name line, then
 * a blank line and the bio, then a blank line and the fields.
 */
export function renderProfileAbout(account: mastodon.v1.Account, opts: ProfileOptions): string[] {
  return guarded(opts, () => aboutLines(account, opts));
}

function guarded(opts: ProfileOptions, lines: () => string[]): string[] {
  try {
    return lines();
  } catch {
    // As for statuses: a malformed account is a notice, never the end of the program.
    const notice = wrapItems(
      [{ text: tl("profile.malformed"), roles: ["notice"] }],
      Math.max(1, Math.floor(opts.width)),
    );
    return notice.map((l) =>
      paintFitted(
        l,
        Math.max(1, Math.floor(opts.width)),
        glyphsFor(opts.unicode),
        opts.theme,
        false,
      ),
    );
  }
}

/** `line` in its own direction where tootty does the bidi: a right-to-left one to the right. */
function ownDirection(line: Line, width: number): Line {
  if (!visualBidi()) return line;
  const p = visualParagraph([line], "auto");
  return markArranged(p.rtl ? alignRight(p.lines[0]!, width) : p.lines[0]!);
}

function countsLine(account: mastodon.v1.Account, opts: ProfileOptions): string {
  const g = glyphsFor(opts.unicode);
  const line: Line = [
    {
      text: [
        tl("profile.posts", { count: countOf(account.statusesCount) }),
        tl("profile.following", { count: countOf(account.followingCount) }),
        tl("profile.followers", { count: countOf(account.followersCount) }),
      ].join(g.dot),
      roles: ["counts"],
    },
  ];
  return paintFitted(line, Math.max(1, Math.floor(opts.width)), g, opts.theme, false);
}

function aboutLines(account: mastodon.v1.Account, opts: ProfileOptions): string[] {
  const width = Math.max(1, Math.floor(opts.width));
  const emojis = emojiSet(account.emojis);
  const g = glyphsFor(opts.unicode);
  const ctx: InlineContext = {
    theme: opts.theme,
    expanded: true,
    emojis,
    mentions: new Map(),
    authorHost: parseWebUrl(account.url)?.hostname ?? "",
    glyphs: g,
  };
  const lines: Line[] = [];
  const name = authorPieces(account, true);
  lines.push(ownDirection(clipLine(name, width, g.ellipsis), width));

  const bio = layoutBlocks(
    parseStatusHtml(typeof account.note === "string" ? account.note : ""),
    width,
    ctx,
  );
  if (bio.length) lines.push([], ...bio);

  const fields = (account.fields ?? []).filter((f) => f && typeof f.name === "string");
  if (fields.length) lines.push([]);
  const labelWidth = Math.min(
    Math.floor(width / 3),
    Math.max(0, ...fields.map((f) => cellWidth(sanitizeInline(f.name)))),
  );
  for (const field of fields) {
    const label = clipLine(
      withEmoji(sanitizeInline(field.name), ["bold"], emojis),
      labelWidth,
      g.ellipsis,
    );
    const used = label.reduce((w, x) => w + cellWidth(x.text), 0);
    const value = parseStatusHtml(typeof field.value === "string" ? field.value : "").flatMap(
      (b) => (b.kind === "paragraph" ? b.inlines : []),
    );
    const items = inlinesToItems(value, ctx);
    if (field.verifiedAt) items.push({ text: g.verified, roles: ["active"] });
    const valueLines = wrapItems(items, Math.max(1, width - labelWidth - 2));
    // A field runs in the direction of its name's first strong character, else its value's:
    // a right-to-left one has its name against the right edge and its value to the left.
    const valueText = items.map((x) => (x === "\n" ? " " : x.text)).join("");
    const rtl =
      visualBidi() && (firstStrong(sanitizeInline(field.name)) ?? firstStrong(valueText)) === "rtl";
    valueLines.forEach((l, i) => {
      const prefix: Piece[] =
        i === 0
          ? [...label, { text: " ".repeat(labelWidth - used + 2), roles: [] }]
          : [{ text: " ".repeat(labelWidth + 2), roles: [] }];
      const row = [...prefix, ...l];
      lines.push(
        rtl ? markArranged(alignRight(visualParagraph([row], "rtl").lines[0]!, width)) : row,
      );
    });
  }
  return lines.map((l) => paintFitted(l, width, g, opts.theme, opts.hyperlinks ?? false));
}
