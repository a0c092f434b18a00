// Read-only REST endpoints: instance metadata, credentials, timelines, notifications, statuses.

import { LOCAL_EMOJIS } from "./accounts.js";
import { UUID_RE } from "./flavour.js";
import {
  json,
  NOT_FOUND,
  type Reply,
  type RequestContext,
  type Route,
  requireAuth,
  route,
} from "./http-kit.js";
import { instanceV1, instanceV2, nodeinfo, nodeinfoIndex, RULES } from "./instance-info.js";
import { fallbackFor, supportedTypes } from "./notification-fallback.js";
import { linkHeader, pageById, parseLimit } from "./paging.js";
import { viewFor } from "./present.js";
import { type DemoServerSettings, liveFeedScope } from "./server-settings.js";
import type { ApiAccount } from "./types.js";
import type { DemoWorld, StoredStatus } from "./world.js";

export interface RestDeps {
  world: DemoWorld;
  /** The admin's settings: API version, timelines_access. */
  server: DemoServerSettings;
  baseUrl: () => string;
  streamingUrl: () => string;
}

/** The query parameters Mastodon carries over into Link header URLs. */
const KEPT_PARAMS = [
  "local",
  "remote",
  "only_media",
  "limit",
  "types[]",
  "exclude_types[]",
  "account_id",
  "include_filtered",
];

export function pagedReply<T extends { id: string }>(
  deps: Pick<RestDeps, "world" | "baseUrl">,
  ctx: RequestContext,
  ascending: readonly T[],
  render: (item: T) => unknown,
  defaultLimit: number,
  maxLimit: number,
): Reply {
  const q = ctx.url.searchParams;
  const hollo = deps.world.flavour.uuidCursors;
  const paging = deps.world.flavour.paging;
  const timeline = !ctx.url.pathname.includes("/notifications");
  const cursors = [q.get("max_id"), q.get("since_id"), q.get("min_id")];
  // Hollo validates timeline cursors as UUIDs (zod) and answers 400 to anything else.
  if (hollo && timeline)
    for (const c of cursors)
      if (c !== null && !UUID_RE.test(c)) return json(400, { error: "Invalid uuid", cursor: c });
  const page = pageById(ascending, {
    max_id: cursors[0],
    // Hollo's timelines before 0.9.0 declared since_id but never applied it (CHANGES.md).
    since_id: hollo && timeline ? null : cursors[1],
    min_id: cursors[2],
    limit: parseLimit(q.get("limit"), defaultLimit, maxLimit),
    minIdNewest: hollo || (paging?.minIdNewestOn.test(ctx.url.pathname) ?? false),
  });
  const keep = new URLSearchParams();
  for (const [k, v] of q) if (KEPT_PARAMS.includes(k)) keep.append(k, v);
  const link =
    paging && !paging.linkOn.test(ctx.url.pathname)
      ? null
      : linkHeader(
          deps.baseUrl(),
          ctx.url.pathname,
          keep,
          page,
          !(hollo && timeline),
          paging?.prevKey,
        );
  return json(200, page.items.map(render), link ? { Link: link } : undefined);
}

function truthy(value: string | null): boolean {
  return value === "true" || value === "1";
}

function credentialAccount(account: ApiAccount): ApiAccount {
  return {
    ...account,
    source: {
      privacy: "public",
      sensitive: false,
      language: "en",
      note: "Trying out tootty, the terminal Mastodon client.",
      fields: account.fields.map((f) => ({
        name: f.name,
        value: f.value,
        verified_at: f.verified_at,
      })),
      follow_requests_count: 0,
    },
  };
}

