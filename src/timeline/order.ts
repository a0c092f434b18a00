// Where a status or a notification goes among others. Ids are opaque strings (Mastodon's
// snowflakes, GoToSocial's ULIDs, Pleroma's base62 FlakeIds, Hollo's UUIDv7 and its
// `2026-12-01T21:21:27.315Z/mention/<uuid>` notification ids): a client never orders by them,
// by number or by length. A page arrives in the server's order, newest first; where two lists
// meet (a page and what is held, a streamed status), `created_at` decides.

/** Milliseconds of `createdAt`; a missing or unparseable time sorts as the oldest. */
export function createdAtMs(item: { createdAt?: unknown }): number {
  const t = typeof item.createdAt === "string" ? Date.parse(item.createdAt) : Number.NaN;
  return Number.isFinite(t) ? t : 0;
}

/**
 * Where `item` goes in `newestFirst`: before the first element not newer than it, so among
 * equal times the one placed last sits on top (a streamed status is the newest arrival).
 */
export function insertionIndex<T extends { createdAt?: unknown }>(
  newestFirst: readonly T[],
  item: T,
  /** "below": among equal times it goes under them (a page older than what is held). */
  ties: "above" | "below" = "above",
): number {
  const t = createdAtMs(item);
  let lo = 0;
  let hi = newestFirst.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const m = createdAtMs(newestFirst[mid]!);
    if (m > t || (ties === "below" && m === t)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
