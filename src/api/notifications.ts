// Notifications beyond the v1 list: Mastodon 4.3's grouped notifications (/api/v2/notifications,
// docs: methods/grouped_notifications), the notification policy (/api/v2/notifications/policy)
// and the requests inbox (/api/v1/notifications/requests). All of it exists where the v2
// instance says `api_versions.mastodon` >= 2 (hasGroupedNotifications).
//
// Everything here reads server JSON (camelCased by masto) defensively: a group without a
// string key, an account without an id, a status the page does not carry are left out; the
// program never ends on what a server sends.
import type { mastodon } from "masto";
import type { InstanceInfo } from "./instance-info.js";
import type { PageLinks } from "./link-header.js";
import { NOTIFICATION_TYPES } from "./notification-types.js";
import { type PageParams, pageParams, type RestClient, withStringIds } from "./rest.js";

type Rest = Pick<RestClient, "request" | "requestPage">;
type Json = Record<string, unknown>;

/** Grouped notifications, the policy and the requests inbox came with api_versions.mastodon 2 (4.3). */
export function hasGroupedNotifications(
  instance: Pick<InstanceInfo, "mastodonApiVersion">,
): boolean {
  return instance.mastodonApiVersion >= 2;
}

/**
 * The types the client shows grouped, sent as `grouped_types[]`: the ones Mastodon groups
 * (favourite, follow, reblog and admin.sign_up, Notification::GROUPABLE_NOTIFICATION_TYPES).
 * The streaming API ignores the parameter, so asking for all of them keeps the group keys of
 * live notifications equal to the page's.
 */
export const GROUPED_TYPES = ["favourite", "reblog", "follow", "admin.sign_up"] as const;

/** One NotificationGroup with the accounts and status it names, resolved from the page. */
export interface ServerGroup {
  key: string;
  type: string;
  count: number;
  mostRecentNotificationId: string;
  /** Only when paginating (index pages, not the single-group endpoint). */
  pageMinId?: string;
  pageMaxId?: string;
  latestAt: string;
  /** Who did it most recently, newest first (up to 8, Mastodon's SAMPLE_ACCOUNTS_SIZE). */
  accounts: mastodon.v1.Account[];
  status?: mastodon.v1.Status;
  /** The group's own fields beyond these (report, event, moderation_warning…), kept as sent. */
  extra: Json;
}

export interface GroupedPage {
  groups: ServerGroup[];
  links: PageLinks;
}

const isObject = (v: unknown): v is Json =>
  v !== null && typeof v === "object" && !Array.isArray(v);
/** Ids are strings, but the docs' own example sends most_recent_notification_id as a number. */
const idOf = (v: unknown): string | undefined =>
  typeof v === "string" && v !== ""
    ? v
    : typeof v === "number" && Number.isFinite(v)
      ? String(v)
      : undefined;

/** A partial account (expand_accounts=partial_avatars) has no names: its acct stands in. */
function fromPartial(p: Json): mastodon.v1.Account {
  const acct = typeof p.acct === "string" ? p.acct : "";
  return {
    ...p,
    username: typeof p.username === "string" ? p.username : acct.split("@")[0]!,
    displayName: typeof p.displayName === "string" ? p.displayName : "",
    acct,
  } as unknown as mastodon.v1.Account;
}

