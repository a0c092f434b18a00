// Lists and direct conversations.
import type { mastodon } from "masto";
import type { RestClient } from "./rest.js";
import { conversationStatusesPage, listTimelinePage } from "./timelines.js";

type Rest = Pick<RestClient, "request">;

export function fetchLists(rest: Rest): Promise<mastodon.v1.List[]> {
  return rest.request<mastodon.v1.List[]>({ method: "GET", path: "/api/v1/lists" });
}

export function listTimeline(rest: Rest, id: string): Promise<mastodon.v1.Status[]> {
  return listTimelinePage(rest, id, { limit: 40 });
}

/** Direct messages: the last status of each conversation, newest first. */
export function directStatuses(rest: Rest): Promise<mastodon.v1.Status[]> {
  return conversationStatusesPage(rest, { limit: 40 });
}
