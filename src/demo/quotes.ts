// Quote posts as Mastodon 4.5 serves them (methods/statuses.md, entities/Quote.md,
// entities/QuoteApproval.md): POST /api/v1/statuses with `quoted_status_id` and
// `quote_approval_policy`, GET /api/v1/statuses/:id/quotes (paged by the quote records' ids
// in the Link header), POST …/quotes/:quoting_status_id/revoke and
// PUT /api/v1/statuses/:id/interaction_policy. There is one viewer, the demo user: each
// status' `quote_approval.current_user` is said for them.

import {
  invalid,
  json,
  NOT_FOUND,
  type Reply,
  type RequestContext,
  type Route,
  requireAnyWrite,
  requireAuth,
  route,
  str,
} from "./http-kit.js";
import { SequentialIds } from "./ids.js";
import { pageOfRequest } from "./paging.js";
import type { ApiQuoteApproval, ApiStatus } from "./types.js";
import type { DemoWorld, StoredStatus } from "./world.js";

export type QuotePolicy = "public" | "followers" | "nobody";
/** `manual` stands for a remote server's policy that asks its author first (Mastodon has none of its own). */
export type DemoQuotePolicy = QuotePolicy | "manual";

const POLICIES = new Set<string>(["public", "followers", "nobody"]);

/** What the demo user may do with a status of this policy (QuoteApproval entity). */
export function quoteApproval(
  policy: DemoQuotePolicy,
  viewer: { mine: boolean; following: boolean },
): ApiQuoteApproval {
  const automatic = policy === "public" || policy === "followers" ? [policy] : [];
  const manual = policy === "manual" ? ["public"] : [];
  // The author may always quote their own post (all but private mentions).
  const current =
    viewer.mine || policy === "public" || (policy === "followers" && viewer.following)
      ? "automatic"
      : policy === "manual"
        ? "manual"
        : "denied";
  return { automatic, manual, current_user: current };
}

/** Mastodon sets `nobody` for private and direct posts whatever was asked. */
export function defaultPolicy(visibility: ApiStatus["visibility"]): QuotePolicy {
  return visibility === "public" || visibility === "unlisted" ? "public" : "nobody";
}

interface QuoteRecord {
  /** The quote record's own id: the quotes list pages by it. */
  id: string;
  quotingId: string;
  quotedId: string;
}

export class DemoQuotes {
  private readonly records: QuoteRecord[] = [];
  private readonly recordIds = new SequentialIds(70_000n);

  constructor(private readonly world: DemoWorld) {}

  /** Sets who may quote `id` (a test's "this author allows no quotes"); returns the status. */
  setPolicy(id: string, policy: DemoQuotePolicy): ApiStatus {
    const stored = this.world.get(id);
    if (!stored) throw new Error(`unknown status: ${id}`);
    const s = stored.status;
    const mine = s.account.id === this.world.me.account.id;
    const following = this.world.accounts.some((a) => a.account.id === s.account.id && a.followed);
    s.quote_approval = quoteApproval(
      s.visibility === "private" || s.visibility === "direct" ? "nobody" : policy,
      { mine, following },
    );
    return s;
  }

  /** Checks a POST's quote parameters before anything is stored: the refusal, or null. */
  checkPost(ctx: RequestContext): Reply | null {
    const policy = str(ctx.body.quote_approval_policy);
    if (policy !== undefined && !POLICIES.has(policy))
      return invalid("Quote approval policy is not included in the list");
    const id = str(ctx.body.quoted_status_id);
    if (id === undefined) return null;
    const quoted = this.world.get(id)?.status;
    if (!quoted) return NOT_FOUND;
    if (quoted.reblog) return invalid("Validation failed: Quoted status cannot be a reblog");
    const mine = quoted.account.id === this.world.me.account.id;
    if (
      quoted.visibility === "direct" ||
      (!mine && quoted.quote_approval?.current_user === "denied")
    )
      return json(403, { error: "This action is not allowed" });
    return null;
  }

