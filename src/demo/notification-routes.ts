// Notifications beyond the v1 list, answering as Mastodon 4.3 does:
// - /api/v2/notifications (app/controllers/api/v2/notifications_controller.rb): pages of
//   groups, at most one notification per group key per page (Notification.paginate_groups),
//   each group counted up to the page's newest notification (NotificationGroup.
//   from_notifications, load_groups_data), accounts and statuses once at the top level
//   (GroupedNotificationsPresenter, REST::DedupNotificationGroupSerializer), partial accounts
//   for expand_accounts=partial_avatars, the Link header from the page's notifications;
//   /:group_key, /:group_key/accounts, /:group_key/dismiss, /unread_count, /clear.
// - /api/v2/notifications/policy (policies_controller.rb) and /api/v1/notifications/requests
//   (requests_controller.rb), over notification-inbox.ts.
// - POST /api/v1/notifications/:id/dismiss.
// Registered before the read routes: /api/v1/notifications/requests must not be taken for
// /api/v1/notifications/:id.
import {
  json,
  NOT_FOUND,
  type Reply,
  type RequestContext,
  type Route,
  requireAnyWrite,
  requireAuth,
  route,
} from "./http-kit.js";
import { compareIds } from "./ids.js";
import { fallbackFor, supportedTypes } from "./notification-fallback.js";
import {
  type DemoRequest,
  POLICY_FIELDS,
  POLICY_VALUES,
  type PolicyValue,
} from "./notification-inbox.js";
import { parseLimit } from "./paging.js";
import { viewFor } from "./present.js";
import type { ApiAccount, ApiNotification, ApiStatus } from "./types.js";
import type { DemoWorld } from "./world.js";

export interface NotificationRouteDeps {
  world: DemoWorld;
  baseUrl: () => string;
}

/** Notification::GROUPABLE_NOTIFICATION_TYPES (4.4 added admin.sign_up). */
const GROUPABLE = ["favourite", "reblog", "follow", "admin.sign_up"];
/** NotificationGroup::SAMPLE_ACCOUNTS_SIZE. */
const SAMPLE_ACCOUNTS = 8;
/** REST::NotificationGroupSerializer#status_type?. */
const STATUS_TYPES = new Set([
  "favourite",
  "reblog",
  "status",
  "mention",
  "poll",
  "update",
  "quote",
  "quoted_update",
]);
/** What pagination_params carries into the Link header's URLs. */
const KEPT = [
  "limit",
  "include_filtered",
  "types[]",
  "exclude_types[]",
  "grouped_types[]",
  "supported_types[]",
];

const keyOf = (n: ApiNotification) => n.group_key ?? `ungrouped-${n.id}`;
const truthy = (v: string | null) => v === "true" || v === "1";
const after = (id: string, cursor: string) => compareIds(id, cursor) > 0;
const before = (id: string, cursor: string) => compareIds(id, cursor) < 0;

/** Notification.browserable: types, exclude_types, account_id, and filtered ones only on request. */
function browserable(world: DemoWorld, q: URLSearchParams): ApiNotification[] {
  const types = q.getAll("types[]");
  const excluded = q.getAll("exclude_types[]");
  const from = q.get("account_id");
  const withFiltered = truthy(q.get("include_filtered")) || Boolean(from);
  return world.notifications.filter(
    (n) =>
      (withFiltered || !world.inbox.filtered.has(n.id)) &&
      (!from || n.account.id === from) &&
      (types.length === 0 || types.includes(n.type)) &&
      !excluded.includes(n.type),
  );
}

interface IdWindow {
  maxId: string | null;
  sinceId: string | null;
  minId: string | null;
}

/** max_id, since_id and min_id of a query (paginate_by_max_id reads no min_id: `withMin`). */
function idWindow(q: URLSearchParams, withMin = true): IdWindow {
  return {
    maxId: q.get("max_id"),
    sinceId: q.get("since_id"),
    minId: withMin ? q.get("min_id") : null,
  };
}

/** Whether an id is inside the window: below max_id, above min_id (or since_id). */
function inWindow(id: string, { maxId, sinceId, minId }: IdWindow): boolean {
  return (
    (!maxId || before(id, maxId)) && (minId ? after(id, minId) : !sinceId || after(id, sinceId))
  );
}

