// Quote posts (Mastodon 4.5): the quoted status drawn inside the quoting one, or one line
// saying why it is not shown. Every state Mastodon documents has its own words; a state added
// later reads as `unauthorized`, as entities/Quote.md says unknown values must.
// Akkoma (lib/pleroma/web/mastodon_api/views/status_view.ex) has no Quote entity: its `quote`
// is the quoted Status itself, without `state`, or null with `quote_id` still set when the
// quoted post cannot be shown to the reader.
import type { mastodon } from "masto";
import { type MessageKey, tl } from "../i18n/index.js";

type QuoteLike = {
  state?: unknown;
  quotedStatus?: unknown;
  quotedStatusId?: unknown;
  // Akkoma's: the fields of a Status.
  id?: unknown;
  account?: unknown;
};

const WHY_NOT_SHOWN: Record<string, MessageKey> = {
  pending: "quote.pending",
  rejected: "quote.rejected",
  revoked: "quote.revoked",
  deleted: "quote.deleted",
  unauthorized: "quote.unauthorized",
  blocked_account: "quote.blockedAccount",
  blocked_domain: "quote.blockedDomain",
  muted_account: "quote.mutedAccount",
};

export type QuoteView =
  | { kind: "none" }
  | { kind: "status"; status: mastodon.v1.Status }
  | { kind: "notice"; text: string };

/** What to draw for a status' `quote`: nothing, the quoted status, or why it is missing. */
export function quoteView(s: mastodon.v1.Status): QuoteView {
  const { quote, quoteId } = s as { quote?: QuoteLike | null; quoteId?: unknown };
  if (!quote || typeof quote !== "object") {
    // Akkoma: a quote whose status it will not show (`quote_id` is a ghost id then).
    return typeof quoteId === "string" && quoteId !== ""
      ? { kind: "notice", text: tl(WHY_NOT_SHOWN.unauthorized!) }
      : { kind: "none" };
  }
  if (quote.state === undefined && typeof quote.id === "string" && isObject(quote.account))
    return { kind: "status", status: quote as unknown as mastodon.v1.Status };
  const state = typeof quote.state === "string" ? quote.state : "";
  const quoted = quote.quotedStatus as mastodon.v1.Status | null | undefined;
  if (state === "accepted" && quoted && typeof quoted === "object" && quoted.account)
    return { kind: "status", status: quoted };
  // Streaming sends a "shallow" quote (an id only): the status itself comes with the thread.
  if (state === "accepted") return { kind: "notice", text: tl("quote.shallow") };
  const why = Object.hasOwn(WHY_NOT_SHOWN, state) ? WHY_NOT_SHOWN[state] : undefined;
  return { kind: "notice", text: tl(why ?? WHY_NOT_SHOWN.unauthorized!) };
}

function isObject(value: unknown): value is object {
  return value !== null && typeof value === "object";
}
