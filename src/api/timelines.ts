// Pages of the timelines beyond home/local/federated: a hashtag, a list, and direct
// conversations (as the last status of each). Same paging as the others (max_id / min_id).
import type { mastodon } from "masto";
import { type PageParams, pageParams, type RestClient, withStringIds } from "./rest.js";

type Rest = Pick<RestClient, "request">;

function statusesOf(data: unknown): mastodon.v1.Status[] {
  return withStringIds<mastodon.v1.Status>(data);
}

/** GET /api/v1/timelines/tag/:hashtag */
export async function tagTimelinePage(
  rest: Rest,
  tag: string,
  page: PageParams = {},
): Promise<mastodon.v1.Status[]> {
  const data = await rest.request<unknown>({
    method: "GET",
    path: `/api/v1/timelines/tag/${encodeURIComponent(tag)}`,
    params: pageParams(page),
  });
  return statusesOf(data);
}

/** GET /api/v1/timelines/list/:list_id */
export async function listTimelinePage(
  rest: Rest,
  id: string,
  page: PageParams = {},
): Promise<mastodon.v1.Status[]> {
  const data = await rest.request<unknown>({
    method: "GET",
    path: `/api/v1/timelines/list/${encodeURIComponent(id)}`,
    params: pageParams(page),
  });
  return statusesOf(data);
}

/**
 * GET /api/v1/conversations, as statuses: Mastodon pages conversations by their last status's
 * id, so max_id / min_id work exactly as on a timeline.
 */
export async function conversationStatusesPage(
  rest: Rest,
  page: PageParams = {},
): Promise<mastodon.v1.Status[]> {
  const data = await rest.request<unknown>({
    method: "GET",
    path: "/api/v1/conversations",
    params: pageParams(page),
    feature: "conversations",
  });
  if (!Array.isArray(data)) return [];
  return statusesOf(data.map((c: { lastStatus?: unknown } | null) => c?.lastStatus));
}
