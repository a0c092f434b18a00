// Quote posts (Mastodon 4.5): the quoted status drawn inside the quoting one, or one line
// saying why it is not shown. Every state Mastodon documents has its own words; states
// added later read as "unavailable".
import type { mastodon } from "masto";

type QuoteLike = { state?: unknown; quotedStatus?: unknown; quotedStatusId?: unknown };

const WHY_NOT_SHOWN: Record<string, string> = {
  pending: "quote pending the quoted author's approval",
  rejected: "the quoted author declined this quote",
  revoked: "the quoted author removed this quote",
  deleted: "the quoted post was deleted",
  unauthorized: "you cannot see the quoted post",
  blocked_account: "quoted post hidden: you blocked its author",
  blocked_domain: "quoted post hidden: you blocked its server",
  muted_account: "quoted post hidden: you muted its author",
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
  if (state === "accepted") return { kind: "notice", text: "quotes a post (open it to see)" };
  const why = Object.hasOwn(WHY_NOT_SHOWN, state) ? WHY_NOT_SHOWN[state] : undefined;
  return { kind: "notice", text: why ?? "quoted post unavailable" };
}
