// Who may read the live feeds, as a Mastodon 4.5 admin sets it: /api/v2/instance
// `configuration.timelines_access` (entities/Instance.md) gives, for `live_feeds`,
// `hashtag_feeds` and `trending_link_feeds`, a `local` and a `remote` side, each `public`,
// `authenticated` or `disabled`. Mastodon's PublicFeed (app/models/public_feed.rb) lets a
// reader through a side when it is `public`, when it is `authenticated` and they are signed
// in, and when it is `disabled` only if their role has the "view_feeds" permission
// (UserRole::FLAGS, app/models/user_role.rb); a side not let through is left out of the page,
// so a feed of only that side answers an empty page, never an error.

export type FeedAccess = "public" | "authenticated" | "disabled";

export interface FeedSides {
  local: FeedAccess;
  remote: FeedAccess;
}

export interface TimelinesAccess {
  liveFeeds: FeedSides;
  hashtagFeeds: FeedSides;
  trendingLinkFeeds: FeedSides;
}

/** A live timeline a server may close to its readers. */
export type LiveFeed = "local" | "federated";

const ACCESS: readonly string[] = ["public", "authenticated", "disabled"];

function sides(v: unknown): FeedSides {
  const o = v !== null && typeof v === "object" ? (v as Record<string, unknown>) : {};
  // A value this client does not know is read as open: the feed is asked for as before, and
  // the server's answer (an empty page at worst) says the rest.
  const one = (s: unknown): FeedAccess =>
    typeof s === "string" && ACCESS.includes(s) ? (s as FeedAccess) : "public";
  return { local: one(o.local), remote: one(o.remote) };
}

/** masto's camelCased `configuration.timelinesAccess`; undefined when the server does not say. */
export function timelinesAccessOf(raw: unknown): TimelinesAccess | undefined {
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) return undefined;
  const o = raw as Record<string, unknown>;
  return {
    liveFeeds: sides(o.liveFeeds),
    hashtagFeeds: sides(o.hashtagFeeds),
    trendingLinkFeeds: sides(o.trendingLinkFeeds),
  };
}

// UserRole::FLAGS: an administrator has every permission (UserRole#can? through
// computed_permissions), "view_feeds" lets a moderator read feeds closed to everyone else.
const ADMINISTRATOR = 1;
const VIEW_FEEDS = 1 << 20;

/**
 * Whether the signed-in account's role may read disabled feeds. The credential account's
 * `role.permissions` is the flags as a decimal string (REST::RoleSerializer).
 */
export function mayViewClosedFeeds(account: unknown): boolean {
  const role =
    account !== null && typeof account === "object"
      ? (account as Record<string, unknown>).role
      : undefined;
  const raw =
    role !== null && typeof role === "object"
      ? (role as Record<string, unknown>).permissions
      : undefined;
  const bits = typeof raw === "string" && /^\d{1,16}$/.test(raw) ? Number(raw) : raw;
  if (typeof bits !== "number" || !Number.isSafeInteger(bits) || bits < 0) return false;
  // Bitwise operators work on 32 bits; every flag Mastodon defines is below 2^31.
  const low = bits % 2 ** 31;
  return (low & ADMINISTRATOR) !== 0 || (low & VIEW_FEEDS) !== 0;
}

function lets(access: FeedAccess, signedIn: boolean, viewClosed: boolean): boolean {
  if (access === "public") return true;
  if (access === "authenticated") return signedIn;
  return viewClosed;
}

/**
 * Whether the server has closed `feed` to this reader. Local is the local side. Federated
 * is closed when its remote side is: what would be left is the local timeline again.
 */
export function liveFeedClosed(
  feed: LiveFeed,
  access: TimelinesAccess | undefined,
  reader: { signedIn: boolean; viewClosed: boolean },
): boolean {
  if (!access) return false;
  const side = feed === "local" ? access.liveFeeds.local : access.liveFeeds.remote;
  return !lets(side, reader.signedIn, reader.viewClosed);
}

/**
 * Which sides of a hashtag timeline the server gives this reader (`hashtag_feeds`). Mastodon's
 * TagFeed is a PublicFeed reading the topic settings: a side not let through is left out of
 * the page, so the tag timeline is closed only when both are. The admin form offers only
 * `public` and `authenticated` for the local side (Form::AdminSettings'
 * ALTERNATE_FEED_ACCESS_MODES), so on Mastodon a tag's own server's posts stay open.
 */
export function hashtagFeedSides(
  access: TimelinesAccess | undefined,
  reader: { signedIn: boolean; viewClosed: boolean },
): { local: boolean; remote: boolean } {
  if (!access) return { local: true, remote: true };
  return {
    local: lets(access.hashtagFeeds.local, reader.signedIn, reader.viewClosed),
    remote: lets(access.hashtagFeeds.remote, reader.signedIn, reader.viewClosed),
  };
}
