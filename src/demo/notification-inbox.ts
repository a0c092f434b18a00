// Filtered notifications as Mastodon 4.3 keeps them: the user's notification policy, the
// notifications it filtered, and the notification requests it made of them.
// - NotifyService::DropCondition / FilterCondition (app/services/notify_service.rb): only
//   filterable types (Notification::PROPERTIES: mention, reblog, follow, follow_request,
//   favourite); never for a sender the user accepted (NotificationPermission); "not following"
//   = the user does not follow the sender, "not follower" = the sender does not follow the
//   user or began less than 3 days ago (NEW_FOLLOWER_THRESHOLD), "new account" = created in
//   the last 30 days and not followed, "private mention" = a direct mention, not followed, that
//   is no reply to a private mention of the sender by the user, "limited" = silenced and not
//   followed (no demo account is silenced).
// - A filtered notification is kept (filtered: true) but not streamed; a filtered mention
//   creates or updates the request from its sender (update_notification_request!).
// - Accepting a request (AcceptNotificationRequestService, UnfilterNotificationsWorker):
//   the sender is accepted from then on, their notifications are unfiltered, the request goes,
//   and `notifications_merged` is streamed. Dismissing one (DismissNotificationRequestService):
//   the request goes and the filtered notifications from that sender are deleted.
import { SequentialIds } from "./ids.js";
import type { ApiAccount, ApiNotification, ApiStatus } from "./types.js";

export const POLICY_FIELDS = [
  "for_not_following",
  "for_not_followers",
  "for_new_accounts",
  "for_private_mentions",
  "for_limited_accounts",
] as const;
export type PolicyField = (typeof POLICY_FIELDS)[number];
export type PolicyValue = "accept" | "filter" | "drop";
export const POLICY_VALUES: readonly PolicyValue[] = ["accept", "filter", "drop"];

const FILTERABLE = new Set(["mention", "reblog", "follow", "follow_request", "favourite"]);
const NEW_ACCOUNT_MS = 30 * 86_400_000;
const NEW_FOLLOWER_MS = 3 * 86_400_000;
/** NotificationPolicy::MAX_MEANINGFUL_COUNT and the thread walk's depth limit. */
const MAX_MEANINGFUL_COUNT = 100;
const THREAD_DEPTH = 100;

export interface DemoRequest {
  id: string;
  account: ApiAccount;
  lastStatusId: string;
  createdAt: string;
  updatedAt: string;
}

export interface InboxWorld {
  /** Ascending by id. */
  readonly notifications: ApiNotification[];
  status(id: string): ApiStatus | undefined;
  /** Whether the demo user follows the account now. */
  following(accountId: string): boolean;
  readonly meId: string;
}

export class NotificationInbox {
  /**
   * The demo user's stored policy accepts everything, so seeded and test notifications all
   * reach the pane; a new Mastodon account starts with private mentions and limited accounts
   * filtered (NotificationPolicy's column defaults).
   */
  readonly policy: Record<PolicyField, PolicyValue> = {
    for_not_following: "accept",
    for_not_followers: "accept",
    for_new_accounts: "accept",
    for_private_mentions: "accept",
    for_limited_accounts: "accept",
  };
  /** Ids of filtered notifications. */
  readonly filtered = new Set<string>();
  /** Senders accepted by the user (NotificationPermission). */
  private readonly permitted = new Set<string>();
  /** Who follows the demo user, and since when. */
  private readonly followers = new Map<string, number>();
  /** Ascending by id. */
  readonly requests: DemoRequest[] = [];
  private readonly requestIds = new SequentialIds(3_100_000n);

  constructor(private readonly world: InboxWorld) {}

  follower(accountId: string, at: number): void {
    if (!this.followers.has(accountId)) this.followers.set(accountId, at);
  }