/** GroupedNotificationsResults → groups with their accounts and statuses in place. */
export function parseGroupedResults(data: unknown): ServerGroup[] {
  const d = isObject(data) ? data : {};
  const accounts = new Map<string, mastodon.v1.Account>();
  for (const a of withStringIds<mastodon.v1.Account>(d.accounts)) accounts.set(a.id, a);
  for (const p of withStringIds<Json>(d.partialAccounts))
    if (!accounts.has(p.id as string)) accounts.set(p.id as string, fromPartial(p));
  const statuses = new Map<string, mastodon.v1.Status>();
  for (const s of withStringIds<mastodon.v1.Status>(d.statuses)) statuses.set(s.id, s);
  const groups: ServerGroup[] = [];
  const list = Array.isArray(d.notificationGroups) ? d.notificationGroups : [];
  for (const g of list) {
    if (!isObject(g)) continue;
    const key = g.groupKey;
    const type = g.type;
    const mostRecent = idOf(g.mostRecentNotificationId);
    if (typeof key !== "string" || key === "" || typeof type !== "string" || !mostRecent) continue;
    const {
      groupKey: _k,
      type: _t,
      notificationsCount,
      mostRecentNotificationId: _m,
      pageMinId,
      pageMaxId,
      latestPageNotificationAt,
      sampleAccountIds,
      statusId,
      ...extra
    } = g;
    const sampled = (Array.isArray(sampleAccountIds) ? sampleAccountIds : [])
      .map(idOf)
      .flatMap((id) => {
        const a = id === undefined ? undefined : accounts.get(id);
        return a ? [a] : [];
      });
    const statusKey = idOf(statusId);
    const count =
      typeof notificationsCount === "number" && Number.isFinite(notificationsCount)
        ? Math.max(1, Math.floor(notificationsCount))
        : Math.max(1, sampled.length);
    groups.push({
      key,
      type,
      count,
      mostRecentNotificationId: mostRecent,
      ...(idOf(pageMinId) ? { pageMinId: idOf(pageMinId) } : {}),
      ...(idOf(pageMaxId) ? { pageMaxId: idOf(pageMaxId) } : {}),
      latestAt: typeof latestPageNotificationAt === "string" ? latestPageNotificationAt : "",
      accounts: sampled.filter((a, i) => sampled.findIndex((b) => b.id === a.id) === i),
      ...(statusKey && statuses.has(statusKey) ? { status: statuses.get(statusKey)! } : {}),
      extra,
    });
  }
  return groups;
}

/** GET /api/v2/notifications: one page of groups, newest first, and its Link cursors. */
export async function groupedNotificationsPage(
  rest: Rest,
  page: PageParams = {},
): Promise<GroupedPage> {
  const { data, links } = await rest.requestPage<unknown>({
    method: "GET",
    path: "/api/v2/notifications",
    // Full accounts (the default): rows name the two most recent people, and partial
    // accounts carry no display name.
    params: {
      ...pageParams(page),
      groupedTypes: [...GROUPED_TYPES],
      supportedTypes: [...NOTIFICATION_TYPES],
    },
  });
  return { groups: parseGroupedResults(data), links };
}

/** GET /api/v2/notifications/:group_key/accounts: everyone in a group, newest first. */
export async function groupAccountsPage(
  rest: Rest,
  groupKey: string,
  page: PageParams = {},
): Promise<{ accounts: mastodon.v1.Account[]; links: PageLinks }> {
  const { data, links } = await rest.requestPage<unknown>({
    method: "GET",
    path: `/api/v2/notifications/${encodeURIComponent(groupKey)}/accounts`,
    params: pageParams(page),
  });
  return { accounts: withStringIds<mastodon.v1.Account>(data), links };
}

/** POST /api/v2/notifications/:group_key/dismiss: every notification of the group is gone. */
export async function dismissGroup(rest: Rest, groupKey: string): Promise<void> {
  await rest.request({
    method: "POST",
    path: `/api/v2/notifications/${encodeURIComponent(groupKey)}/dismiss`,
  });
}

/** POST /api/v1/notifications/:id/dismiss (a server without groups dismisses one at a time). */
export async function dismissNotification(rest: Rest, id: string): Promise<void> {
  await rest.request({
    method: "POST",
    path: `/api/v1/notifications/${encodeURIComponent(id)}/dismiss`,
  });
}

/** GET /api/v2/notifications/unread_count: groups newer than the notifications marker (capped). */
export async function unreadGroupCount(rest: Rest): Promise<number> {
  const data = await rest.request<unknown>({
    method: "GET",
    path: "/api/v2/notifications/unread_count",
    params: { groupedTypes: [...GROUPED_TYPES] },
  });
  const count = isObject(data) ? data.count : undefined;
  return typeof count === "number" && Number.isFinite(count) && count >= 0 ? Math.floor(count) : 0;
}

// The notification policy (entities/NotificationPolicy).

export const POLICY_KEYS = [
  "forNotFollowing",
  "forNotFollowers",
  "forNewAccounts",
  "forPrivateMentions",
  "forLimitedAccounts",
] as const;
export type PolicyKey = (typeof POLICY_KEYS)[number];
export const POLICY_VALUES = ["accept", "filter", "drop"] as const;
export type PolicyValue = (typeof POLICY_VALUES)[number];

export interface NotificationPolicy {
  values: Record<PolicyKey, PolicyValue | undefined>;
  pendingRequestsCount: number;
  pendingNotificationsCount: number;
}

