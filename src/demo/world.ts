// The demo instance's state: accounts, statuses and notifications, and the changes to them.
// Every change is announced to listeners (the streaming server) as a WorldEvent.

import { buildAccounts, type DemoAccount, findAccount } from "./accounts.js";
import { type Draft, maybeDropLanguage, REPLY_LINES, randomDraft } from "./content.js";
import { type DemoFlavour, demoFlavour, type IdScheme } from "./flavour.js";
import { mentionHtml, paragraphsHtml } from "./html.js";
import { compareIds, SequentialIds, SnowflakeIds } from "./ids.js";
import { NotificationInbox } from "./notification-inbox.js";
import { Prng } from "./prng.js";
import { buildReblog, buildStatus } from "./status-factory.js";
import type { ApiNotification, ApiStatus, DemoNotifyOptions, DemoStatusInput } from "./types.js";

export type PublishTarget = "home" | "local" | "federated";

export interface StoredStatus {
  readonly id: string;
  status: ApiStatus;
  /** In the demo user's home feed. */
  inHome: boolean;
  /** Posted by an account of this instance. */
  local: boolean;
}

export type WorldEvent =
  | { type: "update" | "status.update" | "delete"; stored: StoredStatus }
  | { type: "notification"; notification: ApiNotification }
  | { type: "filters_changed" }
  /** Accepted notification requests were merged back (streamed on `user`, payload "1"). */
  | { type: "notifications_merged" };

export const NOTIFICATION_TYPES = [
  "mention",
  "reblog",
  "favourite",
  "follow",
  "poll",
  "update",
  "status",
] as const;
/** A type from a newer (or non-Mastodon) server: clients must show it generically, not crash. */
export const UNKNOWN_NOTIFICATION_TYPE = "emoji_reaction";

/** Public timelines leave out boosts, non-public posts and replies to other people, as Mastodon does. */
export function isPublicEligible(s: ApiStatus): boolean {
  if (s.visibility !== "public" || s.reblog !== null) return false;
  return s.in_reply_to_id === null || s.in_reply_to_account_id === s.account.id;
}

export class DemoWorld {
  readonly accounts: DemoAccount[];
  readonly me: DemoAccount;
  readonly rng: Prng;
  /** Another server's id kinds (ULIDs, FlakeIds, UUIDv7…); Mastodon's where a kind is absent. */
  readonly ids: IdScheme;
  private readonly statusIds = new SnowflakeIds();
  // Sequential like Mastodon's; seeding starts them just under ten million (see seed.ts).
  private notificationIds = new SequentialIds(9_999_950n);
  private readonly mediaIds = new SequentialIds(113_000_000_000_000_000n);
  private readonly pollIds = new SequentialIds(345_000n);
  /** Ascending by id. */
  readonly statuses: StoredStatus[] = [];
  private readonly byId = new Map<string, StoredStatus>();
  /** Ascending by id. */
  readonly notifications: ApiNotification[] = [];
  /** Mastodon's open notification groups: group prefix → the hour bucket the group began in. */
  private readonly groupBuckets = new Map<string, number>();
  /** The notification policy, filtered notifications and notification requests. */
  readonly inbox: NotificationInbox;
  /** Read markers by timeline ("home", "notifications"), as POST /api/v1/markers saved them. */
  readonly markers = new Map<
    string,
    { last_read_id: string; version: number; updated_at: string }
  >();
  private readonly listeners = new Set<(e: WorldEvent) => void>();
  /**
   * Bookmarks and favourites as Mastodon keeps them: rows of their own, status id → row id,
   * in the order they were saved (social.ts pages them by row id, as Mastodon does).
   */
  readonly saved = { bookmarks: new Map<string, string>(), favourites: new Map<string, string>() };
  private nextSavedRow = 1;

  constructor(
    seed: number,
    readonly now: () => number,
    /** The server this instance plays (its ids, limits and quirks); Mastodon by default. */
    readonly flavour: DemoFlavour = demoFlavour("mastodon"),
  ) {
    this.ids = flavour.ids;
    this.rng = new Prng(seed);
    this.accounts = buildAccounts(now());
    this.me = this.accounts[0]!;
    this.inbox = new NotificationInbox({
      notifications: this.notifications,
      status: (id) => this.byId.get(id)?.status,
      following: (id) => this.accounts.find((a) => a.account.id === id)?.followed ?? false,
      meId: this.me.account.id,
    });
  }

  /** The next notification gets id `start + 1`. */
  restartNotificationIds(start: bigint): void {
    this.notificationIds = new SequentialIds(start);
  }