  /** Gives a just-built status by the demo user its quote and its policy (before it is announced). */
  attachToPost(status: ApiStatus, ctx: RequestContext): void {
    const asked = str(ctx.body.quote_approval_policy);
    status.quote_approval = quoteApproval(
      status.visibility === "private" || status.visibility === "direct"
        ? "nobody"
        : asked && POLICIES.has(asked)
          ? (asked as QuotePolicy)
          : "public",
      { mine: true, following: false },
    );
    status.quotes_count = 0;
    const id = str(ctx.body.quoted_status_id);
    const quoted = id ? this.world.get(id)?.status : undefined;
    if (!quoted) return;
    const mine = quoted.account.id === this.world.me.account.id;
    const pending = !mine && quoted.quote_approval?.current_user === "manual";
    // Quoting a followers-only post keeps the quote among followers.
    if (
      quoted.visibility === "private" &&
      (status.visibility === "public" || status.visibility === "unlisted")
    )
      status.visibility = "private";
    status.quote = pending
      ? { state: "pending", quoted_status: null }
      : { state: "accepted", quoted_status: quoted };
    if (!status.content.includes(quoted.url ?? quoted.uri)) {
      const link = quoted.url ?? quoted.uri;
      status.content = `${status.content}<p class="quote-inline">RE: <a href="${link}">${link.replace(/^https:\/\//, "")}</a></p>`;
    }
    if (!pending) {
      this.records.push({ id: this.recordIds.next(), quotingId: status.id, quotedId: quoted.id });
      quoted.quotes_count = (quoted.quotes_count ?? 0) + 1;
    }
  }

  /** A quote of `quotedId` by `quoting` (seeding, and a test's "someone quoted your post"). */
  record(quoting: StoredStatus, quoted: ApiStatus): void {
    quoting.status.quote = { state: "accepted", quoted_status: quoted };
    this.records.push({ id: this.recordIds.next(), quotingId: quoting.id, quotedId: quoted.id });
    quoted.quotes_count = (quoted.quotes_count ?? 0) + 1;
  }

  routes(baseUrl: () => string): Route[] {
    const { world } = this;
    return [
      route("GET", "/api/v1/statuses/:id/quotes", (ctx) => {
        const denied = requireAuth(ctx);
        if (denied) return denied;
        const quoted = world.get(ctx.params.id ?? "");
        if (!quoted) return NOT_FOUND;
        const accepted = this.records.filter(
          (r) =>
            r.quotedId === quoted.id && world.get(r.quotingId)?.status.quote?.state === "accepted",
        );
        const { page, headers } = pageOfRequest(ctx.url, baseUrl(), accepted);
        const statuses = page.items.flatMap((r) => {
          const s = world.get(r.quotingId)?.status;
          return s ? [s] : [];
        });
        return json(200, statuses, headers);
      }),
      route("POST", "/api/v1/statuses/:id/quotes/:quoting_status_id/revoke", (ctx) => {
        const denied = requireAnyWrite(ctx);
        if (denied) return denied;
        const quoted = world.get(ctx.params.id ?? "");
        const quoting = world.get(ctx.params.quoting_status_id ?? "");
        if (!quoted || !quoting) return NOT_FOUND;
        if (quoted.status.account.id !== world.me.account.id)
          return json(403, { error: "This action is not allowed" });
        const record = this.records.find(
          (r) => r.quotedId === quoted.id && r.quotingId === quoting.id,
        );
        if (!record || quoting.status.quote?.state !== "accepted") return NOT_FOUND;
        quoting.status = { ...quoting.status, quote: { state: "revoked", quoted_status: null } };
        quoted.status.quotes_count = Math.max(0, (quoted.status.quotes_count ?? 1) - 1);
        world.announce({ type: "status.update", stored: quoting });
        return json(200, quoting.status);
      }),
      route("PUT", "/api/v1/statuses/:id/interaction_policy", (ctx) => {
        const denied = requireAnyWrite(ctx);
        if (denied) return denied;
        const found = world.get(ctx.params.id ?? "");
        if (!found || found.status.account.id !== world.me.account.id) return NOT_FOUND;
        const policy = str(ctx.body.quote_approval_policy);
        if (policy !== undefined && !POLICIES.has(policy))
          return invalid("Quote approval policy is not included in the list");
        if (policy) this.setPolicy(found.id, policy as QuotePolicy);
        return json(200, found.status);
      }),
    ];
  }
}
