// The first page of each pane's timeline, asked for while the session is still reading the
// instance and the account, so the first toots can be painted one round trip sooner. A feed
// that asks for that same first page soon after gets the answer already on its way; anything
// else (a cursor, another limit, a second ask, a late ask, a failed prefetch) goes to the
// server as usual, so errors and retries stay the feed's own.
import type { Clock } from "../api/clock.js";
import type { PageParams, RestClient, TimelineKind } from "../api/rest.js";
import type { Status } from "./store.js";

/**
 * Statuses (or notifications) in the first page of a pane, where later pages (older ones, a
 * gap's, a poll's) are of 40, Mastodon's most; 20 is the API's own default (API-NOTES.md). A
 * pane shows far fewer toots at once (each takes several rows), and scrolling asks for the
 * next page three toots before the end. Half the first pages is half the bytes a start waits
 * for on a slow link, and ~6% off the first paint on loopback (interleaved A/B starts, tmux
 * 160×45). A read marker below it is looked for a page further down (read-position.ts).
 */
export const FIRST_PAGE_LIMIT = 20;

/** Past this, a prefetched page is too old to be "the newest": ask again. */
export const FIRST_PAGE_FRESH_MS = 10_000;

interface Prefetched {
  page: Promise<Status[] | undefined>;
  at: number;
}

function isFirstPage(page: PageParams | undefined, limit: number): boolean {
  if (!page) return false;
  return (
    page.limit === limit &&
    page.maxId === undefined &&
    page.minId === undefined &&
    page.sinceId === undefined
  );
}

/**
 * Starts the first page of each kind now and returns `rest` with `timeline` answering the
 * first matching ask from those requests.
 */
export function prefetchFirstPages(
  rest: RestClient,
  kinds: readonly TimelineKind[],
  limit: number,
  clock: Clock,
): RestClient {
  const pending = new Map<TimelineKind, Prefetched>();
  for (const kind of new Set(kinds)) {
    // A failure here is not reported: the feed's own request reports it (and retries).
    const page = rest.timeline(kind, { limit }).catch(() => undefined);
    pending.set(kind, { page, at: clock.now() });
  }
  const timeline = async (kind: TimelineKind, page?: PageParams): Promise<Status[]> => {
    const prefetched = pending.get(kind);
    if (prefetched && isFirstPage(page, limit)) {
      pending.delete(kind);
      if (clock.now() - prefetched.at <= FIRST_PAGE_FRESH_MS) {
        const statuses = await prefetched.page;
        if (statuses) return statuses;
      }
    }
    return rest.timeline(kind, page);
  };
  return new Proxy(rest, {
    get(target, key) {
      if (key === "timeline") return timeline;
      const value = Reflect.get(target, key, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}
