// Lists and direct conversations.
import type { mastodon } from "masto";
import type { RestClient } from "./rest.js";

type Rest = Pick<RestClient, "request">;

export function fetchLists(rest: Rest): Promise<mastodon.v1.List[]> {
  return rest.request<mastodon.v1.List[]>({ method: "GET", path: "/api/v1/lists" });
}

export function listTimeline(rest: Rest, id: string): Promise<mastodon.v1.Status[]> {
  return rest.request<mastodon.v1.Status[]>({
    method: "GET",
    path: `/api/v1/timelines/list/${encodeURIComponent(id)}`,
    params: { limit: 40 },
  });
}

/** Direct messages: the last status of each conversation, newest first. */
export async function directStatuses(rest: Rest): Promise<mastodon.v1.Status[]> {
  const list = await rest.request<mastodon.v1.Conversation[]>({
    method: "GET",
    path: "/api/v1/conversations",
    params: { limit: 40 },
  });
  return Array.isArray(list)
    ? list.map((c) => c?.lastStatus).filter((s): s is mastodon.v1.Status => Boolean(s?.id))
    : [];
}
