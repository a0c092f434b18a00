// An account's profile as lines: name, acct, marks, bio (the same HTML pipeline as toots),
// profile fields (values are HTML too; a verified link gets a ✓), and counts.
import type { mastodon } from "masto";
import { tl } from "../i18n/index.js";
import { layoutBlocks } from "./blocks.js";
import { glyphsFor } from "./glyphs.js";
import { parseStatusHtml } from "./html.js";
import { parseWebUrl } from "./hyperlink.js";
import type { RenderOptions } from "./options.js";
import { paintFitted } from "./paint.js";
import { type InlineContext, inlinesToItems, type Piece, withEmoji } from "./pieces.js";
import { sanitizeInline } from "./sanitize.js";
import { authorPieces, countText, emojiSet } from "./status-parts.js";
import { cellWidth } from "./width.js";
import { clipLine, type Line, wrapItems } from "./wrap.js";

export type ProfileOptions = Pick<RenderOptions, "width" | "theme" | "hyperlinks" | "unicode">;

export function renderProfile(account: mastodon.v1.Account, opts: ProfileOptions): string[] {
  try {
    return profileLines(account, opts);
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

function profileLines(account: mastodon.v1.Account, opts: ProfileOptions): string[] {
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
  lines.push(clipLine(authorPieces(account, true), width, g.ellipsis));

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
    valueLines.forEach((l, i) => {
      const prefix: Piece[] =
        i === 0
          ? [...label, { text: " ".repeat(labelWidth - used + 2), roles: [] }]
          : [{ text: " ".repeat(labelWidth + 2), roles: [] }];
      lines.push([...prefix, ...l]);
    });
  }
  lines.push(
    [],
    [
      {
        text: [
          tl("profile.posts", { count: Number(countText(account.statusesCount)) }),
          tl("profile.following", { count: Number(countText(account.followingCount)) }),
          tl("profile.followers", { count: Number(countText(account.followersCount)) }),
        ].join(g.dot),
        roles: ["counts"],
      },
    ],
  );
  return lines.map((l) => paintFitted(l, width, g, opts.theme, opts.hyperlinks ?? false));
}
