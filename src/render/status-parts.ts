// The parts of a toot around its body: header, boost and reply lines, poll, media, card, counts.
import type { mastodon } from "masto";
import { tl, tlAround } from "../i18n/index.js";
import type { Glyphs } from "./glyphs.js";
import { displayHost, parseWebUrl } from "./hyperlink.js";
import type { PictureRows } from "./options.js";
import { type Piece, withEmoji } from "./pieces.js";
import { sanitizeInline } from "./sanitize.js";
import type { Role } from "./theme.js";
import { relativeTime } from "./time.js";
import { cellWidth } from "./width.js";
import { clipLine, type Line, wrapItems } from "./wrap.js";

const p = (text: string, ...roles: Role[]): Piece => ({ text, roles });

/** A count from the server as digits: anything but a finite number (a hostile string) reads 0. */
export function countText(x: unknown): string {
  return String(Number.isFinite(x) ? x : 0);
}

export function emojiSet(
  emojis: readonly mastodon.v1.CustomEmoji[] | null | undefined,
): Set<string> {
  const set = new Set<string>();
  for (const e of emojis ?? []) if (typeof e?.shortcode === "string") set.add(e.shortcode);
  return set;
}

export function namePieces(account: mastodon.v1.Account, role: Role): Piece[] {
  const name = sanitizeInline(account.displayName || account.username || account.acct || "");
  return withEmoji(name || "?", [role], emojiSet(account.emojis));
}

/** "@user" (or "@user@domain" when expanded: local accts get the host of the account URL). */
export function acctText(account: mastodon.v1.Account, expanded: boolean): string {
  const acct = sanitizeInline(account.acct || account.username || "");
  if (!expanded || acct.includes("@")) return `@${acct}`;
  const url = parseWebUrl(account.url);
  return url ? `@${acct}@${sanitizeInline(url.hostname)}` : `@${acct}`;
}

/** Name, "@acct" and the [bot] / [locked] marks: who wrote a toot, whose profile this is. */
export function authorPieces(account: mastodon.v1.Account, expanded: boolean): Piece[] {
  const head = [
    ...namePieces(account, "displayName"),
    p(` ${acctText(account, expanded)}`, "acct"),
  ];
  if (account.bot) head.push(p(` ${tl("status.bot")}`, "meta"));
  if (account.locked) head.push(p(` ${tl("status.locked")}`, "meta"));
  return head;
}

const VISIBILITY: Record<string, () => string> = {
  public: () => "",
  unlisted: () => tl("status.unlisted"),
  private: () => tl("status.followersOnly"),
  direct: () => tl("status.direct"),
};

export function headerLine(
  s: mastodon.v1.Status,
  width: number,
  now: number,
  expanded: boolean,
  g: Glyphs,
): Line {
  const tail: Piece[] = [p(`${g.dot}${relativeTime(s.createdAt, now)}`, "meta")];
  const vis = Object.hasOwn(VISIBILITY, s.visibility)
    ? VISIBILITY[s.visibility]!()
    : sanitizeInline(String(s.visibility ?? ""));
  if (vis) tail.push(p(`${g.dot}${vis}`, "meta"));
  if (s.editedAt) tail.push(p(`${g.dot}${tl("status.edited")}`, "meta"));
  // Mastodon sends `pinned` only on the reader's own toots (and tootty marks a profile's pinned ones).
  if (s.pinned === true) tail.push(p(`${g.dot}${tl("status.pinned")}`, "meta"));
  const head = authorPieces(s.account, expanded);
  const tailWidth = tail.reduce((w, x) => w + cellWidth(x.text), 0);
  // The name gives way first: time and marks are what a scanning eye needs.
  if (tailWidth <= width - 8) return [...clipLine(head, width - tailWidth, g.ellipsis), ...tail];
  return clipLine([...head, ...tail], width, g.ellipsis);
}

export function boostLine(wrapper: mastodon.v1.Status, width: number, g: Glyphs): Line {
  const [before, after] = tlAround("status.boostedBy", "name");
  const line = [p(g.boosted + before, "boost"), ...namePieces(wrapper.account, "boost")];
  if (after) line.push(p(after, "boost"));
  return clipLine(line, width, g.ellipsis);
}

export function replyLine(
  s: mastodon.v1.Status,
  width: number,
  expanded: boolean,
  g: Glyphs,
): Line | null {
  if (!s.inReplyToId) return null;
  if (s.inReplyToAccountId && s.inReplyToAccountId === s.account.id) {
    return [p(`${g.replyTo}${tl("status.continuesThread")}`, "reply")];
  }
  const target = (s.mentions ?? []).find((m) => m.id === s.inReplyToAccountId);
  if (!target) return [p(`${g.replyTo}${tl("status.inReply")}`, "reply")];
  const acct = sanitizeInline(target.acct);
  const shown = expanded || !acct.includes("@") ? acct : acct.split("@")[0];
  const [before, after] = tlAround("status.replyingTo", "acct");
  const line = [p(`${g.replyTo}${before}`, "reply"), p(`@${shown}`, "mention")];
  if (after) line.push(p(after, "reply"));
  return clipLine(line, width, g.ellipsis);
}

