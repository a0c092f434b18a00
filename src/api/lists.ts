// The user's lists (their timelines page in timelines.ts).
import type { mastodon } from "masto";
import type { RestClient } from "./rest.js";

type Rest = Pick<RestClient, "request">;

export function fetchLists(rest: Rest): Promise<mastodon.v1.List[]> {
  return rest.request<mastodon.v1.List[]>({ method: "GET", path: "/api/v1/lists" });
}