const count = (v: unknown) =>
  typeof v === "number" && Number.isFinite(v) && v >= 0 ? Math.floor(v) : 0;

export function parsePolicy(data: unknown): NotificationPolicy {
  const d = isObject(data) ? data : {};
  const values = {} as Record<PolicyKey, PolicyValue | undefined>;
  for (const key of POLICY_KEYS) {
    const v = d[key];
    values[key] = (POLICY_VALUES as readonly unknown[]).includes(v)
      ? (v as PolicyValue)
      : undefined;
  }
  const summary = isObject(d.summary) ? d.summary : {};
  return {
    values,
    pendingRequestsCount: count(summary.pendingRequestsCount),
    pendingNotificationsCount: count(summary.pendingNotificationsCount),
  };
}

export async function fetchPolicy(rest: Rest): Promise<NotificationPolicy> {
  return parsePolicy(
    await rest.request<unknown>({ method: "GET", path: "/api/v2/notifications/policy" }),
  );
}

/** PATCH /api/v2/notifications/policy with the fields to change; the answer is the whole policy. */
export async function updatePolicy(
  rest: Rest,
  change: Partial<Record<PolicyKey, PolicyValue>>,
): Promise<NotificationPolicy> {
  return parsePolicy(
    await rest.request<unknown>({
      method: "PATCH",
      path: "/api/v2/notifications/policy",
      params: { ...change },
    }),
  );
}

/** The next value a key cycles to: accept → filter → drop → accept. */
export function nextPolicyValue(v: PolicyValue | undefined): PolicyValue {
  const i = v === undefined ? -1 : POLICY_VALUES.indexOf(v);
  return POLICY_VALUES[(i + 1) % POLICY_VALUES.length]!;
}

// The requests inbox (entities/NotificationRequest).

export interface NotificationRequest {
  id: string;
  account: mastodon.v1.Account;
  /** Sent as a string (the serializer's to_s). */
  notificationsCount: number;
  lastStatus?: mastodon.v1.Status;
  updatedAt: string;
}

function parseRequest(r: Json): NotificationRequest | undefined {
  const account = r.account;
  if (!isObject(account) || typeof account.id !== "string") return undefined;
  const n = Number(r.notificationsCount);
  const last = r.lastStatus;
  return {
    id: r.id as string,
    account: account as unknown as mastodon.v1.Account,
    notificationsCount: Number.isFinite(n) && n >= 0 ? Math.floor(n) : 0,
    ...(isObject(last) && typeof last.id === "string"
      ? { lastStatus: last as unknown as mastodon.v1.Status }
      : {}),
    updatedAt: typeof r.updatedAt === "string" ? r.updatedAt : "",
  };
}

export async function requestsPage(
  rest: Rest,
  page: PageParams = {},
): Promise<{ requests: NotificationRequest[]; links: PageLinks }> {
  const { data, links } = await rest.requestPage<unknown>({
    method: "GET",
    path: "/api/v1/notifications/requests",
    params: pageParams(page),
  });
  return {
    requests: withStringIds<Json>(data).flatMap((r) => {
      const parsed = parseRequest(r);
      return parsed ? [parsed] : [];
    }),
    links,
  };
}

export async function fetchRequest(
  rest: Rest,
  id: string,
): Promise<NotificationRequest | undefined> {
  const data = await rest.request<unknown>({
    method: "GET",
    path: `/api/v1/notifications/requests/${encodeURIComponent(id)}`,
  });
  return isObject(data) && typeof data.id === "string" ? parseRequest(data) : undefined;
}

/** Accept: the filtered notifications are merged back (a `notifications_merged` event follows). */
export async function answerRequest(
  rest: Rest,
  id: string,
  verb: "accept" | "dismiss",
): Promise<void> {
  await rest.request({
    method: "POST",
    path: `/api/v1/notifications/requests/${encodeURIComponent(id)}/${verb}`,
  });
}

/** A request's notifications: the v1 list from one account, which includes filtered ones. */
export async function notificationsFrom(
  rest: Rest,
  accountId: string,
  page: PageParams = {},
): Promise<{ notifications: mastodon.v1.Notification[]; links: PageLinks }> {
  const { data, links } = await rest.requestPage<unknown>({
    method: "GET",
    path: "/api/v1/notifications",
    params: { ...pageParams(page), accountId },
  });
  return { notifications: withStringIds<mastodon.v1.Notification>(data), links };
}
