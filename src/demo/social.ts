// Endpoints for reading and acting: accounts (statuses, relationships, lookup,
// follow/mute/block, follow requests), pins, translation, edit history, reports,
// bookmarks, favourites, conversations and lists — answering as Mastodon does.
// (/api/v2/search lives in compose-routes.ts.)
// Registered BEFORE the read routes: /accounts/relationships must not match /accounts/:id.

import {
  json,
  NOT_FOUND,
  type RequestContext,
  type Route,
  requireAnyWrite,
  requireAuth,
  route,
} from "./http-kit.js";
import { pageOfRequest } from "./paging.js";
import { viewFor } from "./present.js";
import { pagedReply } from "./rest-read.js";
import type { ApiAccount, ApiStatus } from "./types.js";
import type { DemoWorld, StoredStatus } from "./world.js";

interface Relationship {
  id: string;
  following: boolean;
  showing_reblogs: boolean;
  notifying: boolean;
  languages: string[] | null;
  followed_by: boolean;
  blocking: boolean;
  blocked_by: boolean;
  muting: boolean;
  muting_notifications: boolean;
  requested: boolean;
  requested_by: boolean;
  domain_blocking: boolean;
  endorsed: boolean;
  note: string;
}

interface Version {
  content: string;
  spoiler_text: string;
  sensitive: boolean;
  created_at: string;
}

