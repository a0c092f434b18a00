// Inline content → styled pieces of sanitised text: the unit the wrapper lays out.
// Every string from the server is sanitised here, before its width is ever measured.

import { asciiBeforeLayout, type Glyphs } from "./glyphs.js";
import type { Inline, InlineStyle } from "./html.js";
import { displayHost, parseWebUrl, textNamesHost } from "./hyperlink.js";
import { sanitizeInline } from "./sanitize.js";
import type { Role, Theme } from "./theme.js";

export interface Piece {
  text: string;
  roles: readonly Role[];
  /** Target for an OSC 8 hyperlink (already validated http/https). */
  url?: URL;
  /**
   * Keeps its own direction inside the line around it (a first-strong isolate, bidi.ts), as
   * mentions, hashtags and links always do. A number makes the consecutive pieces that carry
   * it (and the spaces the wrapper put between them) one isolate: a server string drawn as
   * several pieces, its custom emoji or its words on two lines among them (`isolateRun`).
   */
  isolate?: boolean | number;
}
/** A piece, or a forced line break. */
export type Item = Piece | "\n";

export interface InlineContext {
  theme: Theme;
  expanded: boolean;
  /** Known custom emoji shortcodes (without colons). */
  emojis: ReadonlySet<string>;
  /** Mention URL → acct, from status.mentions. */
  mentions: ReadonlyMap<string, string>;
  /** Host of the author's instance: hashtag links there are trusted to be what they say. */
  authorHost: string;
  /** Symbols to draw, and whether text must be folded to ASCII (a non-UTF-8 terminal). */
  glyphs: Glyphs;
}

const NO_ROLES: readonly Role[] = [];

function styleRoles(style: InlineStyle): Role[] {
  const roles: Role[] = [];
  if (style.code) roles.push("code");
  if (style.bold) roles.push("bold");
  if (style.italic) roles.push("italic");
  if (style.strike) roles.push("strike");
  if (style.underline) roles.push("underline");
  return roles;
}

function markersFor(style: InlineStyle): [string, string] {
  let open = "";
  if (style.code) open += "`";
  if (style.bold) open += "*";
  if (style.italic) open += "_";
  if (style.strike) open += "~";
  return [open, [...open].reverse().join("")];
}

const SHORTCODE = /:([A-Za-z0-9_]{1,64}):/g;

/** Splits text at known :shortcode: custom emoji so they get their own style. */
export function withEmoji(
  text: string,
  roles: readonly Role[],
  emojis: ReadonlySet<string>,
): Piece[] {
  if (emojis.size === 0 || !text.includes(":")) return [{ text, roles }];
  const out: Piece[] = [];
  let last = 0;
  for (const m of text.matchAll(SHORTCODE)) {
    if (!emojis.has(m[1]!)) continue;
    if (m.index > last) out.push({ text: text.slice(last, m.index), roles });
    out.push({ text: m[0], roles: [...roles, "emoji"] });
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push({ text: text.slice(last), roles });
  return out;
}

function mentionText(href: string, linkText: string, ctx: InlineContext): string {
  const url = parseWebUrl(href);
  const acct = ctx.mentions.get(href);
  const host = url ? url.hostname : "";
  if (acct !== undefined) {
    const safe = sanitizeInline(acct);
    const [user] = safe.split("@");
    if (!ctx.expanded) return `@${user}`;
    return safe.includes("@") || !host ? `@${safe}` : `@${safe}@${host}`;
  }
  const text = sanitizeInline(linkText);
  const shown = text.startsWith("@") ? text : `@${text}`;
  if (!ctx.expanded || shown.slice(1).includes("@") || !host) return shown;
  return `${shown}@${host}`;
}

function linkPieces(inline: Extract<Inline, { kind: "link" }>, ctx: InlineContext): Piece[] {
  const base = styleRoles(inline.style);
  // Mentions and hashtags do not show a domain, so they only become live links where the
  // target is known: a mention listed in status.mentions, a hashtag on the author's instance.
  if (inline.linkKind === "mention") {
    const url = ctx.mentions.has(inline.href) ? parseWebUrl(inline.href) : null;
    return [
      {
        text: mentionText(inline.href, inline.text, ctx),
        roles: [...base, "mention"],
        ...(url ? { url } : {}),
      },
    ];
  }
  if (inline.linkKind === "hashtag") {
    const text = sanitizeInline(inline.text);
    const parsed = parseWebUrl(inline.href);
    const url = parsed && parsed.hostname === ctx.authorHost ? parsed : null;
    return [
      {
        text: text.startsWith("#") ? text : `#${text}`,
        roles: [...base, "hashtag"],
        ...(url ? { url } : {}),
      },
    ];
  }
  const url = parseWebUrl(inline.href);
  const text = sanitizeInline(inline.text);
  if (!url) {
    // mailto:, javascript: and friends: show the words, never a live link.
    return text ? [{ text, roles: base }] : [];
  }
  if (text === "") return [{ text: displayHost(url), roles: [...base, "link"], url }];
  const pieces: Piece[] = [{ text, roles: [...base, "link"], url }];
  // The visible text must always name the real target: "bank.example" pointing elsewhere
  // gets the real domain next to it.
  if (!textNamesHost(text, url))
    pieces.push({ text: ` (${displayHost(url)})`, roles: ["linkDomain"] });
  return pieces;
}

export function inlinesToItems(inlines: readonly Inline[], ctx: InlineContext): Item[] {
  const items = inlinesToUnicodeItems(inlines, ctx);
  if (ctx.glyphs.unicode) return items;
  return items.map((i) => (i === "\n" ? i : { ...i, text: asciiBeforeLayout(i.text) }));
}

function inlinesToUnicodeItems(inlines: readonly Inline[], ctx: InlineContext): Item[] {
  const items: Item[] = [];
  for (const inline of inlines) {
    if (inline.kind === "break") {
      items.push("\n");
      continue;
    }
    if (inline.kind === "link") {
      items.push(...linkPieces(inline, ctx));
      continue;
    }
    let text = sanitizeInline(inline.text);
    if (text === "") continue;
    const roles = styleRoles(inline.style);
    if (ctx.theme.markers && roles.length > 0) {
      const [open, close] = markersFor(inline.style);
      text = open + text + close;
    }
    items.push(
      ...(inline.style.code
        ? [{ text, roles }]
        : withEmoji(text, roles.length ? roles : NO_ROLES, ctx.emojis)),
    );
  }
  return items;
}
