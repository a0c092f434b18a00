/**
 * Posting a draft. The draft's own Idempotency-Key goes with every attempt, so when
 * the answer to a POST is lost (the server stored the toot, the connection dropped),
 * the retry returns the same toot instead of posting it twice — on servers that dedupe by
 * the key. Elsewhere (Sharkey, snac) a lost answer leaves the outcome unknown, and the
 * user is told so instead of being invited to send it again.
 */

import type { CountRule, ServerLimits } from "../api/server-profile.js";
import { oneLine } from "../config/one-line.js";
import { tl } from "../i18n/index.js";
import { countFor, countLabel, pollOptionLength, spoilerOverLimit } from "./counter.js";
import type { Draft } from "./drafts.js";
import type { PollSpec, Visibility } from "./editor-state.js";
import type { QuotePolicy } from "./quote.js";

/** masto's camelCase parameters for POST /api/v1/statuses. */
export interface PostParams {
  status: string;
  spoilerText?: string;
  sensitive?: boolean;
  visibility?: Visibility;
  language?: string;
  inReplyToId?: string;
  mediaIds?: string[];
  poll?: PollSpec;
  scheduledAt?: string;
  /** The toot this one quotes (Mastodon 4.5, API version 7). */
  quotedStatusId?: string;
  quoteApprovalPolicy?: QuotePolicy;
}

/** PUT /api/v1/statuses/:id: visibility and the reply target cannot change. */
export interface EditParams {
  status: string;
  spoilerText: string;
  sensitive: boolean;
  language?: string;
  mediaIds: string[];
  mediaAttributes: { id: string; description: string }[];
  poll?: PollSpec;
}

export interface PostingApi {
  postStatus(params: PostParams, idempotencyKey: string): Promise<{ id: string }>;
  editStatus(id: string, params: EditParams): Promise<{ id: string }>;
  /** Whether sending the same draft again cannot post it twice (the server dedupes by key). */
  resendIsSafe?(): boolean;
  /**
   * After a lost answer: the id of the toot if the user's profile shows it went out (made since
   * `sentAt`, epoch ms), undefined if it does not; rejects when the server cannot be asked.
   */
  findPosted?(params: PostParams, sentAt: number): Promise<string | undefined>;
}

export interface PollLimits {
  maxOptions: number;
  maxCharactersPerOption: number;
  /** UTF-8 bytes per option, where the server cuts longer ones (snac). */
  maxBytesPerOption?: number | null;
  minExpiration: number;
  maxExpiration: number;
}

/** The composer's poll limits from the server's. */
export function pollLimitsOf(limits: ServerLimits): PollLimits {
  return {
    maxOptions: limits.pollMaxOptions,
    maxCharactersPerOption: limits.pollMaxCharactersPerOption,
    maxBytesPerOption: limits.pollMaxBytesPerOption,
    minExpiration: limits.pollMinExpiration,
    maxExpiration: limits.pollMaxExpiration,
  };
}

export type SubmitResult =
  | { ok: true; id: string }
  | {
      ok: false;
      kind: "too-long" | "empty" | "invalid-poll" | "rejected" | "failed" | "unknown";
      message: string;
      /** True when trying again (same key) may succeed: the draft is kept either way. */
      retryable: boolean;
    };

export interface SubmitOptions {
  /** The server's length rule (Mastodon's with 23 per URL when not given). */
  count?: CountRule;
  pollLimits?: PollLimits;
  /** Removes the draft once the server has the toot. */
  store?: { remove(id: string): void };
}

export function checkPoll(poll: PollSpec, limits: PollLimits, rule?: CountRule): string | null {
  if (poll.options.length > limits.maxOptions) {
    return tl("compose.pollTooManyOptions", { count: limits.maxOptions });
  }
  // Options count as they are, URLs too, in the server's own unit (pollOptionLength).
  const long = poll.options.find((o) => pollOptionLength(o, rule) > limits.maxCharactersPerOption);
  if (long !== undefined) {
    return tl("compose.pollOptionTooLong", { count: limits.maxCharactersPerOption });
  }
  // Mastodon (PollOptionsValidator) and Sharkey (the schema's uniqueItems) refuse a repeated
  // option; Pleroma/Akkoma and snac drop the repeat, so the poll would lose a choice.
  if (new Set(poll.options).size !== poll.options.length) return tl("compose.pollDuplicate");
  const bytes = limits.maxBytesPerOption;
  if (bytes && poll.options.some((o) => Buffer.byteLength(o, "utf8") > bytes)) {
    return tl("compose.pollOptionTooManyBytes", { count: bytes });
  }
  if (poll.expiresIn < limits.minExpiration || poll.expiresIn > limits.maxExpiration) {
    return tl("compose.pollDuration", {
      min: tl("compose.minutes", { count: limits.minExpiration / 60 }),
      max: tl("compose.days", { count: limits.maxExpiration / 86400 }),
    });
  }
  return null;
}

