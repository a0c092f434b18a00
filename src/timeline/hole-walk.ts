// Walking a hole between two held items of a feed (a timeline's statuses, notifications) with
// min_id = lower and max_id = upper, each page newest first, whichever way the server pages.
//
// Mastodon answers min_id with the page just above the cursor (paginate_by_min_id), so the
// hole closes from below. Hollo before 0.9.0 answered with the newest page above it (its
// CHANGES.md, "Fixed `min_id` handling"; src/api/v1/timelines and notifications:
// `created > min_id`, newest first), which does not join the cursor: trusting it lost every
// item below that page. Which one a full page is, the server itself tells, never a comparison
// of ids: asked for what lies between the cursor and the page's bottom, Mastodon has nothing
// there; the other kind has the rest of the hole, and the walk goes on down with max_id.

export type HoleOrder = "from-below" | "from-above";

/** One answer inside the hole; `added`, where the caller counts it, is how many were new. */
export interface HolePage {
  items: readonly { id: string }[];
  added?: number;
}

export interface HoleWalkEnd {
  /** The hole closed: a page came back short, or (where counted) brought nothing new. */
  closed: boolean;
  /** The bounds still open when the walk ended. */
  lower: string;
  upper: string | undefined;
  /** How the server paged; undefined when the first page already closed the hole. */
  order: HoleOrder | undefined;
}

/**
 * Walks from `from` (held) up to `to` (held; undefined: up to now), at most `maxPages` pages
 * (the empty check that tells the order is not counted). Undefined when a request failed.
 * A page that brings nothing new ends the walk as closed: a server that ignores the cursor
 * is not asked page after page for what is held.
 */
export async function walkHole(
  from: string,
  to: string | undefined,
  fetchBetween: (lower: string, upper: string | undefined) => Promise<HolePage | undefined>,
  limits: { pageLimit: number; maxPages: number },
): Promise<HoleWalkEnd | undefined> {
  let lower = from;
  let upper = to;
  let order: HoleOrder | undefined;
  const end = (closed: boolean): HoleWalkEnd => ({ closed, lower, upper, order });
  let page = await fetchBetween(lower, upper);
  let pages = 1;
  for (;;) {
    if (!page) return undefined;
    const { items } = page;
    if (items.length < limits.pageLimit || page.added === 0) return end(true);
    const bottom = items[items.length - 1]!.id;
    if (order === undefined) {
      const below = await fetchBetween(lower, bottom);
      if (!below) return undefined;
      if (below.items.length === 0) order = "from-below";
      else {
        order = "from-above";
        upper = bottom;
        page = below;
        pages++;
        continue;
      }
    }
    if (order === "from-below") lower = items[0]!.id;
    else upper = bottom;
    if (pages >= limits.maxPages) return end(false);
    page = await fetchBetween(lower, upper);
    pages++;
  }
}