  /** What the policy does with a notification about to be made. */
  decide(
    type: string,
    sender: ApiAccount,
    status: ApiStatus | null,
    at: number,
  ): "accept" | PolicyValue {
    if (!FILTERABLE.has(type) || this.permitted.has(sender.id)) return "accept";
    const notFollowing = !this.world.following(sender.id);
    const since = this.followers.get(sender.id);
    const notFollower = since === undefined || at - since < NEW_FOLLOWER_MS;
    const created = Date.parse(sender.created_at);
    const newAccount = Number.isFinite(created) && at - created < NEW_ACCOUNT_MS;
    const privateMention =
      type === "mention" &&
      status?.visibility === "direct" &&
      !this.respondsToPrivateMention(status, sender.id);
    const applies: Record<PolicyField, boolean> = {
      for_limited_accounts: false,
      for_not_following: notFollowing,
      for_not_followers: notFollower,
      for_new_accounts: newAccount && notFollowing,
      for_private_mentions: notFollowing && privateMention,
    };
    const matching = POLICY_FIELDS.filter((f) => applies[f]).map((f) => this.policy[f]);
    if (matching.includes("drop")) return "drop";
    if (matching.includes("filter")) return "filter";
    return "accept";
  }

  /** A reply to a private mention of the sender by the demo user, up the thread. */
  private respondsToPrivateMention(status: ApiStatus, senderId: string): boolean {
    let id = status.in_reply_to_id;
    for (let depth = 0; id && depth < THREAD_DEPTH; depth++) {
      const parent = this.world.status(id);
      if (!parent) return false;
      if (
        parent.account.id === this.world.meId &&
        parent.visibility === "direct" &&
        parent.mentions.some((m) => m.id === senderId)
      )
        return true;
      id = parent.in_reply_to_id;
    }
    return false;
  }

  /** A filtered notification was kept: a mention makes (or refreshes) its sender's request. */
  filter(n: ApiNotification, at: number): void {
    this.filtered.add(n.id);
    if (n.type !== "mention" || !n.status) return;
    const when = new Date(at).toISOString();
    const held = this.requests.find((r) => r.account.id === n.account.id);
    if (held) {
      held.lastStatusId = n.status.id;
      held.updatedAt = when;
      return;
    }
    this.requests.push({
      id: this.requestIds.next(),
      account: n.account,
      lastStatusId: n.status.id,
      createdAt: when,
      updatedAt: when,
    });
  }

  /** notifications_count: the sender's filtered notifications (prepare_notifications_count). */
  countOf(r: DemoRequest): number {
    let count = 0;
    for (const n of this.world.notifications)
      if (n.account.id === r.account.id && this.filtered.has(n.id)) count++;
    return Math.min(count, MAX_MEANINGFUL_COUNT);
  }

  /** The policy's summary (NotificationPolicy#summarize!). */
  summary(): { pending_requests_count: number; pending_notifications_count: number } {
    const counted = this.requests.slice(0, MAX_MEANINGFUL_COUNT);
    return {
      pending_requests_count: counted.length,
      pending_notifications_count: counted.reduce((sum, r) => sum + this.countOf(r), 0),
    };
  }

  find(id: string): DemoRequest | undefined {
    return this.requests.find((r) => r.id === id);
  }

  /** Accepts the request: its sender's filtered notifications are back. */
  accept(r: DemoRequest): void {
    this.permitted.add(r.account.id);
    for (const n of this.world.notifications)
      if (n.account.id === r.account.id) this.filtered.delete(n.id);
    this.requests.splice(this.requests.indexOf(r), 1);
  }

  /** Dismisses the request: its sender's filtered notifications are deleted. */
  dismiss(r: DemoRequest): void {
    const list = this.world.notifications;
    for (let i = list.length - 1; i >= 0; i--) {
      const n = list[i]!;
      if (n.account.id === r.account.id && this.filtered.has(n.id)) {
        this.filtered.delete(n.id);
        list.splice(i, 1);
      }
    }
    this.requests.splice(this.requests.indexOf(r), 1);
  }
}
