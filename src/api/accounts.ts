// Accounts: lookup, their statuses, the relationship with them, and follow / mute / block.
import type { mastodon } from "masto";
import { type PageParams, pageParams, type RestClient, withStringIds } from "./rest.js";

type Rest = Pick<RestClient, "request">;

const accountPath = (id: string, action?: string) =>
  `/api/v1/accounts/${encodeURIComponent(id)}${action ? `/${action}` : ""}`;

export function fetchAccount(rest: Rest, id: string): Promise<mastodon.v1.Account> {
  return rest.request<mastodon.v1.Account>({ method: "GET", path: accountPath(id) });
}

/** `user` or `user@domain` known to this server (no remote fetch; use search for that). */
export function lookupAccount(rest: Rest, acct: string): Promise<mastodon.v1.Account> {
  return rest.request<mastodon.v1.Account>({
    method: "GET",
    path: "/api/v1/accounts/lookup",
    params: { acct },
  });
}

/**
 * GET /api/v1/accounts/:id/statuses: their toots and boosts, newest first, paged by status ids
 * like a timeline. `pinned`: only the toots pinned to their profile.
 */
export async function accountStatuses(
  rest: Rest,
  id: string,
  page: PageParams = {},
  opts: { pinned?: boolean } = {},
): Promise<mastodon.v1.Status[]> {
  const data = await rest.request<unknown>({
    method: "GET",
    path: accountPath(id, "statuses"),
    params: { limit: 20, ...pageParams(page), ...(opts.pinned ? { pinned: true } : {}) },
  });
  return withStringIds<mastodon.v1.Status>(data);
}

export async function relationship(
  rest: Rest,
  id: string,
): Promise<mastodon.v1.Relationship | undefined> {
  const list = await rest.request<mastodon.v1.Relationship[]>({
    method: "GET",
    path: "/api/v1/accounts/relationships",
    params: { id: [id] },
  });
  return Array.isArray(list) ? list.find((r) => r?.id === id) : undefined;
}

export type AccountToggle = "follow" | "unfollow" | "mute" | "unmute" | "block" | "unblock";

export function toggleAccount(
  rest: Rest,
  id: string,
  verb: AccountToggle,
): Promise<mastodon.v1.Relationship> {
  return rest.request<mastodon.v1.Relationship>({ method: "POST", path: accountPath(id, verb) });
}

/** Accept or reject a follow request (from a follow_request notification). */
export function answerFollowRequest(
  rest: Rest,
  accountId: string,
  accept: boolean,
): Promise<mastodon.v1.Relationship> {
  return rest.request<mastodon.v1.Relationship>({
    method: "POST",
    path: `/api/v1/follow_requests/${encodeURIComponent(accountId)}/${accept ? "authorize" : "reject"}`,
  });
}
