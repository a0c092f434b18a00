// The parts of a toot around its body: header, boost and reply lines, poll, media, card, counts.
import type { mastodon } from "masto";
import { formatNumber, formatPercent, rtlInterface, tl, tlAround } from "../i18n/index.js";
import { alignRight, drawnWidth, isolateRun, markArranged, rtlLines, visualBidi } from "./bidi.js";
import { type Glyphs, mirroredArrow } from "./glyphs.js";
import { displayHost, parseWebUrl } from "./hyperlink.js";
import type { PictureRows } from "./options.js";
import { type Piece, withEmoji } from "./pieces.js";
import { sanitizeInline } from "./sanitize.js";
import type { Role } from "./theme.js";
import { relativeTime } from "./time.js";
import { cellWidth } from "./width.js";
import { clipLine, type Line, wrapItems } from "./wrap.js";

const p = (text: string, ...roles: Role[]): Piece => ({ text, roles });

/**
 * Lines of tootty's own words in a toot or a notification (notices, boost and reply lines,
 * the poll, media and counts lines) in the interface's direction: a right-to-left interface
 * mirrors them, as it mirrors everything it lays out, while the server text inside them
 * (names, titles, alt text) keeps its own as an isolate.
 */
export function ownLines(lines: Line[], width: number): Line[] {
  return rtlInterface() ? rtlLines(lines, width) : lines;
}

/**
 * An arrow that points at the words after it ("↳ in reply to"), turned for the interface's
 * direction: a right-to-left line has it on the words' right, pointing left.
 */
function ownArrow(arrow: string): string {
  return rtlInterface() ? mirroredArrow(arrow) : arrow;
}

/** Tootty lays its own lines out right to left: a right-to-left interface, the bidi done here. */
function mirrored(): boolean {
  return rtlInterface() && visualBidi();
}

/** One line of tootty's own words (already within `width`), as `ownLines`. */
export function ownLine(line: Line, width: number): Line {
  return ownLines([line], width)[0]!;
}

/** A count from the server: anything but a finite number (a hostile string) reads 0. */
export function countOf(x: unknown): number {
  return typeof x === "number" && Number.isFinite(x) ? x : 0;
}

