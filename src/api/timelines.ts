// Pages of the timelines beyond home/local/federated: a hashtag, a list, and direct
// conversations (as the last status of each). Same paging as the others (max_id / min_id).
import type { mastodon } from "masto";
import type { PageParams, RestClient } from "./rest.js";

type Rest = Pick<RestClient, "request">;

function pageQuery(page: PageParams): Record<string, unknown> {
  const q: Record<string, unknown> = {};
  if (page.maxId !== undefined) q.maxId = page.maxId;
  if (page.minId !== undefined) q.minId = page.minId;
  if (page.sinceId !== undefined) q.sinceId = page.sinceId;
  if (page.limit !== undefined) q.limit = page.limit;
  return q;
}

function statusesOf(data: unknown): mastodon.v1.Status[] {
  return Array.isArray(data) ? data.filter((s) => typeof s?.id === "string") : [];
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
    params: pageQuery(page),
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
    params: pageQuery(page),
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
    params: pageQuery(page),
  });
  if (!Array.isArray(data)) return [];
  return statusesOf(data.map((c: { lastStatus?: unknown } | null) => c?.lastStatus));
}