export function spoilerLines(s: mastodon.v1.Status, width: number): Line[] {
  const text = sanitizeInline(s.spoilerText);
  return wrapItems(
    [p(tl("status.cw"), "cw", "bold"), ...withEmoji(text, ["cw"], emojiSet(s.emojis))],
    width,
  );
}

export function hiddenNotice(s: mastodon.v1.Status, why: string, width: number, g: Glyphs): Line[] {
  const what: string[] = [tl("status.hiddenText")];
  const media = s.mediaAttachments?.length ?? 0;
  if (media) what.push(tl("status.hiddenMedia", { count: media }));
  if (s.poll) what.push(tl("status.hiddenPoll"));
  const list = what.join(tl("status.listSeparator"));
  return wrapItems([p(tl("status.hidden", { why, what: list, dash: g.dash }), "notice")], width);
}

function untilText(iso: string | null | undefined, now: number): string {
  const t = iso ? Date.parse(iso) : Number.NaN;
  if (Number.isNaN(t)) return "";
  const left = t - now;
  if (left <= 0) return tl("poll.closed");
  if (left < 3_600_000)
    return tl("poll.endsMinutes", { count: Math.max(1, Math.floor(left / 60_000)) });
  if (left < 86_400_000) return tl("poll.endsHours", { count: Math.floor(left / 3_600_000) });
  return tl("poll.endsDays", { count: Math.floor(left / 86_400_000) });
}

export function pollLines(
  poll: mastodon.v1.Poll,
  width: number,
  now: number,
  markers: boolean,
  g: Glyphs,
): Line[] {
  const emojis = emojiSet((poll as { emojis?: mastodon.v1.CustomEmoji[] }).emojis);
  const own = new Set(poll.ownVotes ?? []);
  const total = poll.multiple ? (poll.votersCount ?? poll.votesCount) : poll.votesCount;
  const barWidth = width >= 60 ? 16 : width >= 36 ? 10 : 5;
  const markWidth = cellWidth(g.pollOwn);
  const titleWidth = Math.max(1, width - markWidth - 1 - barWidth - 5);
  const lines: Line[] = [];
  (poll.options ?? []).forEach((option, i) => {
    const votes = option.votesCount ?? 0;
    const share = total > 0 ? Math.min(1, Math.max(0, votes / total)) : 0;
    const mine = own.has(i);
    const mark = poll.multiple
      ? mine
        ? g.multiOwn
        : g.multiOther
      : mine
        ? g.pollOwn
        : g.pollOther;
    const title = clipLine(
      withEmoji(sanitizeInline(option.title), mine ? ["pollOwn"] : [], emojis),
      titleWidth,
      g.ellipsis,
    );
    const tw = title.reduce((w, x) => w + cellWidth(x.text), 0);
    const filled = Math.round(share * barWidth);
    const percent = `${Math.round(share * 100)}%`.padStart(5);
    lines.push([
      p(mark, mine ? "pollOwn" : "meta"),
      ...title,
      p(" ".repeat(titleWidth - tw + 1)),
      p((markers ? "#" : g.barFull).repeat(filled), "pollBar"),
      p((markers ? "." : g.barEmpty).repeat(barWidth - filled), "pollBarEmpty"),
      p(percent, mine ? "pollOwn" : "meta"),
    ]);
  });
  const facts = [tl("poll.votes", { count: Number(countText(poll.votesCount)) })];
  if (poll.multiple) facts.push(tl("poll.multiple"));
  facts.push(poll.expired ? tl("poll.closed") : untilText(poll.expiresAt, now));
  if (poll.voted) facts.push(tl("poll.youVoted"));
  lines.push(clipLine([p(facts.filter(Boolean).join(g.dot), "meta")], width, g.ellipsis));
  return lines;
}

export interface MediaOptions {
  /** The blur filter's title, when one applies. */
  blurredBy: string | null;
  /** The reader opened the toot (`s`): sensitive and blurred media are shown. */
  expanded: boolean;
  pictures?: PictureRows;
  pictureRows?: number;
}

const PICTURE_TYPES = new Set(["image", "gifv", "video"]);

