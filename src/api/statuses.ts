// Posting, editing and reading the source of a toot, on the shared request queue.
// The compose room's PostingApi is implemented here; every call goes through rest.request,
// so rate limits, retries (a POST only where the server dedupes by its key) and timeouts apply.
import type { mastodon } from "masto";
import type { EditParams, PostingApi, PostParams } from "../compose/post.js";
import { ProblemError } from "./errors.js";
import { findPosted, type PostedLookup } from "./posted-lookup.js";
import type { RestClient } from "./rest.js";

/** What the composer needs back: an id, and for a scheduled toot the ScheduledStatus id. */
export interface PostedStatus {
  id: string;
  /** True when the server answered with a ScheduledStatus (the toot is not out yet). */
  scheduled: boolean;
}

function idOf(data: unknown): string {
  const id = (data as { id?: unknown } | null)?.id;
  if (typeof id !== "string" || id === "") throw new ProblemError("error.answerWithoutId");
  return id;
}

/** A ScheduledStatus has `scheduled_at` and `params`, a Status has `content`. */
function isScheduled(data: unknown): boolean {
  const d = data as Record<string, unknown> | null;
  return !!d && typeof d.scheduledAt === "string" && typeof d.params === "object";
}

/** The poll as the API takes it: `expires_in` seconds, `options[]`, `multiple`. */
function body(params: PostParams | EditParams): Record<string, unknown> {
  const { poll, ...rest } = params;
  return poll
    ? {
        ...rest,
        poll: { options: poll.options, expiresIn: poll.expiresIn, multiple: poll.multiple },
      }
    : { ...rest };
}

export async function postStatus(
  rest: RestClient,
  params: PostParams,
  idempotencyKey: string,
): Promise<PostedStatus> {
  const data = await rest.request<unknown>({
    method: "POST",
    path: "/api/v1/statuses",
    params: body(params),
    idempotencyKey,
  });
  return { id: idOf(data), scheduled: isScheduled(data) };
}

export async function editStatus(
  rest: RestClient,
  id: string,
  params: EditParams,
): Promise<PostedStatus> {
  const data = await rest.request<unknown>({
    method: "PUT",
    path: `/api/v1/statuses/${encodeURIComponent(id)}`,
    params: body(params),
  });
  return { id: idOf(data), scheduled: false };
}

/** GET /api/v1/statuses/:id/source: the plain text and CW as typed (for `e`). */
export async function statusSource(
  rest: RestClient,
  id: string,
): Promise<Pick<mastodon.v1.StatusSource, "id" | "text" | "spoilerText">> {
  const data = await rest.request<Record<string, unknown>>({
    method: "GET",
    path: `/api/v1/statuses/${encodeURIComponent(id)}/source`,
  });
  const text = typeof data?.text === "string" ? data.text : "";
  const spoilerText = typeof data?.spoilerText === "string" ? data.spoilerText : "";
  return { id, text, spoilerText };
}

/** The composer's PostingApi on this client; `lookup` lets it tell whether a lost post went out. */
export function postingApi(rest: RestClient, lookup?: PostedLookup): PostingApi {
  return {
    postStatus: (params, key) => postStatus(rest, params, key),
    editStatus: (id, params) => editStatus(rest, id, params),
    resendIsSafe: () => rest.profile.dedupesPosts(),
    ...(lookup ? { findPosted: (params, sentAt) => findPosted(rest, lookup, params, sentAt) } : {}),
  };
}
