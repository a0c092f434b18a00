// Quote posts (Mastodon 4.5): the quoted status drawn inside the quoting one, or one line
// saying why it is not shown. Every state Mastodon documents has its own words; a state added
// later reads as `unauthorized`, as entities/Quote.md says unknown values must.
import type { mastodon } from "masto";
import { type MessageKey, tl } from "../i18n/index.js";

type QuoteLike = { state?: unknown; quotedStatus?: unknown; quotedStatusId?: unknown };

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
  const quote = (s as { quote?: QuoteLike | null }).quote;
  if (!quote || typeof quote !== "object") return { kind: "none" };
  const state = typeof quote.state === "string" ? quote.state : "";
  const quoted = quote.quotedStatus as mastodon.v1.Status | null | undefined;
  if (state === "accepted" && quoted && typeof quoted === "object" && quoted.account)
    return { kind: "status", status: quoted };
  // Streaming sends a "shallow" quote (an id only): the status itself comes with the thread.
  if (state === "accepted") return { kind: "notice", text: tl("quote.shallow") };
  const why = Object.hasOwn(WHY_NOT_SHOWN, state) ? WHY_NOT_SHOWN[state] : undefined;
  return { kind: "notice", text: tl(why ?? WHY_NOT_SHOWN.unauthorized!) };
}
