// The notification groups a server with grouped notifications (Mastodon 4.3+, /api/v2) sends,
// held newest first. A group's numbers (notifications_count, sample_account_ids) are the
// server's for everything up to the end of the page it came on (NotificationGroup.
// from_notifications counts `id <= pagination_range.end`), so:
// - a group on a newer page (the first page, a catch-up, a refetch) replaces the one held;
// - a group on an older page that is already held adds nothing (the held one counted it);
// - a live `notification` joins the group its `group_key` names: one more, its account first.
import type { mastodon } from "masto";
import type { ServerGroup } from "../api/notifications.js";
import { compactStatus } from "./compact-status.js";
import type { NotificationGroup } from "./notification-groups.js";
import type { Notification } from "./notifications.js";
import { createdAtMs } from "./order.js";
import { shareAccountsOf } from "./shared-accounts.js";
import { changedStatus, type StatusChange } from "./status-change.js";

/** A notification's status is held like a timeline's: compact, its accounts shared. */
function holdCompact(status: mastodon.v1.Status): void {
  compactStatus(status);
  shareAccountsOf(status);
}

/** Mastodon's NotificationGroup::SAMPLE_ACCOUNTS_SIZE. */
const SAMPLE_ACCOUNTS = 8;
/**
 * Notification ids remembered as counted, the most recent. A page brings back only
 * notifications near what is held, so ids far older than the groups held are never asked
 * about again; without a bound a client open for weeks kept one for every notification.
 */
const SEEN_PER_GROUP = 4;

function fromServer(g: ServerGroup): NotificationGroup {
  const latest = {
    ...g.extra,
    id: g.mostRecentNotificationId,
    type: g.type,
    createdAt: g.latestAt,
    groupKey: g.key,
    account: g.accounts[0] ?? null,
    status: g.status ?? null,
  } as unknown as Notification;
  return {
    key: g.key,
    type: g.type,
    latest,
    notifications: [latest],
    accounts: g.accounts,
    count: g.count,
  };
}

export class GroupStore {
  private list: NotificationGroup[] = [];
  /** Notification ids already counted: a live one that a page brought too is not counted twice. */
  private readonly seen = new Set<string>();
  version = 0;

  constructor(private readonly maxSize = 500) {}

  private counted(id: string): void {
    this.seen.delete(id);
    this.seen.add(id);
    const max = this.maxSize * SEEN_PER_GROUP;
    while (this.seen.size > max) {
      const oldest = this.seen.values().next().value;
      if (oldest === undefined) break;
      this.seen.delete(oldest);
    }
  }

  /** How many notification ids are remembered as counted: for tests of the bound. */
  get seenSize(): number {
    return this.seen.size;
  }

  get groups(): readonly NotificationGroup[] {
    return this.list;
  }

  /** The newest notification id held: where a catch-up (min_id) starts. */
  newestId(): string | undefined {
    return this.list[0]?.latest.id;
  }

  /** Latest notification of each group, newest first. */
  latestNotifications(): Notification[] {
    return this.list.map((g) => g.latest);
  }

  /** Returns how many groups were new. */
  addPage(groups: readonly ServerGroup[], direction: "newer" | "older"): number {
    const byKey = new Map(this.list.map((g, i) => [g.key, i] as const));
    const fresh: NotificationGroup[] = [];
    const freshKeys = new Set<string>();
    for (const g of groups) {
      this.counted(g.mostRecentNotificationId);
      if (g.status) holdCompact(g.status);
      const at = byKey.get(g.key);
      if (at !== undefined) {
        if (direction === "newer") this.list[at] = fromServer(g);
      } else if (!freshKeys.has(g.key)) {
        freshKeys.add(g.key);
        fresh.push(fromServer(g));
      }
    }
    // The sort below is stable and many notifications share an instant: a newer page goes
    // above what is held and an older one below, each in the server's order.
    this.list = direction === "newer" ? [...fresh, ...this.list] : [...this.list, ...fresh];
    this.settle();
    return fresh.length;
  }

  /** A live notification: joins its group (or begins one). False if it was already counted. */
  addLive(n: Notification): boolean {
    if (this.seen.has(n.id)) return false;
    this.counted(n.id);
    const status = (n as { status?: mastodon.v1.Status | null }).status;
    if (status && typeof status === "object") holdCompact(status);
    const given = (n as { groupKey?: unknown }).groupKey;
    const key = typeof given === "string" && given !== "" ? given : `ungrouped-${n.id}`;
    const account = (n as { account?: mastodon.v1.Account | null }).account;
    const held = this.list.find((g) => g.key === key);
    if (!held) {
      // On top among notifications of the same instant: it is the newest arrival.
      this.list.unshift({
        key,
        type: String((n as { type?: unknown }).type ?? ""),
        latest: n,
        notifications: [n],
        accounts: account ? [account] : [],
        count: 1,
      });
    } else {
      const others = held.accounts.filter((a) => a.id !== account?.id);
      Object.assign(held, {
        latest: n,
        notifications: [n, ...held.notifications].slice(0, SAMPLE_ACCOUNTS),
        accounts: (account ? [account, ...others] : others).slice(0, SAMPLE_ACCOUNTS),
        count: held.count + 1,
        allAccounts: undefined,
      });
    }
    this.settle();
    return true;
  }

  get(key: string): NotificationGroup | undefined {
    return this.list.find((g) => g.key === key);
  }

  remove(key: string): boolean {
    const before = this.list.length;
    this.list = this.list.filter((g) => g.key !== key);
    if (this.list.length === before) return false;
    this.version++;
    return true;
  }

  setAllAccounts(key: string, accounts: mastodon.v1.Account[]): void {
    const g = this.get(key);
    if (!g) return;
    g.allAccounts = accounts;
    this.version++;
  }

  /** A change from the session's status bus: the status a group is about, edited or deleted. */
  applyChange(change: StatusChange): boolean {
    let touched = false;
    const kept: NotificationGroup[] = [];
    for (const g of this.list) {
      if (change.kind === "account-hidden") {
        // A blocked or muted account leaves the groups it is in; a group of only it goes.
        const others = g.accounts.filter((a) => a?.id !== change.accountId);
        if (others.length !== g.accounts.length) {
          touched = true;
          if (others.length === 0) continue;
          const latest =
            g.latest.account?.id === change.accountId
              ? ({ ...g.latest, account: others[0] } as Notification)
              : g.latest;
          kept.push({
            ...g,
            latest,
            accounts: others,
            count: Math.max(others.length, g.count - 1),
          });
          continue;
        }
      }
      const status = (g.latest as { status?: mastodon.v1.Status | null }).status;
      const next = status && typeof status === "object" ? changedStatus(status, change) : status;
      if (next === status) kept.push(g);
      else if (next === null) touched = true;
      else {
        const latest = { ...g.latest, status: next } as Notification;
        kept.push({ ...g, latest, notifications: [latest, ...g.notifications.slice(1)] });
        touched = true;
      }
    }
    if (touched) {
      this.list = kept;
      this.version++;
    }
    return touched;
  }

  private settle(): void {
    // Newest first by the group's latest notification; stable, so a page keeps its order.
    this.list.sort((a, b) => createdAtMs(b.latest) - createdAtMs(a.latest));
    this.list.splice(this.maxSize);
    this.version++;
  }
}
