/**
 * Drafts that start from a toot: a reply (mentions, visibility, CW of the parent) and
 * an edit of one's own toot (from GET /api/v1/statuses/:id/source).
 */
import type { mastodon } from "masto";
import { sanitizeInline } from "../render/sanitize.js";
import type { Draft } from "./drafts.js";
import { asVisibility, type Visibility } from "./editor-state.js";

// An acct is user or user@domain; anything else from a hostile server is dropped.
const ACCT = /^[A-Za-z0-9_](?:[A-Za-z0-9_.-]*[A-Za-z0-9_])?(?:@[A-Za-z0-9.-]+)?$/;

/** The parent's CW comes from a server: the one sanitiser (controls, escapes, bidi overrides). */
const fromServer = sanitizeInline;

export type ReplyParent = Pick<
  mastodon.v1.Status,
  "id" | "visibility" | "spoilerText" | "language"
> & {
  account: Pick<mastodon.v1.Account, "acct">;
  mentions: readonly Pick<mastodon.v1.StatusMention, "acct">[];
  reblog?: ReplyParent | null;
};

export interface ReplyPrefill {
  text: string;
  spoiler: string;
  visibility: Visibility;
  language: string | null;
  inReplyToId: string;
}

/** A local acct ("alice") is me when my full acct is "alice@my.instance", and vice versa. */
function isMe(acct: string, me: string): boolean {
  if (acct === me) return true;
  const local = (a: string) => a.split("@")[0];
  return (!acct.includes("@") || !me.includes("@")) && local(acct) === local(me);
}

/**
 * The start of a reply: "@author @others " (each once, never yourself), the parent's
 * visibility and CW. Replying to a boost replies to the boosted toot.
 */
export function replyPrefill(status: ReplyParent, myAcct: string): ReplyPrefill {
  const parent = status.reblog ?? status;
  const me = myAcct.replace(/^@/, "").toLowerCase();
  const seen = new Set<string>();
  const mentions: string[] = [];
  for (const acct of [parent.account.acct, ...parent.mentions.map((m) => m.acct)]) {
    const key = acct.toLowerCase();
    if (!ACCT.test(acct) || isMe(key, me) || seen.has(key)) continue;
    seen.add(key);
    mentions.push(`@${acct}`);
  }
  return {
    text: mentions.length ? `${mentions.join(" ")} ` : "",
    spoiler: fromServer(parent.spoilerText ?? ""),
    visibility: asVisibility(parent.visibility),
    language: parent.language && /^[a-z]{2,3}$/.test(parent.language) ? parent.language : null,
    inReplyToId: parent.id,
  };
}

/** The fields of a draft that edits `status`, from its source (plain text, not HTML). */
export function editPrefill(
  status: Pick<
    mastodon.v1.Status,
    "id" | "visibility" | "sensitive" | "language" | "inReplyToId"
  > & {
    mediaAttachments: readonly Pick<mastodon.v1.MediaAttachment, "id" | "description">[];
  },
  source: Pick<mastodon.v1.StatusSource, "text" | "spoilerText">,
): Partial<Draft> {
  return {
    text: source.text,
    spoiler: fromServer(source.spoilerText),
    visibility: asVisibility(status.visibility),
    sensitive: status.sensitive,
    language: status.language ?? null,
    inReplyToId: status.inReplyToId ?? null,
    editingStatusId: status.id,
    media: status.mediaAttachments.map((m) => ({ id: m.id, description: m.description ?? "" })),
  };
}
