// The `Link` header Mastodon pages by (RFC 8288): `<https://host/api/v1/x?max_id=9>; rel="next",
// <https://host/api/v1/x?min_id=12>; rel="prev"`. Only the cursors are taken from the URLs:
// the host and path a server names are never followed, so a hostile server cannot send the
// token elsewhere, and ids stay the opaque strings it sent.

export interface PageCursor {
  maxId?: string;
  minId?: string;
  sinceId?: string;
}

export interface PageLinks {
  /** Older items. */
  next?: PageCursor;
  /** Newer items. */
  prev?: PageCursor;
}

/** Longer headers are not a page's links (a real one is a few hundred bytes). */
const MAX_LINK_HEADER = 8_192;

function cursorOf(url: string): PageCursor | undefined {
  let query: URLSearchParams;
  try {
    query = new URL(url).searchParams;
  } catch {
    return undefined;
  }
  const cursor: PageCursor = {};
  const max = query.get("max_id");
  const min = query.get("min_id");
  const since = query.get("since_id");
  if (max) cursor.maxId = max;
  if (min) cursor.minId = min;
  if (since) cursor.sinceId = since;
  return Object.keys(cursor).length > 0 ? cursor : undefined;
}

export function parseLinkHeader(header: string | null | undefined): PageLinks {
  const links: PageLinks = {};
  if (!header || header.length > MAX_LINK_HEADER) return links;
  for (const part of header.split(",")) {
    const m = /^\s*<([^>]*)>\s*;(.*)$/.exec(part);
    if (!m) continue;
    const rel = /\brel\s*=\s*"?([a-z]+)"?/i.exec(m[2]!)?.[1]?.toLowerCase();
    if (rel !== "next" && rel !== "prev") continue;
    const cursor = cursorOf(m[1]!);
    if (cursor && !links[rel]) links[rel] = cursor;
  }
  return links;
}
