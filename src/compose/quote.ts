// A toot that quotes another (Mastodon 4.5): the quote approval policies the composer offers.
import { tl } from "../i18n/index.js";

/** Who may quote a toot (`quote_approval_policy` of POST /api/v1/statuses, methods/statuses.md). */
export const QUOTE_POLICIES = ["public", "followers", "nobody"] as const;
export type QuotePolicy = (typeof QUOTE_POLICIES)[number];

export function isQuotePolicy(value: string): value is QuotePolicy {
  return (QUOTE_POLICIES as readonly string[]).includes(value);
}

/** The policy in words, as a piece of another message (logical order: compose with `tl`). */
export function quotePolicyWords(policy: QuotePolicy): string {
  return policy === "public"
    ? tl("quotePolicy.public")
    : policy === "followers"
      ? tl("quotePolicy.followers")
      : tl("quotePolicy.nobody");
}