/** A count from the server in the interface language's digits (as every number tootty writes). */
export function countText(x: unknown): string {
  return formatNumber(countOf(x));
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

/**
 * Name, "@acct" and the [bot] / [locked] marks: who wrote a toot, whose profile this is. The
 * handle keeps its own direction (after an Arabic name it stands on the name's left, `@`
 * first); `isolateName` makes the name one isolate too, for a line whose direction is not
 * the name's (a toot's header); a profile's name line takes its direction from the name.
 */
export function authorPieces(
  account: mastodon.v1.Account,
  expanded: boolean,
  isolateName = false,
): Piece[] {
  const name = namePieces(account, "displayName");
  const head = [
    ...(isolateName ? isolateRun(name) : name),
    p(" "),
    { ...p(acctText(account, expanded), "acct"), isolate: true },
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
  // The name and the handle keep their own direction: in a right-to-left interface the name
  // is on the right, the handle on its left, the time further left.
  const head = authorPieces(s.account, expanded, true);
  const tailWidth = tail.reduce((w, x) => w + cellWidth(x.text), 0);
  // The name gives way first: time and marks are what a scanning eye needs.
  if (tailWidth <= width - 8)
    return ownLine([...clipLine(head, width - tailWidth, g.ellipsis), ...tail], width);
  return ownLine(clipLine([...head, ...tail], width, g.ellipsis), width);
}

export function boostLine(wrapper: mastodon.v1.Status, width: number, g: Glyphs): Line {
  const [before, after] = tlAround("status.boostedBy", "name");
  const line = [
    p(g.boosted + before, "boost"),
    ...isolateRun(namePieces(wrapper.account, "boost")),
  ];
  if (after) line.push(p(after, "boost"));
  return ownLine(clipLine(line, width, g.ellipsis), width);
}

export function replyLine(
  s: mastodon.v1.Status,
  width: number,
  expanded: boolean,
  g: Glyphs,
): Line | null {
  if (!s.inReplyToId) return null;
  if (s.inReplyToAccountId && s.inReplyToAccountId === s.account.id) {
    return ownLine([p(`${ownArrow(g.replyTo)}${tl("status.continuesThread")}`, "reply")], width);
  }
  const target = (s.mentions ?? []).find((m) => m.id === s.inReplyToAccountId);
  if (!target) return ownLine([p(`${ownArrow(g.replyTo)}${tl("status.inReply")}`, "reply")], width);
  const acct = sanitizeInline(target.acct);
  const shown = expanded || !acct.includes("@") ? acct : acct.split("@")[0];
  const [before, after] = tlAround("status.replyingTo", "acct");
  const line = [p(`${ownArrow(g.replyTo)}${before}`, "reply"), p(`@${shown}`, "mention")];
  if (after) line.push(p(after, "reply"));
  return ownLine(clipLine(line, width, g.ellipsis), width);
}

export function spoilerLines(s: mastodon.v1.Status, width: number): Line[] {
  const text = sanitizeInline(s.spoilerText);
  const cw = isolateRun(withEmoji(text, ["cw"], emojiSet(s.emojis)));
  return ownLines(wrapItems([p(tl("status.cw"), "cw", "bold"), ...cw], width), width);
}

export function hiddenNotice(s: mastodon.v1.Status, why: string, width: number, g: Glyphs): Line[] {
  const what: string[] = [tl("status.hiddenText")];
  const media = s.mediaAttachments?.length ?? 0;
  if (media) what.push(tl("status.hiddenMedia", { count: media }));
  if (s.poll) what.push(tl("status.hiddenPoll"));
  const list = what.join(tl("status.listSeparator"));
  const notice = p(tl("status.hidden", { why, what: list, dash: g.dash }), "notice");
  return ownLines(wrapItems([notice], width), width);
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
    const title = isolateRun(
      clipLine(
        withEmoji(sanitizeInline(option.title), mine ? ["pollOwn"] : [], emojis),
        titleWidth,
        g.ellipsis,
      ),
    );
    // Measured as drawn (a lam-alef pair is one cell), so every option's bar starts in one column.
    const tw = drawnWidth(title.map((x) => x.text).join(""));
    const filled = Math.round(share * barWidth);
    const share100 = formatPercent(share * 100);
    const percent = " ".repeat(Math.max(0, 5 - cellWidth(share100))) + share100;
    // In a right-to-left interface the row mirrors: the mark on the right, the bar filling
    // leftwards, the share on the left; the option's title keeps its own direction.
    const row = [
      p(mark, mine ? "pollOwn" : "meta"),
      ...title,
      p(" ".repeat(titleWidth - tw + 1)),
      p((markers ? "#" : g.barFull).repeat(filled), "pollBar"),
      p((markers ? "." : g.barEmpty).repeat(barWidth - filled), "pollBarEmpty"),
      p(percent, mine ? "pollOwn" : "meta"),
    ];
    lines.push(ownLine(row, width));
  });
  const facts = [tl("poll.votes", { count: countOf(poll.votesCount) })];
  if (poll.multiple) facts.push(tl("poll.multiple"));
  facts.push(poll.expired ? tl("poll.closed") : untilText(poll.expiresAt, now));
  if (poll.voted) facts.push(tl("poll.youVoted"));
  lines.push(
    ownLine(clipLine([p(facts.filter(Boolean).join(g.dot), "meta")], width, g.ellipsis), width),
  );
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
    const why: Piece[] = [];
    if (opts.blurredBy !== null) {
      const [before, after] = tlAround("media.hiddenByFilter", "filter", { count });
      why.push(p(`${g.media}${before}`, "media"), ...isolateRun([p(opts.blurredBy, "media")]));
      if (after) why.push(p(after, "media"));
    } else why.push(p(`${g.media}${tl("media.sensitiveCount", { count })}`, "media"));
    const line = [...why, p(`${g.dot}${tl("media.sShows")}`, "notice")];
    lines.push(ownLine(clipLine(line, width, g.ellipsis), width));
  }
  for (const m of media) {
    const type = mediaTypeWord(m.type);
    const view =
      opts.pictures && PICTURE_TYPES.has(String(m.type))
        ? opts.pictures.rows(m, width, opts.pictureRows ?? 8, hidden)
        : null;
    // Painted rows are ours (never server text): each is one piece, like a quote's lines,
    // against the right edge where a right-to-left interface mirrors the media line below.
    if (view)
      for (const row of view.lines)
        lines.push(mirrored() ? markArranged(alignRight([p(row)], width)) : [p(row)]);
    if (hidden) continue;
    const alt = m.description ? sanitizeInline(m.description) : "";
    const line: Piece[] = [p(g.media, "media"), { ...p(type, "media"), isolate: true }];
    if (view?.kind === "picture" && m.type !== "image")
      line.push(p(`${g.dot}${tl("media.firstFrame")}`, "meta"));
    if (s.sensitive) line.push(p(`${g.dot}${tl("media.sensitive")}`, "sensitive"));
    // Before the alt text, which is long and cut at the pane's edge.
    if (view?.kind === "failed" && view.reason)
      line.push(p(`${g.dot}${tl("media.notShown", { reason: view.reason })}`, "notice"));
    if (alt) line.push(p(g.dot), ...isolateRun([p(alt)]));
    else line.push(p(`${g.dot}${tl("media.noDescription")}`, "notice"));
    lines.push(ownLine(clipLine(line, width, g.ellipsis), width));
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
export function mediaTypeWord(type: unknown): string {
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
    ? [
        ...(title ? [p(g.dot, "linkDomain")] : []),
        { text: displayHost(url), roles: ["linkDomain"], url, isolate: true },
      ]
    : [];
  const domainWidth = domain.reduce((w, x) => w + cellWidth(x.text), 0);
  const titleRoom = width - 2 - domainWidth;
  if (titleRoom < 6) {
    const what = url ? p(displayHost(url), "linkDomain") : p(title, "card");
    return ownLine(
      clipLine([p(ownArrow(g.card), "meta"), { ...what, isolate: true }], width, g.ellipsis),
      width,
    );
  }
  const shown = title ? isolateRun(clipLine([p(title, "card")], titleRoom, g.ellipsis)) : [];
  return ownLine([p(ownArrow(g.card), "meta"), ...shown, ...domain], width);
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
  return ownLine(clipLine(line, width, g.ellipsis), width);
}