export function readRoutes(deps: RestDeps): Route[] {
  const { world } = deps;
  const renderStatus = (ctx: RequestContext) => (s: StoredStatus) =>
    viewFor(s.status, ctx.auth !== undefined);
  const counts = () => ({ statuses: world.statuses.length, users: 6 });
  return [
    route("GET", "/.well-known/nodeinfo", () => json(200, nodeinfoIndex(deps.baseUrl()))),
    route("GET", "/nodeinfo/2.0", () => json(200, nodeinfo(world.flavour, counts()))),
    route("GET", "/api/v1/instance", () =>
      json(200, instanceV1(deps.streamingUrl(), world.me.account, counts(), world.flavour)),
    ),
    route("GET", "/api/v2/instance", () =>
      json(200, instanceV2(deps.streamingUrl(), world.me.account, world.flavour, deps.server)),
    ),
    route("GET", "/api/v1/instance/rules", () => json(200, RULES)),
    route("GET", "/api/v1/custom_emojis", () => json(200, LOCAL_EMOJIS)),
    route("GET", "/api/v1/streaming/health", () => ({ status: 200, text: "OK" })),
    route("GET", "/api/v1/accounts/verify_credentials", (ctx) => {
      return requireAuth(ctx) ?? json(200, credentialAccount(world.me.account));
    }),
    route("GET", "/api/v1/accounts/:id", (ctx) => {
      const found = world.accounts.find((a) => a.account.id === ctx.params.id);
      return found ? json(200, found.account) : NOT_FOUND;
    }),
    route("GET", "/api/v1/timelines/home", (ctx) => {
      return (
        requireAuth(ctx) ?? pagedReply(deps, ctx, world.timeline("home"), renderStatus(ctx), 20, 40)
      );
    }),
    route("GET", "/api/v1/timelines/public", (ctx) => {
      const q = ctx.url.searchParams;
      const asked = truthy(q.get("local")) ? "local" : truthy(q.get("remote")) ? "remote" : "all";
      // timelines_access: a disabled side is left out (an empty page when only it was asked).
      const scope = liveFeedScope(deps.server, asked);
      const kind =
        scope.local && scope.remote
          ? "public"
          : scope.local
            ? "public:local"
            : scope.remote
              ? "public:remote"
              : null;
      const items = kind ? world.timeline(kind, truthy(q.get("only_media"))) : [];
      return pagedReply(deps, ctx, items, renderStatus(ctx), 20, 40);
    }),
    route("GET", "/api/v1/timelines/tag/:tag", (ctx) => {
      const q = ctx.url.searchParams;
      const asked = truthy(q.get("local")) ? "local" : truthy(q.get("remote")) ? "remote" : "all";
      // timelines_access.hashtag_feeds: a disabled side is left out, as on the public timeline.
      const scope = liveFeedScope(deps.server, asked, "hashtag_feeds");
      const items = world
        .tagTimeline(ctx.params.tag ?? "")
        .filter((s) => (s.local ? scope.local : scope.remote));
      return pagedReply(deps, ctx, items, renderStatus(ctx), 20, 40);
    }),
    route("GET", "/api/v1/notifications", (ctx) => {
      const denied = requireAuth(ctx);
      if (denied) return denied;
      const q = ctx.url.searchParams;
      const types = q.getAll("types[]");
      const excluded = q.getAll("exclude_types[]");
      // Filtered notifications (the notification policy) only with include_filtered, or when
      // asking for one account's (a notification request's) — Notification.browserable.
      const from = q.get("account_id");
      const withFiltered = truthy(q.get("include_filtered")) || Boolean(from);
      const items = world.notifications.filter(
        (n) =>
          (withFiltered || !world.inbox.filtered.has(n.id)) &&
          (!from || n.account.id === from) &&
          (types.length === 0 || types.includes(n.type)) &&
          !excluded.includes(n.type),
      );
      // Only Mastodon (4.6) answers supported_types[] with fallbacks.
      const supported = world.flavour.name === "mastodon" ? supportedTypes(q) : undefined;
      return pagedReply(
        deps,
        ctx,
        items,
        (n) => {
          const fallback = fallbackFor(n.type, n.account, supported);
          return fallback ? { ...n, fallback } : n;
        },
        40,
        80,
      );
    }),
    route("GET", "/api/v1/notifications/:id", (ctx) => {
      const denied = requireAuth(ctx);
      if (denied) return denied;
      const found = world.notifications.find((n) => n.id === ctx.params.id);
      return found ? json(200, found) : NOT_FOUND;
    }),
    route("GET", "/api/v1/statuses/:id", (ctx) => {
      const found = world.get(ctx.params.id ?? "");
      return found ? json(200, viewFor(found.status, ctx.auth !== undefined)) : NOT_FOUND;
    }),
    route("GET", "/api/v1/statuses/:id/context", (ctx) => {
      const found = world.get(ctx.params.id ?? "");
      if (!found) return NOT_FOUND;
      const ancestors = [];
      let parentId = found.status.in_reply_to_id;
      while (parentId) {
        const parent = world.get(parentId);
        if (!parent) break;
        ancestors.unshift(viewFor(parent.status, ctx.auth !== undefined));
        parentId = parent.status.in_reply_to_id;
      }
      const descendants = [];
      const inThread = new Set([found.id]);
      for (const s of world.statuses) {
        if (s.status.in_reply_to_id && inThread.has(s.status.in_reply_to_id)) {
          inThread.add(s.id);
          descendants.push(viewFor(s.status, ctx.auth !== undefined));
        }
      }
      return json(200, { ancestors, descendants });
    }),
    route("GET", "/api/v2/filters", (ctx) => requireAuth(ctx) ?? json(200, [])),
  ];
}