/**
 * Notification.paginate_groups_by_max_id / _by_min_id: the page's notifications newest first,
 * the first met of each group key (walking down from max_id, or up from min_id).
 */
function paginateGroups(
  ascending: readonly ApiNotification[],
  limit: number,
  cursors: IdWindow,
): ApiNotification[] {
  const { minId } = cursors;
  const inRange = (n: ApiNotification) => inWindow(n.id, cursors);
  const walk = minId ? ascending : [...ascending].reverse();
  const seen = new Set<string>();
  const page: ApiNotification[] = [];
  for (const n of walk) {
    if (page.length >= limit) break;
    if (!inRange(n) || seen.has(keyOf(n))) continue;
    seen.add(keyOf(n));
    page.push(n);
  }
  return minId ? page.reverse() : page;
}

interface Group {
  n: ApiNotification;
  key: string;
  type: string;
  samples: ApiAccount[];
  count: number;
  mostRecent: ApiNotification;
  page?: { minId: string; latestAt: string };
}

/** NotificationGroup.from_notifications over a page (newest first) and its range. */
function groupsOf(
  world: DemoWorld,
  page: readonly ApiNotification[],
  range: { begin?: string; end?: string } | undefined,
  groupedTypes: readonly string[],
): Group[] {
  const grouped = groupedTypes.length > 0 ? groupedTypes : GROUPABLE;
  return page.map((n) => {
    const key = n.group_key;
    if (key && !key.startsWith("ungrouped-") && grouped.includes(n.type)) {
      // Counted over every notification of the group up to the range's end, filtered or not
      // (load_groups_data's queries know only the account and the group key).
      const upTo = world
        .groupMembers(key)
        .filter((m) => !range?.end || compareIds(m.id, range.end) <= 0);
      const newestFirst = [...upTo].reverse();
      const mostRecent = newestFirst[0] ?? n;
      const oldestInRange = upTo.find((m) => !range?.begin || compareIds(m.id, range.begin) >= 0);
      return {
        n,
        key,
        type: n.type,
        samples: newestFirst.slice(0, SAMPLE_ACCOUNTS).map((m) => m.account),
        count: upTo.length,
        mostRecent,
        ...(range
          ? { page: { minId: (oldestInRange ?? n).id, latestAt: mostRecent.created_at } }
          : {}),
      };
    }
    return {
      n,
      key: `ungrouped-${n.id}`,
      type: n.type,
      samples: [n.account],
      count: 1,
      mostRecent: n,
      ...(range ? { page: { minId: n.id, latestAt: n.created_at } } : {}),
    };
  });
}

function partialAccount(a: ApiAccount) {
  return {
    id: a.id,
    acct: a.acct,
    locked: a.locked,
    bot: a.bot,
    url: a.url,
    avatar: a.avatar,
    avatar_static: a.avatar_static,
  };
}

/** GroupedNotificationsResults (REST::DedupNotificationGroupSerializer). */
function results(groups: readonly Group[], partial: boolean, supported?: readonly string[]) {
  const accounts = new Map<string, ApiAccount>();
  for (const g of groups) {
    const wanted = partial ? g.samples.slice(0, 1) : g.samples;
    for (const a of wanted) if (!accounts.has(a.id)) accounts.set(a.id, a);
  }
  const partials = new Map<string, ApiAccount>();
  if (partial)
    for (const g of groups)
      for (const a of g.samples.slice(1))
        if (!accounts.has(a.id) && !partials.has(a.id)) partials.set(a.id, a);
  const statuses = new Map<string, ApiStatus>();
  for (const g of groups) {
    const s = g.n.status;
    if (s && STATUS_TYPES.has(g.type) && !statuses.has(s.id)) statuses.set(s.id, s);
  }
  return {
    accounts: [...accounts.values()],
    ...(partial ? { partial_accounts: [...partials.values()].map(partialAccount) } : {}),
    statuses: [...statuses.values()].map((s) => viewFor(s, true)),
    notification_groups: groups.map((g) => ({
      group_key: g.key,
      notifications_count: g.count,
      type: g.type,
      most_recent_notification_id: g.mostRecent.id,
      ...(g.page
        ? {
            page_min_id: g.page.minId,
            page_max_id: g.mostRecent.id,
            latest_page_notification_at: g.page.latestAt,
          }
        : {}),
      sample_account_ids: g.samples.map((a) => a.id),
      ...(STATUS_TYPES.has(g.type) && g.n.status ? { status_id: g.n.status.id } : {}),
      ...withFallback(g.type, g.samples[0] ?? g.n.account, supported),
    })),
  };
}

