// Actions on one status (favourite, boost, bookmark, delete, pin, vote, translate, history,
// report) and its thread. Thin typed wrappers over `rest.request`, so every call shares the
// account's queue: rate limits, retries and timeouts apply as everywhere else.
import type { mastodon } from "masto";
import { type AsyncRefreshHint, asyncRefreshOf } from "./async-refresh.js";
import type { RestClient } from "./rest.js";

type Rest = Pick<RestClient, "request">;
type Status = mastodon.v1.Status;

const statusPath = (id: string, action?: string) =>
  `/api/v1/statuses/${encodeURIComponent(id)}${action ? `/${action}` : ""}`;

/** The toggles Mastodon offers as POST /statuses/:id/<verb>; each answers the status. */
export type StatusToggle =
  | "favourite"
  | "unfavourite"
  | "reblog"
  | "unreblog"
  | "bookmark"
  | "unbookmark"
  | "pin"
  | "unpin";

export function toggleStatus(rest: Rest, id: string, verb: StatusToggle): Promise<Status> {
  return rest.request<Status>({ method: "POST", path: statusPath(id, verb) });
}

/** Deletes the user's own status; Mastodon answers it with its source text. */
export function deleteStatus(rest: Rest, id: string): Promise<Status> {
  return rest.request<Status>({ method: "DELETE", path: statusPath(id) });
}

export function fetchStatus(rest: Rest, id: string): Promise<Status> {
  return rest.request<Status>({ method: "GET", path: statusPath(id) });
}

export interface ThreadContext {
  ancestors: Status[];
  descendants: Status[];
}

export async function fetchContext(rest: Rest, id: string): Promise<ThreadContext> {
  const data = await rest.request<Partial<ThreadContext>>({
    method: "GET",
    path: statusPath(id, "context"),
  });
  return {
    ancestors: Array.isArray(data?.ancestors) ? data.ancestors : [],
    descendants: Array.isArray(data?.descendants) ? data.descendants : [],
  };
}

/**
 * The thread, and the server's word that more replies are being fetched from other servers
 * (Mastodon 4.5's Mastodon-Async-Refresh on this endpoint): ask again after its `retry`.
 */
export async function fetchContextWithRefresh(
  rest: Pick<RestClient, "requestWithResponse">,
  id: string,
): Promise<ThreadContext & { refresh?: AsyncRefreshHint }> {
  const answer = await rest.requestWithResponse<Partial<ThreadContext> | null>({
    method: "GET",
    path: statusPath(id, "context"),
  });
  const data = answer.data;
  const refresh = asyncRefreshOf(answer.headers);
  return {
    ancestors: Array.isArray(data?.ancestors) ? data.ancestors : [],
    descendants: Array.isArray(data?.descendants) ? data.descendants : [],
    ...(refresh ? { refresh } : {}),
  };
}

export function votePoll(rest: Rest, pollId: string, choices: number[]): Promise<mastodon.v1.Poll> {
  return rest.request<mastodon.v1.Poll>({
    method: "POST",
    path: `/api/v1/polls/${encodeURIComponent(pollId)}/votes`,
    params: { choices },
  });
}

export interface Translation {
  content: string;
  spoilerText: string;
  detectedSourceLanguage: string;
  provider: string;
}

/** Server-side translation (Mastodon 4.0+, only where the admin configured a provider). */
export function translateStatus(rest: Rest, id: string, lang?: string): Promise<Translation> {
  return rest.request<Translation>({
    method: "POST",
    path: statusPath(id, "translate"),
    params: lang ? { lang } : {},
    feature: "translation",
  });
}

export function statusHistory(rest: Rest, id: string): Promise<mastodon.v1.StatusEdit[]> {
  return rest.request<mastodon.v1.StatusEdit[]>({
    method: "GET",
    path: statusPath(id, "history"),
    feature: "statusHistory",
  });
}

export type ReportCategory = "spam" | "legal" | "violation" | "other";

export function reportStatus(
  rest: Rest,
  report: { accountId: string; statusIds: string[]; category: ReportCategory; comment: string },
): Promise<{ id: string }> {
  return rest.request<{ id: string }>({
    method: "POST",
    path: "/api/v1/reports",
    params: {
      accountId: report.accountId,
      statusIds: report.statusIds,
      category: report.category,
      comment: report.comment,
    },
  });
}