/** Checks that need no server: returns the refusal, or null when the draft may go. */
export function checkDraft(draft: Draft, maxCharacters: number, opts: SubmitOptions = {}) {
  const used = countFor(draft.text, draft.spoiler, opts.count);
  if (used > maxCharacters) {
    return {
      ok: false as const,
      kind: "too-long" as const,
      message: tl("compose.tooLong", { counter: countLabel(used, maxCharacters) }),
      retryable: false,
    };
  }
  const cw = spoilerOverLimit(draft.spoiler, opts.count);
  if (cw) {
    return {
      ok: false as const,
      kind: "too-long" as const,
      message: tl("compose.spoilerTooLong", { counter: countLabel(cw.used, cw.max) }),
      retryable: false,
    };
  }
  if (draft.text.trim() === "" && draft.media.length === 0) {
    return {
      ok: false as const,
      kind: "empty" as const,
      message: tl("compose.nothingToPost"),
      retryable: false,
    };
  }
  if (draft.poll && opts.pollLimits) {
    const problem = checkPoll(draft.poll, opts.pollLimits, opts.count);
    if (problem)
      return {
        ok: false as const,
        kind: "invalid-poll" as const,
        message: problem,
        retryable: false,
      };
  }
  return null;
}

function postParams(d: Draft): PostParams {
  return {
    status: d.text,
    visibility: d.visibility,
    sensitive: d.sensitive,
    ...(d.spoiler ? { spoilerText: d.spoiler } : {}),
    ...(d.language ? { language: d.language } : {}),
    ...(d.inReplyToId ? { inReplyToId: d.inReplyToId } : {}),
    ...(d.media.length ? { mediaIds: d.media.map((m) => m.id) } : {}),
    ...(d.poll ? { poll: d.poll } : {}),
    ...(d.scheduledAt ? { scheduledAt: d.scheduledAt } : {}),
    ...(d.quote ? { quotedStatusId: d.quote.statusId } : {}),
    ...(d.quotePolicy ? { quoteApprovalPolicy: d.quotePolicy } : {}),
  };
}

function editParams(d: Draft): EditParams {
  return {
    status: d.text,
    spoilerText: d.spoiler,
    sensitive: d.sensitive,
    ...(d.language ? { language: d.language } : {}),
    mediaIds: d.media.map((m) => m.id),
    mediaAttributes: d.media.map((m) => ({ id: m.id, description: m.description })),
    ...(d.poll ? { poll: d.poll } : {}),
  };
}

/**
 * Reads an error from the API room (HttpError {status, serverMessage}) or from masto
 * (MastoHttpError {statusCode, message}) without depending on either.
 */
function describeFailure(err: unknown): { status?: number; text: string } {
  const e = (err ?? {}) as Record<string, unknown>;
  const status =
    typeof e.status === "number"
      ? e.status
      : typeof e.statusCode === "number"
        ? e.statusCode
        : undefined;
  const text =
    typeof e.serverMessage === "string"
      ? e.serverMessage
      : typeof e.message === "string"
        ? e.message
        : String(err);
  return { status, text: oneLine(text) };
}

export async function submitDraft(
  draft: Draft,
  api: PostingApi,
  maxCharacters: number,
  opts: SubmitOptions = {},
): Promise<SubmitResult> {
  const refused = checkDraft(draft, maxCharacters, opts);
  if (refused) return refused;
  const sentAt = Date.now();
  try {
    const { id } = draft.editingStatusId
      ? await api.editStatus(draft.editingStatusId, editParams(draft))
      : await api.postStatus(postParams(draft), draft.idempotencyKey);
    opts.store?.remove(draft.id);
    return { ok: true, id };
  } catch (err) {
    const { status, text } = describeFailure(err);
    // 4xx (but a 429) means the server read the toot and said no: the same request
    // would be refused again. Anything else may not have reached it.
    if (status !== undefined && status >= 400 && status < 500 && status !== 429 && status !== 408) {
      return {
        ok: false,
        kind: "rejected",
        message: tl("compose.rejected", { why: text }),
        retryable: false,
      };
    }
    // 429 is a refusal before acting. A timeout, a dropped connection or a 5xx may come after
    // the server stored the toot: only a server that dedupes by key makes :wq again safe.
    const mayHavePosted = status !== 429 && !draft.editingStatusId && api.resendIsSafe?.() !== true;
    if (mayHavePosted) {
      // The profile settles it where it can: a scheduled toot is not on it yet.
      let found: string | undefined | null = null;
      if (api.findPosted && !draft.scheduledAt)
        found = await api.findPosted(postParams(draft), sentAt).catch(() => null);
      if (typeof found === "string") {
        opts.store?.remove(draft.id);
        return { ok: true, id: found };
      }
      return {
        ok: false,
        kind: "unknown",
        message: tl(found === undefined ? "compose.notOnProfile" : "compose.mayHavePosted", {
          why: text,
        }),
        retryable: false,
      };
    }
    return {
      ok: false,
      kind: "failed",
      message: tl("compose.failed", { why: text }),
      retryable: true,
    };
  }
}
