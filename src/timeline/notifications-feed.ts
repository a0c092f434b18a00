// Keeps the NotificationStore current: first page over REST, `notification` events on `user`,
// a forward catch-up (min_id) after every reconnect, the session's status changes, and polling
// where the server has no streaming. Its state comes from the same facts and the same function
// as every timeline pane's (pane-state.ts).

import type { mastodon } from "masto";
import { jitteredBetween } from "../api/backoff.js";
import { type Clock, systemClock, type TimerHandle } from "../api/clock.js";
import { HttpError, ProblemError, RequestAbortedError } from "../api/errors.js";
import type { PageLinks } from "../api/link-header.js";
import type { GroupedPage, NotificationPolicy } from "../api/notifications.js";
import type { PageParams, RestState } from "../api/rest.js";
import type { ConnectionState } from "../api/stream.js";
import type { FeedStream } from "./feed.js";
import { FIRST_PAGE_LIMIT } from "./first-pages.js";
import { GroupStore } from "./grouped-store.js";
import { type HolePage, walkHole } from "./hole-walk.js";
import {
  groupNotifications,
  type NotificationGroup,
  unreadGroupsAbove,
} from "./notification-groups.js";
import { type Notification, NotificationStore } from "./notifications.js";
import {
  connectionFactsOf,
  derivePaneState,
  type FeedFacts,
  type PaneState,
  problemOf,
} from "./pane-state.js";
import { notificationPageChanges } from "./poll-reconcile.js";
import type { StatusBus, StatusChanges } from "./status-bus.js";

export interface NotificationsRest {
  notifications(page?: PageParams): Promise<Notification[]>;
  /** POST /api/v1/notifications/:id/dismiss; absent: the client cannot dismiss. */
  dismissNotification?(id: string): Promise<void>;
  readonly state: RestState;
}

/** A server with grouped notifications (api_versions.mastodon >= 2): the v2 endpoints. */
export interface GroupedNotificationsRest {
  page(page: PageParams): Promise<GroupedPage>;
  accounts(
    groupKey: string,
    page: PageParams,
  ): Promise<{ accounts: mastodon.v1.Account[]; links: PageLinks }>;
  dismiss(groupKey: string): Promise<void>;
  unreadCount(): Promise<number>;
  policy(): Promise<NotificationPolicy>;
}

/** What the pane title counts (a server without grouped notifications has no requests). */
export interface NotificationCounts {
  /** Groups newer than the notifications marker (the server's unread_count, or counted here). */
  unread?: number;
  /** Pending notification requests (the policy's summary). */
  requests?: number;
}

/** How often the unread and requests counts are asked for again. */
const COUNTS_EVERY_MS = 120_000;

/** Everyone in a group is asked for in pages of 40, at most this many. */
const MAX_ACCOUNT_PAGES = 10;

export interface NotificationPolling {
  clock?: Clock;
  pollMinMs?: number;
  pollMaxMs?: number;
  random?: () => number;
}

export class NotificationFeed {
  /** v1: every notification held. v2: each group's latest notification (mention alerts read it). */
  readonly store = new NotificationStore();
  /** v2 only: the server's groups. */
  private readonly groupStore = new GroupStore();
  private olderCursor: PageParams | undefined;
  private groupedMemo: { version: number; groups: NotificationGroup[] } | undefined;
  private countsNow: NotificationCounts = {};
  private readMarker: string | undefined;
  private unreadMemo:
    | { version: number; marker: string | undefined; counts: NotificationCounts }
    | undefined;
  private readonly listeners = new Set<() => void>();
  private readonly cleanup: Array<() => void> = [];
  private loaded = false;
  private lastRest: FeedFacts["lastRest"];
  private subscriptionRefused: string | undefined;
  /** A page older than the oldest held came back with nothing new: the server has no more. */
  private exhausted = false;
  private pollTimer: TimerHandle | undefined;
  private polled = false;
  private closed = false;

  constructor(
    private readonly rest: NotificationsRest,
    private readonly stream: FeedStream,
    /**
     * The session's status bus: a toot in a notification is edited and deleted with it, and
     * an edit found by polling goes on it for every place that shows the toot.
     */
    private readonly changes: StatusChanges & Pick<StatusBus, "publish">,
    private readonly maxPages = 5,
    private readonly polling: NotificationPolling = {},
    /** Present where the server groups notifications itself (Mastodon 4.3+). */
    private grouped?: GroupedNotificationsRest,
  ) {}

  /** Whether the server groups (v2) or the client does (over v1, notification-groups.ts). */
  get serverGrouped(): boolean {
    return this.grouped !== undefined;
  }

  /** Changes whenever groups() does. */
  get version(): number {
    return this.grouped ? this.groupStore.version : this.store.version;
  }

