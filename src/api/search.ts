// Search (v2): accounts, hashtags and statuses. `resolve=true` makes the server fetch
// `@user@other.server` and toot URLs from any server, so remote things are one lookup away.
import type { mastodon } from "masto";
import { type PageParams, pageParams, type RestClient, withStringIds } from "./rest.js";

type Rest = Pick<RestClient, "request">;

export interface SearchResults {
  accounts: mastodon.v1.Account[];
  statuses: mastodon.v1.Status[];
  hashtags: mastodon.v1.Tag[];
}

export async function search(rest: Rest, q: string, limit = 10): Promise<SearchResults> {
  const data = await rest.request<Partial<SearchResults>>({
    method: "GET",
    path: "/api/v2/search",
    params: { q, resolve: true, limit },
  });
  return {
    accounts: Array.isArray(data?.accounts) ? data.accounts : [],
    statuses: Array.isArray(data?.statuses) ? data.statuses : [],
    hashtags: Array.isArray(data?.hashtags) ? data.hashtags : [],
  };
}

/**
 * One page of the user's bookmarks or favourites, newest saved first. Mastodon pages these by
 * the ids of its bookmark and favourite rows, which only the `Link` header carries (`next`
 * absent: nothing older); a status id as max_id would cut the list in the wrong place.
 */
export async function collection(
  rest: Pick<RestClient, "requestPage">,
  which: "bookmarks" | "favourites",
  page: PageParams = {},
): Promise<{ statuses: mastodon.v1.Status[]; older?: PageParams }> {
  const answer = await rest.requestPage<unknown>({
    method: "GET",
    path: `/api/v1/${which}`,
    params: { limit: 40, ...pageParams(page) },
    ...(which === "favourites" ? { feature: "favourites" as const } : {}),
  });
  return {
    statuses: withStringIds<mastodon.v1.Status>(answer.data),
    ...(answer.links.next ? { older: answer.links.next } : {}),
  };
}

export interface InstanceRule {
  id: string;
  text: string;
}

/** Every server has its own rules (`:instance` shows them; reports may cite them). */
export async function fetchInstanceRules(rest: Rest): Promise<InstanceRule[]> {
  const data = await rest.request<unknown>({ method: "GET", path: "/api/v1/instance/rules" });
  return Array.isArray(data)
    ? data.filter(
        (r): r is InstanceRule => typeof r?.text === "string" && typeof r?.id === "string",
      )
    : [];
}
