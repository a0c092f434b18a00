// Turns a Draft or a DemoStatusInput into a complete Mastodon Status entity.

import { customEmoji, DEMO_DOMAIN, type DemoAccount, LOCAL_EMOJIS } from "./accounts.js";
import { DEMO_FILTERS, type Draft } from "./content.js";
import { makeMedia, makePoll } from "./media.js";
import type { Prng } from "./prng.js";
import { defaultPolicy, quoteApproval } from "./quotes.js";
import type { ApiFilterResult, ApiStatus } from "./types.js";

export interface StatusShape {
  id: string;
  at: number;
  author: DemoAccount;
  draft: Draft;
  visibility: ApiStatus["visibility"];
  inReplyTo?: ApiStatus | null;
  nextMediaId: () => string;
  nextPollId: () => string;
  rng: Prng;
  /** By the demo user (who may always quote their own posts). */
  mine?: boolean;
}

function statusUrls(author: DemoAccount, id: string): { uri: string; url: string } {
  const domain = new URL(author.account.url).host;
  if (author.local) {
    return {
      uri: `https://${DEMO_DOMAIN}/users/${author.account.username}/statuses/${id}`,
      url: `https://${DEMO_DOMAIN}/@${author.account.username}/${id}`,
    };
  }
  // Remote servers mint their own ids for the object; the local id only identifies our copy.
  const remoteId = `${id.slice(0, 6)}${id.slice(-6)}`;
  return {
    uri: `https://${domain}/users/${author.account.username}/statuses/${remoteId}`,
    url: `https://${domain}/@${author.account.username}/${remoteId}`,
  };
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * The demo user's filters this draft matches, as Mastodon reports them in `filtered`:
 * keywords are matched case-insensitively in the text, CW and poll options; `whole_word`
 * keywords only at word boundaries. The viewer's own posts are never filtered.
 */
export function filterResults(author: DemoAccount, draft: Draft): ApiFilterResult[] {
  // The demo user is the first of the cast (world.me): Mastodon does not filter your own posts.
  if (author.local && author.account.username === "demo") return [];
  const text = [
    draft.html.replace(/<[^>]*>/g, " "),
    draft.spoiler_text ?? "",
    ...(draft.poll?.options ?? []),
  ].join("\n");
  const results: ApiFilterResult[] = [];
  for (const filter of DEMO_FILTERS) {
    const matches = filter.keywords
      .filter((k) => {
        const body = escapeRegExp(k.keyword);
        return new RegExp(k.whole_word ? `\\b${body}\\b` : body, "i").test(text);
      })
      .map((k) => k.keyword);
    if (matches.length > 0)
      results.push({ filter, keyword_matches: matches, status_matches: null });
  }
  return results;
}

export function buildStatus(shape: StatusShape): ApiStatus {
  const { author, draft, rng } = shape;
  const remoteDomain = author.local ? null : new URL(author.account.url).host;
  const emojiCodes = new Set(draft.emojis ?? []);
  const emojis = [...emojiCodes].map((code) =>
    author.local
      ? (LOCAL_EMOJIS.find((e) => e.shortcode === code) ?? customEmoji(code, DEMO_DOMAIN))
      : customEmoji(code, remoteDomain ?? DEMO_DOMAIN),
  );
  const createdAt = new Date(shape.at).toISOString();
  return {
    id: shape.id,
    created_at: createdAt,
    in_reply_to_id: shape.inReplyTo?.id ?? null,
    in_reply_to_account_id: shape.inReplyTo?.account.id ?? null,
    sensitive: draft.sensitive ?? (draft.spoiler_text ?? "") !== "",
    spoiler_text: draft.spoiler_text ?? "",
    visibility: shape.visibility,
    language: draft.language,
    ...statusUrls(author, shape.id),
    replies_count: rng.int(0, 3) === 0 ? rng.int(1, 12) : 0,
    reblogs_count: rng.int(0, 40),
    favourites_count: rng.int(0, 120),
    edited_at: null,
    favourited: false,
    reblogged: false,
    muted: false,
    bookmarked: false,
    pinned: false,
    content: draft.html,
    filtered: filterResults(author, draft),
    reblog: null,
    application: author.local
      ? { name: rng.pick(["Web", "tootty", "Ivory"]), website: null }
      : null,
    account: author.account,
    media_attachments: (draft.media ?? []).map((m) =>
      makeMedia(rng, shape.nextMediaId(), m.kind, m.alt, remoteDomain),
    ),
    mentions: draft.mentions.map((m) => ({
      id: m.account.id,
      username: m.account.username,
      url: m.account.url,
      acct: m.account.acct,
    })),
    tags: draft.tags.map((t) => ({
      name: t.toLowerCase(),
      url: `https://${DEMO_DOMAIN}/tags/${encodeURIComponent(t.toLowerCase())}`,
    })),
    emojis,
    card: draft.card ?? null,
    poll: draft.poll
      ? makePoll(rng, shape.nextPollId(), shape.at, draft.poll.options, draft.poll)
      : null,
    quotes_count: 0,
    quote_approval: quoteApproval(defaultPolicy(shape.visibility), {
      mine: shape.mine === true,
      following: author.followed,
    }),
  };
}

/** A boost: its own id and time, the booster as account, the original inside `reblog`. */
export function buildReblog(
  id: string,
  at: number,
  booster: DemoAccount,
  original: ApiStatus,
): ApiStatus {
  return {
    ...original,
    id,
    created_at: new Date(at).toISOString(),
    in_reply_to_id: null,
    in_reply_to_account_id: null,
    sensitive: false,
    spoiler_text: "",
    visibility: "public",
    language: null,
    uri: `https://${new URL(booster.account.url).host}/users/${booster.account.username}/statuses/${id}/activity`,
    url: null,
    replies_count: 0,
    reblogs_count: 0,
    favourites_count: 0,
    edited_at: null,
    content: "",
    reblog: original,
    application: null,
    account: booster.account,
    media_attachments: [],
    mentions: [],
    tags: [],
    emojis: [],
    card: null,
    poll: null,
  };
}