function withFallback(type: string, account: ApiAccount, supported?: readonly string[]) {
  const fallback = fallbackFor(type, account, supported);
  return fallback ? { fallback } : {};
}

/** next = older (max_id = the page's oldest item), prev = newer (min_id = its newest). */
function link(
  deps: NotificationRouteDeps,
  ctx: RequestContext,
  newest: string | undefined,
  oldest: string | undefined,
  withNext: boolean,
): Record<string, string> | undefined {
  if (newest === undefined || oldest === undefined) return undefined;
  const keep = new URLSearchParams();
  for (const [k, v] of ctx.url.searchParams) if (KEPT.includes(k)) keep.append(k, v);
  const url = (key: string, id: string) => {
    const q = new URLSearchParams(keep);
    q.set(key, id);
    return `<${deps.baseUrl()}${ctx.url.pathname}?${q.toString()}>`;
  };
  const links = [
    ...(withNext ? [`${url("max_id", oldest)}; rel="next"`] : []),
    `${url("min_id", newest)}; rel="prev"`,
  ];
  return { Link: links.join(", ") };
}

function expandAccounts(q: URLSearchParams): "full" | "partial_avatars" | undefined {
  const v = q.get("expand_accounts");
  if (v === null || v === "full") return "full";
  return v === "partial_avatars" ? v : undefined;
}

function policyJson(world: DemoWorld) {
  return { ...world.inbox.policy, summary: world.inbox.summary() };
}

function requestJson(world: DemoWorld, r: DemoRequest) {
  const last = world.get(r.lastStatusId)?.status;
  return {
    id: r.id,
    created_at: r.createdAt,
    updated_at: r.updatedAt,
    // REST::NotificationRequestSerializer#notifications_count: to_s.
    notifications_count: String(world.inbox.countOf(r)),
    account: r.account,
    last_status: last ? viewFor(last, true) : null,
  };
}

function idsOf(body: Record<string, unknown>): string[] {
  const raw = body.id ?? body["id[]"];
  return (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).map(String);
}