export function socialRoutes({
  world,
  baseUrl,
}: {
  world: DemoWorld;
  baseUrl: () => string;
}): Route[] {
  const relationships = new Map<string, Relationship>();
  const history = new Map<string, Version[]>();
  const latest = new Map<string, Version>();
  const reports: unknown[] = [];
  const answeredRequests = new Set<string>();
  const version = (s: ApiStatus, at?: string): Version => ({
    content: s.content,
    spoiler_text: s.spoiler_text,
    sensitive: s.sensitive,
    created_at: at ?? s.edited_at ?? s.created_at,
  });
  for (const s of world.statuses) latest.set(s.id, version(s.status));
  world.onEvent((e) => {
    if (e.type === "update") latest.set(e.stored.id, version(e.stored.status));
    if (e.type !== "status.update") return;
    const before = latest.get(e.stored.id);
    const list = history.get(e.stored.id) ?? (before ? [before] : []);
    const now = version(e.stored.status);
    list.push(now);
    history.set(e.stored.id, list);
    latest.set(e.stored.id, now);
  });

  const accountById = (id: string) => world.accounts.find((a) => a.account.id === id);
  const relationshipOf = (id: string): Relationship => {
    let r = relationships.get(id);
    if (!r) {
      r = {
        id,
        following: accountById(id)?.followed ?? false,
        showing_reblogs: true,
        notifying: false,
        languages: null,
        followed_by: false,
        blocking: false,
        blocked_by: false,
        muting: false,
        muting_notifications: false,
        requested: false,
        requested_by: false,
        domain_blocking: false,
        endorsed: false,
        note: "",
      };
      relationships.set(id, r);
    }
    return r;
  };
  const see = (ctx: RequestContext) => (s: ApiStatus) => viewFor(s, ctx.auth !== undefined);
  const limitOf = (ctx: RequestContext, def: number, max: number) => {
    const n = Number(ctx.url.searchParams.get("limit") ?? def);
    return Number.isInteger(n) && n > 0 ? Math.min(n, max) : def;
  };
  const newestFirst = (pred: (s: ApiStatus) => boolean, ctx: RequestContext, limit: number) =>
    world.statuses
      .filter((s) => pred(s.status))
      .reverse()
      .slice(0, limit)
      .map((s) => see(ctx)(s.status));
  const statusOrNotFound = (ctx: RequestContext) => world.get(ctx.params.id ?? "");
  const matchesAcct = (a: ApiAccount, q: string) => {
    const wanted = q.replace(/^@/, "").toLowerCase();
    const local = `${a.username}@${new URL(a.url).host}`.toLowerCase();
    return (
      a.acct.toLowerCase() === wanted || local === wanted || a.username.toLowerCase() === wanted
    );
  };

  // Bookmarks and favourites are rows of their own on Mastodon, paged by the rows' ids, which
  // only the Link header carries: a status id as max_id means nothing here. Toots seeded as
  // saved get rows first, in their own order; the user's saves follow (world.markSaved).
  const savedReply = (ctx: RequestContext, which: "bookmarks" | "favourites") => {
    const flag = which === "bookmarks" ? "bookmarked" : "favourited";
    for (const s of world.statuses)
      if (s.status[flag] === true && !world.saved[which].has(s.id))
        world.markSaved(which, s.id, true);
    const ascending = [...world.saved[which]]
      .map(([statusId, id]) => ({ id, stored: world.get(statusId) }))
      .filter((r): r is { id: string; stored: StoredStatus } => r.stored?.status[flag] === true)
      .sort((a, b) => Number(a.id) - Number(b.id));
    const { page, headers } = pageOfRequest(ctx.url, baseUrl(), ascending);
    return json(
      200,
      page.items.map((r) => see(ctx)(r.stored.status)),
      headers,
    );
  };

  const accountToggle = (verb: string, apply: (r: Relationship, id: string) => void) =>
    route("POST", `/api/v1/accounts/:id/${verb}`, (ctx) => {
      const denied = requireAnyWrite(ctx);
      if (denied) return denied;
      const id = ctx.params.id ?? "";
      if (!accountById(id)) return NOT_FOUND;
      if (id === world.me.account.id)
        return json(422, { error: "Validation failed: You cannot do that to yourself" });
      const r = relationshipOf(id);
      apply(r, id);
      return json(200, r);
    });

  return [
    route("GET", "/api/v1/accounts/relationships", (ctx) => {
      const denied = requireAuth(ctx);
      if (denied) return denied;
      const ids = [...ctx.url.searchParams.getAll("id[]"), ...ctx.url.searchParams.getAll("id")];
      return json(
        200,
        ids.filter((id) => accountById(id)).map((id) => relationshipOf(id)),
      );
    }),
    route("GET", "/api/v1/accounts/lookup", (ctx) => {
      const acct = ctx.url.searchParams.get("acct") ?? "";
      const found = world.accounts.find((a) => matchesAcct(a.account, acct));
      return found ? json(200, found.account) : NOT_FOUND;
    }),
    route("GET", "/api/v1/accounts/:id/statuses", (ctx) => {
      const id = ctx.params.id ?? "";
      if (!accountById(id)) return NOT_FOUND;
      const pinned = ctx.url.searchParams.get("pinned") === "true";
      const theirs = world.statuses.filter(
        (s) =>
          s.status.account.id === id &&
          (s.status.visibility === "public" || s.status.visibility === "unlisted") &&
          (!pinned || s.status.pinned === true),
      );
      // Paged like a timeline (max_id / min_id over status ids, a Link header).
      return pagedReply({ world, baseUrl }, ctx, theirs, (s) => see(ctx)(s.status), 20, 40);
    }),
    accountToggle("follow", (r, id) => {
      // Locked accounts get a request, not a follow.
      const account = accountById(id);
      if (account?.account.locked) r.requested = true;
      else {
        r.following = true;
        // The notification policy's "not following" reads the world's.
        if (account) account.followed = true;
      }
    }),
    accountToggle("unfollow", (r, id) => {
      r.following = false;
      r.requested = false;
      const account = accountById(id);
      if (account) account.followed = false;
    }),
    accountToggle("mute", (r) => {
      r.muting = true;
      r.muting_notifications = true;
    }),
    accountToggle("unmute", (r) => {
      r.muting = false;
      r.muting_notifications = false;
    }),
    accountToggle("block", (r) => {
      r.blocking = true;
      r.following = false;
      r.followed_by = false;
    }),
    accountToggle("unblock", (r) => {
      r.blocking = false;
    }),
    ...(["authorize", "reject"] as const).map((verb) =>
      route("POST", `/api/v1/follow_requests/:id/${verb}`, (ctx) => {
        const denied = requireAnyWrite(ctx);
        if (denied) return denied;
        const id = ctx.params.id ?? "";
        const pending = world.notifications.some(
          (n) => n.type === "follow_request" && n.account.id === id,
        );
        if (!pending || answeredRequests.has(id)) return NOT_FOUND;
        answeredRequests.add(id);
        const r = relationshipOf(id);
        r.requested_by = false;
        if (verb === "authorize") r.followed_by = true;
        return json(200, r);
      }),
    ),
    ...(["pin", "unpin"] as const).map((verb) =>
      route("POST", `/api/v1/statuses/:id/${verb}`, (ctx) => {
        const denied = requireAnyWrite(ctx);
        if (denied) return denied;
        const found = statusOrNotFound(ctx);
        if (!found || found.status.account.id !== world.me.account.id) return NOT_FOUND;
        if (
          found.status.reblog ||
          !["public", "unlisted", "private"].includes(found.status.visibility)
        )
          return json(422, { error: "Validation failed: This post cannot be pinned" });
        found.status.pinned = verb === "pin";
        return json(200, found.status);
      }),
    ),
    route("POST", "/api/v1/statuses/:id/translate", (ctx) => {
      const denied = requireAuth(ctx);
      if (denied) return denied;
      const found = statusOrNotFound(ctx);
      if (!found) return NOT_FOUND;
      const s = found.status.reblog ?? found.status;
      const lang = typeof ctx.body.lang === "string" ? ctx.body.lang : "en";
      if (s.language === lang) return json(403, { error: "This action is not allowed" });
      // A pretend provider: the words stay, marked as translated, so tests can see it happened.
      return json(200, {
        content: `<p>[${lang}]</p>${s.content}`,
        spoiler_text: s.spoiler_text,
        detected_source_language: s.language ?? "und",
        provider: "DemoTranslate",
        poll: null,
        media_attachments: [],
      });
    }),
    route("GET", "/api/v1/statuses/:id/history", (ctx) => {
      const found = statusOrNotFound(ctx);
      if (!found) return NOT_FOUND;
      const s = found.status;
      const versions = history.get(found.id) ?? [version(s)];
      return json(
        200,
        versions.map((v) => ({ ...v, account: s.account, media_attachments: [], emojis: [] })),
      );
    }),
    route("POST", "/api/v1/reports", (ctx) => {
      const denied = requireAnyWrite(ctx);
      if (denied) return denied;
      const accountId = String(ctx.body.account_id ?? "");
      const target = accountById(accountId);
      if (!target) return NOT_FOUND;
      const raw = ctx.body.status_ids;
      const statusIds = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).map(String);
      const category = String(ctx.body.category ?? "other");
      if (!["spam", "legal", "violation", "other"].includes(category))
        return json(422, { error: "Validation failed: Category is not included in the list" });
      const report = {
        id: String(reports.length + 1),
        action_taken: false,
        action_taken_at: null,
        category,
        comment: String(ctx.body.comment ?? ""),
        forwarded: false,
        created_at: new Date(ctx.now).toISOString(),
        status_ids: statusIds,
        rule_ids: null,
        target_account: target.account,
      };
      reports.push(report);
      return json(200, report);
    }),
    route("GET", "/api/v1/bookmarks", (ctx) => requireAuth(ctx) ?? savedReply(ctx, "bookmarks")),
    route("GET", "/api/v1/favourites", (ctx) => requireAuth(ctx) ?? savedReply(ctx, "favourites")),
    route("GET", "/api/v1/conversations", (ctx) => {
      const denied = requireAuth(ctx);
      if (denied) return denied;
      const direct = newestFirst((s) => s.visibility === "direct", ctx, limitOf(ctx, 20, 40));
      return json(
        200,
        direct.map((s) => ({
          id: `c${s.id}`,
          unread: false,
          accounts: s.account.id === world.me.account.id ? [] : [s.account],
          last_status: s,
        })),
      );
    }),
    route("GET", "/api/v1/lists", (ctx) => {
      const denied = requireAuth(ctx);
      return (
        denied ??
        json(200, [{ id: "1", title: "Friends", replies_policy: "list", exclusive: false }])
      );
    }),
    route("GET", "/api/v1/timelines/list/:id", (ctx) => {
      const denied = requireAuth(ctx);
      if (denied) return denied;
      if (ctx.params.id !== "1") return NOT_FOUND;
      // "Friends": everyone the demo user follows.
      const followed = new Set(world.accounts.filter((a) => a.followed).map((a) => a.account.id));
      return json(
        200,
        newestFirst((s) => followed.has(s.account.id), ctx, limitOf(ctx, 20, 40)),
      );
    }),
  ];
}