  /** One entry per group, newest first: the server's, or the client's over v1. */
  groups(): readonly NotificationGroup[] {
    if (this.grouped) return this.groupStore.groups;
    if (this.groupedMemo?.version !== this.store.version)
      this.groupedMemo = {
        version: this.store.version,
        groups: groupNotifications(this.store.items),
      };
    return this.groupedMemo.groups;
  }

  get counts(): NotificationCounts {
    if (this.grouped) return this.countsNow;
    // Without unread_count (v1 servers), the unread count is derived from the marker.
    const memo = this.unreadMemo;
    if (memo?.version !== this.store.version || memo.marker !== this.readMarker) {
      const unread = unreadGroupsAbove(this.store.items, this.groups(), this.readMarker);
      this.unreadMemo = {
        version: this.store.version,
        marker: this.readMarker,
        counts: unread === undefined ? {} : { unread },
      };
    }
    return this.unreadMemo!.counts;
  }

  /** The notifications marker's `last_read_id` (read or just saved): v1 counts unread from it. */
  setReadMarker(lastReadId: string | undefined): void {
    if (lastReadId === this.readMarker) return;
    this.readMarker = lastReadId;
    if (!this.grouped) this.emit();
  }

  /** Asks the server for the unread and requests counts again (v2 servers). */
  async refreshCounts(): Promise<void> {
    const grouped = this.grouped;
    if (!grouped || this.closed) return;
    const [unread, policy] = await Promise.allSettled([grouped.unreadCount(), grouped.policy()]);
    const next: NotificationCounts = { ...this.countsNow };
    if (unread.status === "fulfilled") next.unread = unread.value;
    if (policy.status === "fulfilled") next.requests = policy.value.pendingRequestsCount;
    if (next.unread !== this.countsNow.unread || next.requests !== this.countsNow.requests) {
      this.countsNow = next;
      this.emit();
    }
  }

  /**
   * Removes a group on the server and here: v2 dismisses the group key, v1 each notification
   * of the client's group. Rejects (and keeps the group) when the server refuses.
   */
  async dismiss(group: NotificationGroup): Promise<void> {
    if (this.grouped) {
      await this.grouped.dismiss(group.key);
      this.groupStore.remove(group.key);
      this.store.remove(new Set([group.latest.id]));
    } else {
      const dismiss = this.rest.dismissNotification?.bind(this.rest);
      if (!dismiss) throw new ProblemError("error.cannotDismiss");
      for (const n of group.notifications) await dismiss(n.id);
      this.store.remove(new Set(group.notifications.map((n) => n.id)));
    }
    this.emit();
    void this.refreshCounts().catch(() => {});
  }

  /** Everyone in a group: v2 asks the server (a group samples 8); v1 has them all already. */
  async loadGroupAccounts(key: string): Promise<void> {
    const grouped = this.grouped;
    if (!grouped || !this.groupStore.get(key)) return;
    const accounts: mastodon.v1.Account[] = [];
    let page: PageParams = { limit: 40 };
    for (let i = 0; i < MAX_ACCOUNT_PAGES; i++) {
      const res = await grouped.accounts(key, page);
      for (const a of res.accounts) if (!accounts.some((b) => b.id === a.id)) accounts.push(a);
      const next = res.links.next;
      if (!next || res.accounts.length === 0) break;
      page = { ...next, limit: 40 };
    }
    this.groupStore.setAllAccounts(key, accounts);
    this.emit();
  }

  /** What is true of the notifications, for pane-state.ts to put into words. */
  facts(): FeedFacts {
    return {
      loaded: this.loaded,
      empty: this.groups().length === 0,
      // Polled only where the server has no streaming; otherwise they catch up when it is back.
      polled: this.polled,
      ...(this.lastRest ? { lastRest: this.lastRest } : {}),
      ...(this.subscriptionRefused ? { subscriptionRefused: this.subscriptionRefused } : {}),
    };
  }

