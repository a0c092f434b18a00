// Mastodon's id-cursor paging, as a pure function over an ascending list of ids.
// max_id: strictly older than the cursor. since_id: the newest items strictly newer.
// min_id: the items immediately newer than the cursor (paging forward); it wins over since_id.
// Results are always newest first.

import { compareIds } from "./ids.js";

export interface PageParams {
  max_id?: string | null;
  since_id?: string | null;
  min_id?: string | null;
  limit: number;
  /**
   * Hollo before 0.9.0 (its CHANGES.md, "Fixed `min_id` handling"): min_id filters like
   * since_id, so the newest page above the cursor comes back, not the one joining it.
   */
  minIdNewest?: boolean;
}

export interface Page<T> {
  items: T[];
  /** True when items older than the oldest returned one exist (so a `next` link is useful). */
  hasOlder: boolean;
}

/** Parses `limit` like Mastodon: default when absent, capped at max, at least 1. */
export function parseLimit(raw: string | null, defaultLimit: number, max: number): number {
  if (raw === null || raw === "") return defaultLimit;
  const n = Number.parseInt(raw, 10);
  if (!Number.isFinite(n) || n < 1) return defaultLimit;
  return Math.min(n, max);
}

/** Index of the first element whose id is > cursor (ascending list). */
function firstAfter<T extends { id: string }>(ascending: readonly T[], cursor: string): number {
  let lo = 0;
  let hi = ascending.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compareIds(ascending[mid]!.id, cursor) <= 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the first element whose id is >= cursor (ascending list). */
function firstAtOrAfter<T extends { id: string }>(ascending: readonly T[], cursor: string): number {
  let lo = 0;
  let hi = ascending.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compareIds(ascending[mid]!.id, cursor) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** `ascending` must be sorted by id, oldest first, and already filtered to the timeline. */
export function pageById<T extends { id: string }>(
  ascending: readonly T[],
  params: PageParams,
): Page<T> {
  // Window [start, end) of candidates.
  const end = params.max_id ? firstAtOrAfter(ascending, params.max_id) : ascending.length;
  let slice: T[];
  let start: number;
  if (params.min_id && !params.minIdNewest) {
    start = firstAfter(ascending, params.min_id);
    slice = ascending.slice(start, Math.min(end, start + params.limit));
  } else {
    const since = params.since_id ?? (params.minIdNewest ? params.min_id : null);
    const lower = since ? firstAfter(ascending, since) : 0;
    start = Math.max(lower, end - params.limit);
    slice = ascending.slice(start, end);
  }
  if (slice.length === 0) return { items: [], hasOlder: false };
  return { items: slice.reverse(), hasOlder: start > 0 };
}

/** The `Link` header Mastodon sends: next = older page (max_id), prev = newer page (min_id). */
export function linkHeader(
  baseUrl: string,
  path: string,
  keep: URLSearchParams,
  page: Page<{ id: string }>,
  withPrev = true,
  prevKey: "min_id" | "since_id" = "min_id",
): string | null {
  if (page.items.length === 0) return null;
  const newest = page.items[0]!.id;
  const oldest = page.items[page.items.length - 1]!.id;
  const url = (key: string, id: string) => {
    const q = new URLSearchParams(keep);
    q.set(key, id);
    return `<${baseUrl}${path}?${q.toString()}>`;
  };
  const links: string[] = [];
  if (page.hasOlder) links.push(`${url("max_id", oldest)}; rel="next"`);
  // Hollo's timelines send only `next`.
  if (withPrev) links.push(`${url(prevKey, newest)}; rel="prev"`);
  return links.length > 0 ? links.join(", ") : null;
}

/**
 * One page of rows kept in the order they were made (`ascending` by their own ids, as Mastodon
 * pages bookmarks, favourites and quotes) by the request's cursors, and its `Link` header with
 * the request's `limit` kept.
 */
export function pageOfRequest<T extends { id: string }>(
  url: URL,
  baseUrl: string,
  ascending: readonly T[],
): { page: Page<T>; headers: Record<string, string> | undefined } {
  const q = url.searchParams;
  const page = pageById(ascending, {
    max_id: q.get("max_id"),
    since_id: q.get("since_id"),
    min_id: q.get("min_id"),
    limit: parseLimit(q.get("limit"), 20, 40),
  });
  const keep = new URLSearchParams();
  const limit = q.get("limit");
  if (limit) keep.set("limit", limit);
  const link = linkHeader(baseUrl, url.pathname, keep, page);
  return { page, headers: link ? { Link: link } : undefined };
}
