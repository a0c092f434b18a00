// Quote posts (Mastodon 4.5, `mastodon` API version 7; methods/statuses.md): who quoted a
// status, revoking a quote of one's own status, and a status' quote approval policy.
import type { mastodon } from "masto";
import type { QuotePolicy } from "../compose/quote.js";
import { type RestClient, withStringIds } from "./rest.js";

export { isQuotePolicy, QUOTE_POLICIES, type QuotePolicy } from "../compose/quote.js";

/** The first API version with quote posts (api_versions.mastodon, entities/Instance.md). */
export const QUOTES_API_VERSION = 7;

const statusPath = (id: string, rest = "") => `/api/v1/statuses/${encodeURIComponent(id)}${rest}`;

export interface QuotesPage {
  statuses: mastodon.v1.Status[];
  /** The `max_id` of the next (older) page, from the Link header; undefined at the end. */
  nextMaxId?: string;
}

/**
 * The `max_id` of `rel="next"` in a Link header. The quotes list pages by the quote records'
 * ids, which the statuses do not carry: only the header knows the cursor.
 */
export function nextMaxIdOf(link: string | null | undefined): string | undefined {
  if (typeof link !== "string" || link.length > 8192) return undefined;
  for (const part of link.split(",")) {
    const m = /^\s*<([^>]*)>\s*;(.*)$/.exec(part);
    if (!m || !/\brel\s*=\s*"?next"?/.test(m[2]!)) continue;
    try {
      const id = new URL(m[1]!).searchParams.get("max_id");
      return id && /^[A-Za-z0-9_-]{1,64}$/.test(id) ? id : undefined;
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/** GET /api/v1/statuses/:id/quotes: one page of the statuses quoting `id`, newest first. */
export async function quotesOf(
  rest: Pick<RestClient, "requestWithResponse">,
  id: string,
  page: { maxId?: string; limit?: number } = {},
): Promise<QuotesPage> {
  const answer = await rest.requestWithResponse<unknown>({
    method: "GET",
    path: statusPath(id, "/quotes"),
    params: { limit: page.limit ?? 40, ...(page.maxId ? { maxId: page.maxId } : {}) },
  });
  const statuses = withStringIds<mastodon.v1.Status>(answer.data);
  const nextMaxId = statuses.length > 0 ? nextMaxIdOf(answer.headers.get("link")) : undefined;
  return { statuses, ...(nextMaxId ? { nextMaxId } : {}) };
}

/**
 * POST /api/v1/statuses/:id/quotes/:quoting_status_id/revoke: the quoting status detached
 * from `id` (the user's own). Answers the quoting status, its quote now `revoked`.
 */
export function revokeQuote(
  rest: Pick<RestClient, "request">,
  id: string,
  quotingStatusId: string,
): Promise<mastodon.v1.Status> {
  return rest.request<mastodon.v1.Status>({
    method: "POST",
    path: statusPath(id, `/quotes/${encodeURIComponent(quotingStatusId)}/revoke`),
  });
}

/** PUT /api/v1/statuses/:id/interaction_policy: who may quote the user's status from now on. */
export function setQuotePolicy(
  rest: Pick<RestClient, "request">,
  id: string,
  policy: QuotePolicy,
): Promise<mastodon.v1.Status> {
  return rest.request<mastodon.v1.Status>({
    method: "PUT",
    path: statusPath(id, "/interaction_policy"),
    params: { quoteApprovalPolicy: policy },
  });
}

/** How the status' quote policy applies to the user (QuoteApproval.current_user). */
export type QuoteRight = "automatic" | "manual" | "denied";

/**
 * Whether the user may quote `status`, as its `quote_approval` says. `unknown` is treated as
 * `denied` (entities/QuoteApproval.md); a server without the field (before 4.5) says nothing,
 * and neither does this: undefined. Private mentions are never quotable.
 */
export function quoteRightOf(status: mastodon.v1.Status): QuoteRight | undefined {
  if (status.visibility === "direct") return "denied";
  const approval = (status as { quoteApproval?: { currentUser?: unknown } | null }).quoteApproval;
  const current = approval?.currentUser;
  if (current === "automatic" || current === "manual") return current;
  if (current === "denied" || current === "unknown") return "denied";
  return undefined;
}