  get state(): PaneState {
    return derivePaneState(connectionFactsOf(this.stream.state, this.rest.state), this.facts());
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  start(): Promise<void> {
    this.cleanup.push(
      this.changes.subscribe((change) => {
        const a = this.store.applyChange(change);
        const b = this.groupStore.applyChange(change);
        if (a || b) this.emit();
      }),
      this.stream.subscribe({ stream: "user" }, (ev) => {
        if (ev.kind === "error") {
          this.subscriptionRefused = ev.error;
          this.emit();
        }
        if (ev.kind === "notifications_merged") {
          // Accepted requests were merged back in, anywhere in time: the newest page again.
          void this.load({})
            .then(() => this.refreshCounts())
            .catch((err) => this.noteFailure(err));
          return;
        }
        if (ev.kind !== "notification") return;
        if (this.grouped) {
          if (!this.groupStore.addLive(ev.notification)) return;
          this.store.add([ev.notification]);
          this.emit();
          this.refreshCountsSoon();
          return;
        }
        if (this.store.add([ev.notification]) > 0) this.emit();
      }),
      this.stream.onStateChange((s) => {
        if (s.kind === "connecting") this.subscriptionRefused = undefined;
        this.pollWhenUnavailable(s);
        this.emit();
      }),
      // On every live — the first one too: anything notified between the first page and
      // the subscription taking effect (the server subscribes asynchronously) is fetched.
      this.stream.onLive(() => {
        const from = this.newestId();
        if (from) void this.catchUp(from).catch((err) => this.noteFailure(err));
      }),
    );
    // The stream may have settled before this feed subscribed (every upgrade form refused on
    // a server without streaming): no change will follow, so its state now decides.
    this.pollWhenUnavailable(this.stream.state);
    this.scheduleCounts();
    return this.load({})
      .then(() => {
        // The first page may have been cut before the socket went live: close that gap too.
        const from = this.newestId();
        if (from && this.stream.state.kind === "live")
          void this.catchUp(from).catch((err) => this.noteFailure(err));
      })
      .catch((err) => this.noteFailure(err));
  }

  /** R: what is newer than the newest held, and the counts again. */
  async refresh(): Promise<void> {
    const from = this.newestId();
    await (from ? this.catchUp(from) : this.load({}));
    await this.refreshCounts();
  }

  /** Older notifications below the bottom. */
  async loadOlder(): Promise<void> {
    if (this.exhausted) return;
    if (this.grouped) {
      // The Link header's next page (max_id = the oldest notification the page stood for).
      const cursor = this.olderCursor;
      if (!cursor) {
        if (this.loaded) this.exhausted = true;
        return;
      }
      const added = await this.loadGrouped({ ...cursor, limit: 40 }, "older");
      if (added === 0) this.exhausted = true;
      return;
    }
    const oldest = this.store.oldestId();
    const added = await this.load(oldest ? { maxId: oldest } : {});
    if (oldest && added === 0) this.exhausted = true;
  }

  close(): void {
    this.closed = true;
    this.stopPolling();
    for (const timer of [this.countsTimer, this.countsEvery])
      if (timer !== undefined) (this.polling.clock ?? systemClock).clearTimeout(timer);
    for (const c of this.cleanup.splice(0)) c();
    this.listeners.clear();
  }

  /**
   * Nothing is pushed while the socket is down or the server has no streaming: ask at the
   * timelines' pace (feed.ts polls in the same states). Live, a refused token or a closed
   * session stop it; the catch-up on live fetches what came in between.
   */
  private pollWhenUnavailable(s: ConnectionState): void {
    if (s.kind === "live" || s.kind === "rejected" || s.kind === "closed") {
      this.stopPolling();
      return;
    }
    if (this.pollTimer !== undefined || this.closed) return;
    const clock = this.polling.clock ?? systemClock;
    const delay = jitteredBetween(
      this.polling.pollMinMs ?? 20_000,
      this.polling.pollMaxMs ?? 40_000,
      this.polling.random ?? Math.random,
    );
    this.pollTimer = clock.setTimeout(() => {
      const from = this.newestId();
      const polling = from
        ? this.catchUp(from).then(() => {
            if (this.stream.state.kind === "unavailable" && !this.grouped) return this.reconcile();
          })
        : this.load({});
      void polling.finally(() => {
        this.pollTimer = undefined;
        if (this.lastRest?.ok) this.polled = true;
        this.emit();
        this.pollWhenUnavailable(this.stream.state);
      });
    }, delay);
  }

  /**
   * With no stream at all, a notified toot's edit or delete is known only by asking: the newest
   * page again (one request per poll, as each timeline's), read against what is held
   * (poll-reconcile.ts). An edit goes on the session's bus, for every place that shows the toot.
   * Grouped servers (Mastodon 4.3+) stream; their groups are not judged by a v1 page.
   */
  private async reconcile(): Promise<void> {
    const askedWith = new Set(this.store.items.map((n) => n.id));
    const page = await this.fetch({ limit: 40 });
    if (!page || this.closed) return;
    const { edits, gone } = notificationPageChanges(this.store.items, page, askedWith);
    for (const status of edits) this.changes.publish({ kind: "edit", status });
    if (gone.size > 0 && this.store.remove(gone)) this.emit();
  }

  private stopPolling(): void {
    if (this.pollTimer !== undefined)
      (this.polling.clock ?? systemClock).clearTimeout(this.pollTimer);
    this.pollTimer = undefined;
    this.polled = false;
  }

  private newestId(): string | undefined {
    return this.grouped ? this.groupStore.newestId() : this.store.newestId();
  }

  private countsTimer: TimerHandle | undefined;
  private countsEvery: TimerHandle | undefined;

  /**
   * Counts now and then every few minutes: a filtered notification is not streamed, so a new
   * notification request is only known by asking (R asks at once).
   */
  private scheduleCounts(): void {
    if (!this.grouped || this.closed) return;
    void this.refreshCounts().catch(() => {});
    const clock = this.polling.clock ?? systemClock;
    this.countsEvery = clock.setTimeout(() => this.scheduleCounts(), COUNTS_EVERY_MS);
  }

  /** After a live notification: one count request for a burst, not one per notification. */
  private refreshCountsSoon(): void {
    if (this.countsTimer !== undefined || this.closed) return;
    const clock = this.polling.clock ?? systemClock;
    this.countsTimer = clock.setTimeout(() => {
      this.countsTimer = undefined;
      void this.refreshCounts().catch(() => {});
    }, 2_000);
  }

  /** A v2 page into the group store; how many groups were new, undefined if it failed. */
  private async loadGrouped(
    page: PageParams,
    direction: "newer" | "older",
  ): Promise<number | undefined> {
    return (await this.loadGroupedPage(page, direction))?.added;
  }

  private async loadGroupedPage(
    page: PageParams,
    direction: "newer" | "older",
  ): Promise<{ added: number; size: number } | undefined> {
    const grouped = this.grouped!;
    let res: GroupedPage;
    try {
      res = await grouped.page(page);
      this.lastRest = { ok: true };
    } catch (err) {
      if (err instanceof HttpError && (err.status === 404 || err.status === 410) && !this.loaded) {
        // A server that claims api_versions.mastodon >= 2 without the endpoint: the v1 list,
        // grouped here, as on any server without grouped notifications.
        this.grouped = undefined;
        const added = await this.load(page.minId || page.maxId ? {} : page);
        return added === undefined ? undefined : { added, size: 0 };
      }
      if (!(err instanceof RequestAbortedError)) this.noteFailure(err);
      return undefined;
    }
    const added = this.groupStore.addPage(res.groups, direction);
    if (direction === "older" || !this.loaded) this.olderCursor = res.links.next;
    this.store.add(
      res.groups.map((g) => this.groupStore.get(g.key)?.latest).filter((n) => n !== undefined),
      direction === "older" ? "bottom" : "top",
    );
    this.loaded = true;
    this.emit();
    return { added, size: res.groups.length };
  }

  private async catchUp(from: string): Promise<void> {
    if (this.grouped) {
      let cursor = from;
      for (let i = 0; i < this.maxPages; i++) {
        const res = await this.loadGroupedPage({ minId: cursor, limit: 40 }, "newer");
        if (!res || res.size < 40) return;
        const next = this.groupStore.newestId();
        if (!next || next === cursor) return;
        cursor = next;
      }
      return;
    }
    // Hollo before 0.9.0 pages min_id from the newest end (hole-walk.ts); a notification that
    // is already held (the stream brought it) counts as nothing new.
    await walkHole(from, undefined, (lower, upper) => this.fetchBetween(lower, upper), {
      pageLimit: 40,
      maxPages: this.maxPages,
    });
  }

  /**
   * A v1 page of what lies between two held notifications (upper undefined: up to now), and
   * how many of them were new here.
   */
  private async fetchBetween(
    lower: string,
    upper: string | undefined,
  ): Promise<HolePage | undefined> {
    const list = await this.fetch(
      upper === undefined ? { minId: lower, limit: 40 } : { minId: lower, maxId: upper, limit: 40 },
    );
    if (!list) return undefined;
    const added = this.store.add(list, upper === undefined ? "top" : { below: upper });
    if (added > 0) this.emit();
    return { items: list, added };
  }

  /** How many notifications it added; undefined when the request failed (try again later). */
  private async load(page: PageParams): Promise<number | undefined> {
    // Before anything is held, the first page (first-pages.ts); after, pages of Mastodon's most.
    const limit = this.loaded ? 40 : FIRST_PAGE_LIMIT;
    if (this.grouped) return this.loadGrouped({ ...page, limit }, "newer");
    const list = await this.fetch({ ...page, limit });
    if (!list) return undefined;
    const added = this.store.add(list, page.maxId !== undefined ? "bottom" : "top");
    this.loaded = true;
    this.emit();
    return added;
  }

  private async fetch(page: PageParams): Promise<Notification[] | undefined> {
    try {
      const list = await this.rest.notifications(page);
      this.lastRest = { ok: true };
      return list;
    } catch (err) {
      if (!(err instanceof RequestAbortedError)) this.noteFailure(err);
      return undefined;
    }
  }

  /** A failed request, or a page whose shape the store did not foresee: the pane says so. */
  private noteFailure(err: unknown): void {
    this.lastRest = { ok: false, problem: problemOf(err) };
    this.emit();
  }

  private emit(): void {
    for (const l of [...this.listeners]) l();
  }
}