export function notificationRoutes(deps: NotificationRouteDeps): Route[] {
  const { world } = deps;
  const read = (handler: (ctx: RequestContext) => Reply) => (ctx: RequestContext) =>
    requireAuth(ctx) ?? handler(ctx);
  const write = (handler: (ctx: RequestContext) => Reply) => (ctx: RequestContext) =>
    requireAnyWrite(ctx) ?? handler(ctx);
  const requestOf = (ctx: RequestContext) => world.inbox.find(ctx.params.id ?? "");

  return [
    route(
      "GET",
      "/api/v2/notifications",
      read((ctx) => {
        const q = ctx.url.searchParams;
        const expand = expandAccounts(q);
        if (!expand)
          return json(400, {
            error: `Invalid value for 'expand_accounts': '${q.get("expand_accounts")}', allowed values are 'full' and 'partial_avatars'`,
          });
        const limit = parseLimit(q.get("limit"), 40, 80);
        const cursors = idWindow(q);
        const page = paginateGroups(browserable(world, q), limit, cursors);
        let range: { begin?: string; end?: string } | undefined;
        if (page.length > 0) {
          range = { begin: page[page.length - 1]!.id, end: page[0]!.id };
          // An incomplete page is the last one: its range reaches to the cursor it began at.
          if (page.length < limit) {
            if (cursors.minId) range = { begin: range.begin, end: cursors.maxId ?? undefined };
            else range = { begin: cursors.sinceId ?? undefined, end: range.end };
          }
        }
        const groups = groupsOf(world, page, range, q.getAll("grouped_types[]"));
        return json(
          200,
          results(groups, expand === "partial_avatars", supportedTypes(q)),
          link(deps, ctx, page[0]?.id, page[page.length - 1]?.id, true),
        );
      }),
    ),
    route(
      "GET",
      "/api/v2/notifications/unread_count",
      read((ctx) => {
        const q = ctx.url.searchParams;
        const limit = parseLimit(q.get("limit"), 100, 1000);
        const minId = world.markers.get("notifications")?.last_read_id ?? null;
        const page = paginateGroups(browserable(world, q), limit, {
          maxId: null,
          sinceId: null,
          minId,
        });
        return json(200, { count: page.length });
      }),
    ),
    route(
      "GET",
      "/api/v2/notifications/policy",
      read(() => json(200, policyJson(world))),
    ),
    route(
      "PATCH",
      "/api/v2/notifications/policy",
      write((ctx) => {
        const change: Partial<Record<(typeof POLICY_FIELDS)[number], PolicyValue>> = {};
        for (const field of POLICY_FIELDS) {
          const v = ctx.body[field];
          if (v === undefined) continue;
          if (!POLICY_VALUES.includes(v as PolicyValue))
            return json(422, { error: `'${String(v)}' is not a valid ${field}` });
          change[field] = v as PolicyValue;
        }
        Object.assign(world.inbox.policy, change);
        return json(200, policyJson(world));
      }),
    ),
    route(
      "POST",
      "/api/v2/notifications/clear",
      write(() => {
        world.dismissNotifications(() => true);
        return json(200, {});
      }),
    ),
    route(
      "GET",
      "/api/v2/notifications/:group_key",
      read((ctx) => {
        const key = ctx.params.group_key ?? "";
        const newest = world.groupMembers(key).at(-1);
        if (!newest) return NOT_FOUND;
        return json(200, results(groupsOf(world, [newest], undefined, []), false));
      }),
    ),
    route(
      "GET",
      "/api/v2/notifications/:group_key/accounts",
      read((ctx) => {
        const q = ctx.url.searchParams;
        const limit = parseLimit(q.get("limit"), 40, 80);
        const window = idWindow(q, false);
        const members = world
          .groupMembers(ctx.params.group_key ?? "")
          .filter((n) => inWindow(n.id, window))
          .reverse()
          .slice(0, limit);
        return json(
          200,
          members.map((n) => n.account),
          link(deps, ctx, members[0]?.id, members.at(-1)?.id, members.length === limit),
        );
      }),
    ),
    route(
      "POST",
      "/api/v2/notifications/:group_key/dismiss",
      write((ctx) => {
        const key = ctx.params.group_key ?? "";
        world.dismissNotifications((n) => keyOf(n) === key);
        return json(200, {});
      }),
    ),
    route(
      "POST",
      "/api/v1/notifications/:id/dismiss",
      write((ctx) => {
        const id = ctx.params.id ?? "";
        if (!world.notifications.some((n) => n.id === id)) return NOT_FOUND;
        world.dismissNotifications((n) => n.id === id);
        return json(200, {});
      }),
    ),
    route(
      "GET",
      "/api/v1/notifications/requests",
      read((ctx) => {
        const q = ctx.url.searchParams;
        const limit = parseLimit(q.get("limit"), 40, 80);
        const window = idWindow(q);
        const all = world.inbox.requests.filter((r) => inWindow(r.id, window));
        const page = window.minId ? all.slice(0, limit).reverse() : all.reverse().slice(0, limit);
        return json(
          200,
          page.map((r) => requestJson(world, r)),
          link(deps, ctx, page[0]?.id, page.at(-1)?.id, true),
        );
      }),
    ),
    // Whether accepted requests have finished merging: here they merge at once.
    route(
      "GET",
      "/api/v1/notifications/requests/merged",
      read(() => json(200, { merged: true })),
    ),
    route(
      "GET",
      "/api/v1/notifications/requests/:id",
      read((ctx) => {
        const r = requestOf(ctx);
        return r ? json(200, requestJson(world, r)) : NOT_FOUND;
      }),
    ),
    ...(["accept", "dismiss"] as const).flatMap((verb) => [
      route(
        "POST",
        `/api/v1/notifications/requests/${verb}`,
        write((ctx) => {
          const found = idsOf(ctx.body).flatMap((id) => world.inbox.find(id) ?? []);
          for (const r of found) world.inbox[verb](r);
          if (verb === "accept" && found.length > 0)
            world.announce({ type: "notifications_merged" });
          return json(200, {});
        }),
      ),
      route(
        "POST",
        `/api/v1/notifications/requests/:id/${verb}`,
        write((ctx) => {
          const r = requestOf(ctx);
          if (!r) return NOT_FOUND;
          world.inbox[verb](r);
          if (verb === "accept") world.announce({ type: "notifications_merged" });
          return json(200, {});
        }),
      ),
    ]),
  ];
}