export function mediaLines(
  s: mastodon.v1.Status,
  width: number,
  opts: MediaOptions,
  g: Glyphs,
): Line[] {
  const media = s.mediaAttachments ?? [];
  if (media.length === 0) return [];
  const hidden = !opts.expanded && (s.sensitive === true || opts.blurredBy !== null);
  const lines: Line[] = [];
  if (hidden) {
    const count = media.length;
    const why =
      opts.blurredBy !== null
        ? tl("media.hiddenByFilter", { count, filter: opts.blurredBy })
        : tl("media.sensitiveCount", { count });
    lines.push(
      clipLine(
        [p(`${g.media}${why}`, "media"), p(`${g.dot}${tl("media.sShows")}`, "notice")],
        width,
        g.ellipsis,
      ),
    );
  }
  for (const m of media) {
    const type = mediaTypeWord(m.type);
    const view =
      opts.pictures && PICTURE_TYPES.has(String(m.type))
        ? opts.pictures.rows(m, width, opts.pictureRows ?? 8, hidden)
        : null;
    // Painted rows are ours (never server text): each is one piece, like a quote's lines.
    if (view) for (const row of view.lines) lines.push([{ text: row, roles: [] }]);
    if (hidden) continue;
    const alt = m.description ? sanitizeInline(m.description) : "";
    const line: Piece[] = [p(`${g.media}${type}`, "media")];
    if (view?.kind === "picture" && m.type !== "image")
      line.push(p(`${g.dot}${tl("media.firstFrame")}`, "meta"));
    if (s.sensitive) line.push(p(`${g.dot}${tl("media.sensitive")}`, "sensitive"));
    // Before the alt text, which is long and cut at the pane's edge.
    if (view?.kind === "failed" && view.reason)
      line.push(p(`${g.dot}${tl("media.notShown", { reason: view.reason })}`, "notice"));
    line.push(alt ? p(`${g.dot}${alt}`) : p(`${g.dot}${tl("media.noDescription")}`, "notice"));
    lines.push(clipLine(line, width, g.ellipsis));
  }
  return lines;
}

const MEDIA_TYPES: Record<string, () => string> = {
  image: () => tl("media.image"),
  gifv: () => tl("media.gifv"),
  video: () => tl("media.video"),
  audio: () => tl("media.audio"),
  unknown: () => tl("media.unknown"),
};

/** The documented attachment types in the reader's words; another is shown as the server sent it. */
function mediaTypeWord(type: unknown): string {
  if (type === null || type === undefined) return tl("media.generic");
  const name = String(type);
  return Object.hasOwn(MEDIA_TYPES, name) ? MEDIA_TYPES[name]!() : sanitizeInline(name);
}

export function cardLine(card: mastodon.v1.PreviewCard, width: number, g: Glyphs): Line | null {
  const url = parseWebUrl(card.url);
  const title = sanitizeInline(card.title ?? "");
  if (!url && !title) return null;
  // The domain is what tells a reader where the card leads: the title gives way first.
  const domain: Piece[] = url
    ? [{ text: `${title ? g.dot : ""}${displayHost(url)}`, roles: ["linkDomain"], url }]
    : [];
  const domainWidth = domain.reduce((w, x) => w + cellWidth(x.text), 0);
  const titleRoom = width - 2 - domainWidth;
  if (titleRoom < 6)
    return clipLine(
      [p(g.card, "meta"), ...(url ? [p(displayHost(url), "linkDomain")] : [p(title, "card")])],
      width,
      g.ellipsis,
    );
  return [
    p(g.card, "meta"),
    ...(title ? clipLine([p(title, "card")], titleRoom, g.ellipsis) : []),
    ...domain,
  ];
}

export function countsLine(s: mastodon.v1.Status, width: number, g: Glyphs): Line {
  const line: Piece[] = [
    p(`${g.replies}${countText(s.repliesCount)}  `, "counts"),
    p(`${g.boosts}${countText(s.reblogsCount)}`, s.reblogged ? "active" : "counts"),
    p("  "),
    p(
      `${s.favourited ? g.favourited : g.favourites}${countText(s.favouritesCount)}`,
      s.favourited ? "active" : "counts",
    ),
  ];
  // `quotes_count` (Mastodon 4.5, entities/Status.md): only where the server counts quotes.
  const quotes = (s as { quotesCount?: unknown }).quotesCount;
  if (typeof quotes === "number") line.push(p(`  ${g.quotes}${countText(quotes)}`, "counts"));
  const mine: string[] = [];
  if (s.reblogged) mine.push(tl("status.youBoosted"));
  if (s.favourited) mine.push(tl("status.youFavourited"));
  if (s.bookmarked) mine.push(tl("status.youBookmarked"));
  if (mine.length) line.push(p(`  ${mine.join(g.dot)}`, "active"));
  return clipLine(line, width, g.ellipsis);
}
