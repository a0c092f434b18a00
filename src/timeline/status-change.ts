// A change to one status, and what it does to any place that shows that status: the toot
// itself, a boost of it, a toot quoting it (or a boost of a toot quoting it), a notification
// about it. Pure: every store and view applies changes through `changedStatus`.
import type { mastodon } from "masto";

type Status = mastodon.v1.Status;

/** The fields a toggle on a status sets (status actions). */
export type ToggleField = "favourited" | "reblogged" | "bookmarked" | "pinned";
export type CountField = "favouritesCount" | "reblogsCount";

export type StatusChange =
  /** A newer version of the status (a streamed `status.update`, a server's answer, a vote). */
  | { kind: "edit"; status: Status }
  /** The status is gone (a streamed `delete`, the user's own delete). */
  | { kind: "delete"; id: string }
  /**
   * Only some fields changed (an action shown before the server answers, or rolled back; a
   * vote's poll):
   * `set` replaces fields, `adjust` adds to counts where a toggle in `set` flips. Everything
   * else the place holds stays, so rolling back a refused favourite undoes it and nothing else.
   */
  | {
      kind: "patch";
      id: string;
      set: Partial<Pick<Status, ToggleField | CountField | "poll">>;
      adjust?: Partial<Record<CountField, number>>;
    }
  /**
   * The user blocked or muted an account: its toots, its boosts and boosts of its toots leave
   * every place at once (notifications from it too), and a toot quoting it shows the quote as
   * hidden. Nothing brings them back but a refresh.
   */
  | { kind: "account-hidden"; accountId: string; by: "block" | "mute" };

/** The changes about one status (all but an account's). */
type OneStatusChange = Exclude<StatusChange, { kind: "account-hidden" }>;

/** The id a change is about. */
export function changedId(change: OneStatusChange): string {
  return change.kind === "edit" ? change.status.id : change.id;
}

/** Whether `status` is by the account or boosts a toot of it. */
export function showsAccount(status: Status, accountId: string): boolean {
  return status.account?.id === accountId || status.reblog?.account?.id === accountId;
}

interface QuoteLike {
  state?: unknown;
  quotedStatus?: Status | null;
  // Akkoma's `quote` is the quoted Status itself (lib/pleroma/web/mastodon_api/views/
  // status_view.ex): no `state`, the fields of a Status instead.
  id?: unknown;
  account?: unknown;
}

const quoteOf = (s: Status): QuoteLike | undefined => {
  const q = (s as { quote?: QuoteLike | null }).quote;
  return q && typeof q === "object" ? q : undefined;
};

/** Whether a quote is Akkoma's: the quoted Status in place of Mastodon's Quote. */
const isWholeStatus = (q: QuoteLike): boolean =>
  q.state === undefined &&
  typeof q.id === "string" &&
  q.account !== null &&
  typeof q.account === "object";

const quotedOf = (s: Status): Status | undefined => {
  const quote = quoteOf(s);
  if (quote && isWholeStatus(quote)) return quote as unknown as Status;
  const q = quote?.quotedStatus;
  return q && typeof q === "object" && typeof q.id === "string" ? q : undefined;
};

/**
 * `s` with its quote in Mastodon's shape for a quoted post no longer shown (`state`, no
 * quoted status): render/quote.ts reads it the same way whichever server sent the quote.
 */
const withQuoteGone = (s: Status, state: string): Status => {
  const quote = quoteOf(s)!;
  const base = isWholeStatus(quote) ? {} : quote;
  return { ...s, quote: { ...base, state, quotedStatus: null } } as Status;
};

/**
 * Ids of the other statuses drawn inside `status`: the original of a boost and quoted posts
 * (Mastodon nests a quote one level: a quoted post's own quote arrives shallow, an id only).
 */
export function idsInside(status: Status): string[] {
  const out: string[] = [];
  const original = status.reblog;
  if (original && typeof original.id === "string") out.push(original.id);
  const quoted = quotedOf(status);
  if (quoted) out.push(quoted.id);
  const quotedByOriginal = original ? quotedOf(original) : undefined;
  if (quotedByOriginal) out.push(quotedByOriginal.id);
  return out;
}