  onEvent(listener: (e: WorldEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(e: WorldEvent): void {
    for (const l of this.listeners) l(e);
  }

  /** The user saved (or unsaved) a status: a new row, the newest, whatever the toot's age. */
  markSaved(which: "bookmarks" | "favourites", statusId: string, on: boolean): void {
    const rows = this.saved[which];
    if (!on) rows.delete(statusId);
    else if (!rows.has(statusId)) rows.set(statusId, String(this.nextSavedRow++));
  }

  get(id: string): StoredStatus | undefined {
    return this.byId.get(id);
  }

  private store(status: ApiStatus, inHome: boolean, local: boolean): StoredStatus {
    const stored: StoredStatus = { id: status.id, status, inHome, local };
    const last = this.statuses[this.statuses.length - 1];
    this.statuses.push(stored);
    if (last && compareIds(last.id, stored.id) > 0)
      this.statuses.sort((a, b) => compareIds(a.id, b.id));
    this.byId.set(stored.id, stored);
    return stored;
  }

  /**
   * The newest `count` public statuses by others than `who`, oldest first: what a boost or a
   * reply in home picks from. Read from the newest end, not by filtering every status held: a
   * filter made each publish cost more than the last (the 100 000-status bench's instance
   * spent ~3 s of CPU per 1000 published by its end).
   */
  private newestOthers(who: DemoAccount, count: number): StoredStatus[] {
    const found: StoredStatus[] = [];
    for (let i = this.statuses.length - 1; i >= 0 && found.length < count; i--) {
      const s = this.statuses[i]!;
      if (isPublicEligible(s.status) && s.status.account.id !== who.account.id) found.push(s);
    }
    return found.reverse();
  }

  private pickAuthor(target: PublishTarget): DemoAccount {
    const pool = this.accounts.filter((a) => {
      if (a === this.me) return false;
      // Hostile names appear now and then, not constantly.
      if (a.hostile && !this.rng.chance(0.15)) return false;
      if (target === "home") return a.followed;
      return target === "local" ? a.local : !a.local;
    });
    return this.rng.pick(pool.length > 0 ? pool : this.accounts.filter((a) => a !== this.me));
  }

  private otherThan(author: DemoAccount): () => DemoAccount {
    return () => this.rng.pick(this.accounts.filter((a) => a !== author && !a.hostile));
  }

  private buildFrom(
    author: DemoAccount,
    draft: Draft,
    at: number,
    visibility: ApiStatus["visibility"],
    inReplyTo: ApiStatus | null,
  ): ApiStatus {
    return buildStatus({
      id: this.nextStatusId(at),
      at,
      author,
      draft,
      visibility,
      inReplyTo,
      nextMediaId: () => this.ids.other?.(at) ?? this.mediaIds.next(),
      nextPollId: () => this.nextPollId(at),
      rng: this.rng,
      mine: author === this.me,
    });
  }

  /** Creates a status for a timeline and stores it; `emit` false while seeding history. */
  publish(
    target: PublishTarget,
    input: DemoStatusInput = {},
    at = this.now(),
    emit = true,
  ): StoredStatus {
    const author = input.account ? findAccount(this.accounts, input.account) : undefined;
    if (input.account && !author) throw new Error(`unknown demo account: ${input.account}`);
    const who = author ?? this.pickAuthor(target);
    const hasExplicit = input.content !== undefined || input.in_reply_to_id !== undefined;
    // Home gets the variety of a real feed: boosts, replies and followers-only posts.
    if (target === "home" && !hasExplicit && !input.account) {
      const roll = this.rng.next();
      const older = this.newestOthers(who, 60);
      if (roll < 0.25 && older.length > 0) {
        const original = this.rng.pick(older).status;
        return this.finish(
          this.store(buildReblog(this.nextStatusId(at), at, who, original), true, who.local),
          emit,
        );
      }
      if (roll < 0.45 && older.length > 0) {
        const parent = this.rng.pick(older).status;
        const draft: Draft = {
          html: paragraphsHtml([
            [{ html: mentionHtml(parent.account) }, ` ${this.rng.pick(REPLY_LINES)}`],
          ]),
          tags: [],
          mentions: [this.accounts.find((a) => a.account.id === parent.account.id) ?? who],
          language: "en",
        };
        return this.finish(
          this.store(this.buildFrom(who, draft, at, "public", parent), true, who.local),
          emit,
        );
      }
    }
    let draft = maybeDropLanguage(
      this.rng,
      randomDraft({ rng: this.rng, author: who, other: this.otherThan(who) }),
      who.local,
    );
    if (input.content !== undefined)
      draft = {
        ...draft,
        html: input.content,
        tags: input.tags ?? [],
        // As Mastodon does, a status lists the accounts its text mentions.
        mentions: (input.mentions ?? []).map((acct) => {
          const found = findAccount(this.accounts, acct);
          if (!found) throw new Error(`unknown account: ${acct}`);
          return found;
        }),
        media: undefined,
        poll: undefined,
        card: undefined,
        emojis: [],
      };
    if (input.spoiler_text !== undefined) draft = { ...draft, spoiler_text: input.spoiler_text };
    if (input.sensitive !== undefined) draft = { ...draft, sensitive: input.sensitive };
    if (input.language !== undefined) draft = { ...draft, language: input.language };
    let visibility: ApiStatus["visibility"] = input.visibility ?? "public";
    if (!input.visibility && target === "home" && !hasExplicit) {
      visibility = this.rng.pick(["public", "public", "unlisted", "private"] as const);
    }
    const parent = input.in_reply_to_id
      ? (this.byId.get(input.in_reply_to_id)?.status ?? null)
      : null;
    if (input.in_reply_to_id && !parent) throw new Error(`unknown status: ${input.in_reply_to_id}`);
    const status = this.buildFrom(who, draft, at, visibility, parent);
    if (input.media_attachments) status.media_attachments = input.media_attachments;
    if (input.poll !== undefined) status.poll = input.poll;
    if (input.card !== undefined) status.card = input.card;
    const inHome = who.followed || who === this.me || target === "home";
    return this.finish(this.store(status, inHome, who.local), emit);
  }

  /** Streams a change made outside the world's own methods (e.g. a status posted over REST). */
  announce(e: WorldEvent): void {
    this.emit(e);
  }

  nextStatusId(at: number): string {
    return this.ids.status?.(at) ?? this.statusIds.next(at);
  }

  nextPollId(at = this.now()): string {
    return this.ids.other?.(at) ?? this.pollIds.next();
  }

  storeAndAnnounce(status: ApiStatus, inHome: boolean, local: boolean): StoredStatus {
    return this.finish(this.store(status, inHome, local), true);
  }

  private finish(stored: StoredStatus, emit: boolean): StoredStatus {
    if (emit) this.emit({ type: "update", stored });
    return stored;
  }

  /** A status by the demo user, which boosts, favourites, polls and edits notify about. */
  postAsMe(
    draft: Draft,
    visibility: ApiStatus["visibility"],
    at = this.now(),
    emit = true,
    inReplyTo: ApiStatus | null = null,
  ): StoredStatus {
    return this.finish(
      this.store(this.buildFrom(this.me, draft, at, visibility, inReplyTo), true, true),
      emit,
    );
  }

  edit(id: string, content: string, at = this.now()): StoredStatus {
    const stored = this.byId.get(id);
    if (!stored) throw new Error(`unknown status: ${id}`);
    stored.status = { ...stored.status, content, edited_at: new Date(at).toISOString() };
    // Boosts and notifications embed the original: keep them in step, as Mastodon renders
    // them fresh at every request (REST::NotificationSerializer's target_status).
    for (const s of this.statuses) {
      if (s.status.reblog?.id === id) s.status = { ...s.status, reblog: stored.status };
    }
    for (const n of this.notifications) if (n.status?.id === id) n.status = stored.status;
    this.emit({ type: "status.update", stored });
    return stored;
  }

  /** Deletes a status and the boosts of it (Mastodon removes those too); returns the removed ids. */
  delete(id: string): string[] {
    const stored = this.byId.get(id);
    if (!stored) throw new Error(`unknown status: ${id}`);
    const removed = this.statuses.filter((s) => s.id === id || s.status.reblog?.id === id);
    for (const r of removed) {
      this.byId.delete(r.id);
      this.statuses.splice(this.statuses.indexOf(r), 1);
    }
    for (let i = this.notifications.length - 1; i >= 0; i--) {
      if (this.notifications[i]!.status?.id === id) this.notifications.splice(i, 1);
    }
    for (const r of removed) this.emit({ type: "delete", stored: r });
    return removed.map((r) => r.id);
  }

  notify(
    type: string,
    opts: DemoNotifyOptions = {},
    at = this.now(),
    emit = true,
  ): ApiNotification {
    const actor = opts.account
      ? findAccount(this.accounts, opts.account)
      : this.rng.pick(this.accounts.filter((a) => a !== this.me && !a.hostile));
    if (!actor) throw new Error(`unknown demo account: ${opts.account}`);
    let status: ApiStatus | null = opts.status_id
      ? (this.byId.get(opts.status_id)?.status ?? null)
      : null;
    if (opts.status_id && !status) throw new Error(`unknown status: ${opts.status_id}`);
    if (!status && type !== "follow" && type !== "follow_request") {
      if (type === "mention") {
        const draft: Draft = {
          html: paragraphsHtml([
            [{ html: mentionHtml(this.me.account) }, ` ${this.rng.pick(REPLY_LINES)}`],
          ]),
          tags: [],
          mentions: [this.me],
          language: "en",
        };
        const visibility = this.rng.chance(0.3) ? "direct" : "public";
        const s = this.buildFrom(actor, draft, at, visibility, null);
        status = this.finish(
          this.store(s, actor.followed || visibility === "direct", actor.local),
          emit,
        ).status;
      } else if (type === "status") {
        status = this.publish(
          actor.local ? "local" : "federated",
          { account: actor.account.acct },
          at,
          emit,
        ).status;
      } else {
        const mine = this.statuses.filter(
          (s) => s.status.account.id === this.me.account.id && s.status.reblog === null,
        );
        status = mine.length > 0 ? this.rng.pick(mine.slice(-20)).status : null;
      }
    }
    const id = this.ids.notification?.(at, type) ?? this.notificationIds.next();
    const notification: ApiNotification = {
      id,
      type,
      created_at: new Date(at).toISOString(),
      account: actor.account,
      status,
    };
    // group_key came with api_versions in Mastodon 4.3: a server without one has neither.
    if (this.flavour.hasApiVersions)
      notification.group_key = this.groupKey(type, status?.id, at) ?? `ungrouped-${id}`;
    if (type === "follow" || type === "follow_request") delete notification.status;
    // The follow happens whatever the policy does with its notification.
    if (type === "follow") this.inbox.follower(actor.account.id, at);
    const decision = this.inbox.decide(type, actor.account, status, at);
    // Dropped: no notification at all (the caller still gets what it would have been).
    if (decision === "drop") return notification;
    this.notifications.push(notification);
    if (decision === "filter") this.inbox.filter(notification, at);
    else if (emit) this.emit({ type: "notification", notification });
    return notification;
  }

  /** Every notification with this group key (v2 grouped notifications read them). */
  groupMembers(key: string): ApiNotification[] {
    return this.notifications.filter((n) => (n.group_key ?? `ungrouped-${n.id}`) === key);
  }

  /** Deletes notifications (dismissed); returns how many went. */
  dismissNotifications(pred: (n: ApiNotification) => boolean): number {
    let gone = 0;
    for (let i = this.notifications.length - 1; i >= 0; i--) {
      if (!pred(this.notifications[i]!)) continue;
      this.inbox.filtered.delete(this.notifications[i]!.id);
      this.notifications.splice(i, 1);
      gone++;
    }
    return gone;
  }

  /**
   * As Mastodon 4.3's Notification::Groups#set_group_key!: favourites and boosts group by
   * their post, follows and sign-ups by type; a group takes new members for 12 hours from the
   * hour it began in. Other types are ungrouped.
   */
  private groupKey(type: string, statusId: string | undefined, at: number): string | undefined {
    let prefix: string;
    if (type === "favourite" || type === "reblog") {
      if (!statusId) return undefined;
      prefix = `${type}-${statusId}`;
    } else if (type === "follow" || type === "admin.sign_up") prefix = type;
    else return undefined;
    const hour = Math.floor(at / 3_600_000);
    const open = this.groupBuckets.get(prefix);
    const bucket = open !== undefined && hour - open < 12 ? open : hour;
    this.groupBuckets.set(prefix, bucket);
    return `${prefix}-${bucket}`;
  }

  /** A timeline as an ascending list; `kind` as in the streaming API names. */
  timeline(
    kind: "home" | "public" | "public:local" | "public:remote",
    onlyMedia = false,
  ): StoredStatus[] {
    return this.statuses.filter((s) => {
      if (onlyMedia && s.status.media_attachments.length === 0) return false;
      if (kind === "home") return s.inHome;
      if (!isPublicEligible(s.status)) return false;
      if (kind === "public:local") return s.local;
      if (kind === "public:remote") return !s.local;
      return true;
    });
  }

  tagTimeline(tag: string): StoredStatus[] {
    const wanted = tag.toLowerCase();
    return this.statuses.filter(
      (s) => isPublicEligible(s.status) && s.status.tags.some((t) => t.name === wanted),
    );
  }
}
