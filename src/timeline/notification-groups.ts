// Notifications grouped as Mastodon 4.3 groups them: favourites and boosts of one post,
// follows, and sign-ups, each group reaching back at most 12 hours
// (app/models/concerns/notification/groups.rb: GROUPABLE_NOTIFICATION_TYPES,
// MAXIMUM_GROUP_SPAN_HOURS, set_group_key!). A server that sends `group_key` (Mastodon 4.3+,
// v1 too) is taken at its word; for one that does not, the same rule runs here, so every server
// reads the same way. Pure: the pane groups what the store holds on every change.
import type { mastodon } from "masto";
import type { Notification } from "./notifications.js";

export const GROUPABLE_TYPES: ReadonlySet<string> = new Set([
  "favourite",
  "reblog",
  "follow",
  "admin.sign_up",
]);
const MAXIMUM_GROUP_SPAN_HOURS = 12;
const HOUR_MS = 3_600_000;

export interface NotificationGroup {
  key: string;
  type: string;
  /** The newest notification of the group: its time, its status. */
  latest: Notification;
  /** Newest first. */
  notifications: Notification[];
  /** Who did it, newest first, each once (a server group: its most recent ones, up to 8). */
  accounts: mastodon.v1.Account[];
  /** How many notifications the group holds (a server group counts more than it samples). */
  count: number;
  /** Everyone in the group, once fetched (`s` on a server group asks for them). */
  allAccounts?: mastodon.v1.Account[];
}

const typeOf = (n: Notification) => String((n as { type?: unknown }).type ?? "");
const statusIdOf = (n: Notification) => {
  const id = (n as { status?: { id?: unknown } | null }).status?.id;
  return typeof id === "string" ? id : undefined;
};

/** What Mastodon's set_group_key! groups by, or undefined for a notification of its own. */
function prefixOf(n: Notification): string | undefined {
  const type = typeOf(n);
  if (!GROUPABLE_TYPES.has(type)) return undefined;
  if (type === "favourite" || type === "reblog") {
    const status = statusIdOf(n);
    return status ? `${type}-${status}` : undefined;
  }
  return type;
}

/** `list` newest first (as the store holds it); groups newest first, by their newest member. */
export function groupNotifications(list: readonly Notification[]): NotificationGroup[] {
  const keys = new Map<Notification, string>();
  // Oldest first, as the server assigns them: a group's bucket is the hour it began in, and a
  // notification more than 12 hours after that begins a new one.
  const openBucket = new Map<string, number>();
  for (let i = list.length - 1; i >= 0; i--) {
    const n = list[i]!;
    const given = (n as { groupKey?: unknown }).groupKey;
    if (typeof given === "string" && given !== "" && !given.startsWith("ungrouped-")) {
      keys.set(n, given);
      continue;
    }
    const prefix = prefixOf(n);
    const at = Date.parse(String(n.createdAt ?? ""));
    if (!prefix || !Number.isFinite(at)) {
      keys.set(n, `ungrouped-${n.id}`);
      continue;
    }
    const hour = Math.floor(at / HOUR_MS);
    const open = openBucket.get(prefix);
    const bucket = open !== undefined && hour - open < MAXIMUM_GROUP_SPAN_HOURS ? open : hour;
    openBucket.set(prefix, bucket);
    keys.set(n, `${prefix}-${bucket}`);
  }
  const groups = new Map<string, NotificationGroup>();
  for (const n of list) {
    const key = keys.get(n)!;
    let group = groups.get(key);
    if (!group) {
      group = { key, type: typeOf(n), latest: n, notifications: [], accounts: [], count: 0 };
      groups.set(key, group);
    }
    group.notifications.push(n);
    group.count++;
    const account = (n as { account?: mastodon.v1.Account | null }).account;
    if (
      account &&
      typeof account.id === "string" &&
      !group.accounts.some((a) => a.id === account.id)
    )
      group.accounts.push(account);
  }
  return [...groups.values()];
}

/**
 * How many groups hold a notification newer than the notifications marker's `lastReadId`, as
 * Mastodon's /api/v2/notifications/unread_count counts them, for servers without it: "newer"
 * is above the marker's notification in the list held (newest first; ids are not ordered).
 * Undefined when there is no marker or its notification is not among those held: the count
 * is then not known, and is not guessed.
 */
export function unreadGroupsAbove(
  newestFirst: readonly Notification[],
  groups: readonly NotificationGroup[],
  lastReadId: string | undefined,
): number | undefined {
  if (!lastReadId) return undefined;
  const at = newestFirst.findIndex((n) => n.id === lastReadId);
  if (at < 0) return undefined;
  const newer = new Set(newestFirst.slice(0, at).map((n) => n.id));
  return groups.filter((g) => g.notifications.some((n) => newer.has(n.id))).length;
}