// Streamed edits on public streams are rendered for nobody in particular: they carry no
// favourited / reblogged / bookmarked / pinned / muted of the viewer. Keep what we knew.
const VIEWER_FIELDS = ["favourited", "reblogged", "bookmarked", "pinned", "muted"] as const;

function edited(old: Status, next: Status): Status {
  const kept: Record<string, unknown> = {};
  for (const f of VIEWER_FIELDS)
    if (next[f] === undefined && old[f] !== undefined) kept[f] = old[f];
  return Object.keys(kept).length ? ({ ...next, ...kept } as Status) : next;
}

const TOGGLE_FIELDS: ReadonlySet<string> = new Set<ToggleField>([
  "favourited",
  "reblogged",
  "bookmarked",
  "pinned",
]);

function patched(s: Status, change: Extract<StatusChange, { kind: "patch" }>): Status {
  const next: Record<string, unknown> = { ...s, ...change.set };
  // Counts move with the toggle they count, and only where it flips: a copy the server sent
  // meanwhile (already without the refused favourite) must not lose one more.
  const flips = Object.entries(change.set).some(
    ([field, value]) => TOGGLE_FIELDS.has(field) && Boolean(s[field as ToggleField]) !== value,
  );
  for (const [field, delta] of Object.entries(flips ? (change.adjust ?? {}) : {})) {
    next[field] = Math.max(0, (Number(next[field]) || 0) + (delta ?? 0));
  }
  return next as unknown as Status;
}

/** The status itself after the change, if it is the one changed (deletes are handled apart). */
function self(s: Status, change: OneStatusChange): Status {
  if (s.id !== changedId(change)) return s;
  if (change.kind === "edit") return edited(s, change.status);
  return change.kind === "patch" ? patched(s, change) : s;
}

/** `s` with its quoted post changed (a deleted one becomes Mastodon's "deleted" quote state). */
function withQuote(s: Status, change: OneStatusChange): Status {
  const quoted = quotedOf(s);
  if (!quoted || quoted.id !== changedId(change)) return s;
  if (change.kind === "delete") return withQuoteGone(s, "deleted");
  const quote = quoteOf(s)!;
  const next = isWholeStatus(quote)
    ? self(quoted, change)
    : { ...quote, quotedStatus: self(quoted, change) };
  return { ...s, quote: next } as Status;
}

/**
 * `s` with a quoted post by a hidden account dropped, in the state Mastodon answers with once
 * the author is blocked or muted (docs entities/Quote: `blocked_account`, `muted_account`, no
 * quoted status).
 */
function withoutHiddenQuote(
  s: Status,
  change: Extract<StatusChange, { kind: "account-hidden" }>,
): Status {
  if (quotedOf(s)?.account?.id !== change.accountId) return s;
  return withQuoteGone(s, change.by === "block" ? "blocked_account" : "muted_account");
}

/**
 * What a shown status becomes after `change`: null when it goes (it or its boosted original
 * was deleted, or its author hidden), the same object when the change does not concern it,
 * else a new object.
 */
export function changedStatus(shown: Status, change: StatusChange): Status | null {
  if (change.kind === "account-hidden") {
    if (showsAccount(shown, change.accountId)) return null;
    const next = withoutHiddenQuote(shown, change);
    const original = next.reblog;
    const hidden = original ? withoutHiddenQuote(original, change) : original;
    return hidden === original ? next : { ...next, reblog: hidden };
  }
  const id = changedId(change);
  if (change.kind === "delete" && (shown.id === id || shown.reblog?.id === id)) return null;
  let next = withQuote(self(shown, change), change);
  const original = next.reblog;
  if (original) {
    const changed = withQuote(self(original, change), change);
    if (changed !== original) next = { ...next, reblog: changed };
  }
  return next;
}
