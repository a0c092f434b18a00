// After a POST whose answer was lost (a timeout, a dropped connection, a 5xx) on a server that
// does not dedupe by Idempotency-Key (server-profile.ts, dedupesPosts), the toot may or may not
// be out, and sending it again may post it twice. The user's own newest toots tell: one made
// since the send began with the same text, CW, reply target, media and poll is that toot.
import type { PostParams } from "../compose/post.js";
import type { RestClient } from "./rest.js";

/** How far before the send a server's created_at may fall (its clock against ours). */
const CLOCK_SLACK_MS = 60_000;
/** The user's newest toots read to find it: a retry loop elsewhere posts a few at most. */
const LOOKED_AT = 20;

interface PostedShape {
  id?: unknown;
  createdAt?: unknown;
  content?: unknown;
  spoilerText?: unknown;
  inReplyToId?: unknown;
  reblog?: unknown;
  mediaAttachments?: unknown;
  poll?: unknown;
}

/**
 * Whose toots to read, and how a toot's HTML reads as text: the caller's own converter (the
 * htmlToText of render/plain-text.ts, without a quote post's "RE:" fallback), as this room parses no HTML.
 */
export interface PostedLookup {
  accountId: string;
  textOf(html: string): string;
}

/**
 * Text as both sides can be compared: a server links `@user@host` and shows `@user`, and
 * re-flows white space; anything else it changes (Markdown on Akkoma, GoToSocial) makes no match,
 * which only keeps the "may have been posted" warning.
 */
function comparable(text: string): string {
  return text
    .normalize("NFC")
    .replace(/(^|[^\w@])@([\w.-]+)@[\w-]+(?:\.[\w-]+)+/gu, "$1@$2")
    .replace(/\s+/gu, " ")
    .trim();
}

function idsOf(list: unknown): string[] {
  if (!Array.isArray(list)) return [];
  return list.map((m) => (m as { id?: unknown } | null)?.id).filter((id) => typeof id === "string");
}

function optionsOf(poll: unknown): string[] | undefined {
  const options = (poll as { options?: unknown } | null)?.options;
  if (!Array.isArray(options)) return undefined;
  return options.map((o) => String((o as { title?: unknown } | null)?.title ?? ""));
}

/** Whether `status` (camelCased, as the REST client answers) is the toot `params` posted. */
export function isThePost(
  status: unknown,
  params: PostParams,
  sentAt: number,
  textOf: (html: string) => string,
): boolean {
  const s = (status ?? {}) as PostedShape;
  if (typeof s.id !== "string" || s.reblog) return false;
  const at = typeof s.createdAt === "string" ? Date.parse(s.createdAt) : Number.NaN;
  if (!(at >= sentAt - CLOCK_SLACK_MS)) return false;
  if ((typeof s.inReplyToId === "string" ? s.inReplyToId : undefined) !== params.inReplyToId)
    return false;
  if (
    comparable(typeof s.spoilerText === "string" ? s.spoilerText : "") !==
    comparable(params.spoilerText ?? "")
  )
    return false;
  const media = idsOf(s.mediaAttachments);
  const sent = params.mediaIds ?? [];
  if (media.length !== sent.length || media.some((id, i) => id !== sent[i])) return false;
  const options = optionsOf(s.poll);
  if (params.poll) {
    if (!options || options.join("\u0000") !== params.poll.options.join("\u0000")) return false;
  } else if (options) return false;
  return (
    comparable(textOf(typeof s.content === "string" ? s.content : "")) === comparable(params.status)
  );
}

/**
 * The id of the toot `params` posted if the user's newest toots hold it; undefined when they
 * do not (it may still appear: a server can store it after answering). Throws when the server
 * could not be asked.
 */
export async function findPosted(
  rest: RestClient,
  { accountId, textOf }: PostedLookup,
  params: PostParams,
  sentAt: number,
): Promise<string | undefined> {
  const list = await rest.request<unknown>({
    method: "GET",
    path: `/api/v1/accounts/${encodeURIComponent(accountId)}/statuses`,
    params: { limit: LOOKED_AT, excludeReblogs: true },
  });
  if (!Array.isArray(list)) return undefined;
  const found = list.find((s) => isThePost(s, params, sentAt, textOf)) as
    | { id: string }
    | undefined;
  return found?.id;
}
