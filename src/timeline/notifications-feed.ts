// Keeps the NotificationStore current: first page over REST, `notification` events on `user`,
// a forward catch-up (min_id) after every reconnect, the session's status changes, and polling
// where the server has no streaming. Its state comes from the same facts and the same function
// as every timeline pane's (pane-state.ts).

import { jitteredBetween } from "../api/backoff.js";
import { type Clock, systemClock, type TimerHandle } from "../api/clock.js";
import { RequestAbortedError } from "../api/errors.js";
import type { PageParams, RestState } from "../api/rest.js";
import type { ConnectionState } from "../api/stream.js";
import type { FeedStream } from "./feed.js";
import { type Notification, NotificationStore } from "./notifications.js";
import {
  connectionFactsOf,
  derivePaneState,
  type FeedFacts,
  type PaneState,
  problemOf,
} from "./pane-state.js";
import type { StatusChanges } from "./status-bus.js";

export interface NotificationsRest {
  notifications(page?: PageParams): Promise<Notification[]>;
  readonly state: RestState;
}

export interface NotificationPolling {
  clock?: Clock;
  pollMinMs?: number;
  pollMaxMs?: number;
  random?: () => number;
}

export class NotificationFeed {
  readonly store = new NotificationStore();
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
    /** The session's status bus: a toot in a notification is edited and deleted with it. */
    private readonly changes: StatusChanges,
    private readonly maxPages = 5,
    private readonly polling: NotificationPolling = {},
  ) {}

  /** What is true of the notifications, for pane-state.ts to put into words. */
  facts(): FeedFacts {
    return {
      loaded: this.loaded,
      empty: this.store.items.length === 0,
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
        if (this.store.applyChange(change)) this.emit();
      }),
      this.stream.subscribe({ stream: "user" }, (ev) => {
        if (ev.kind === "error") {
          this.subscriptionRefused = ev.error;
          this.emit();
        }
        if (ev.kind !== "notification") return;
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
        const from = this.store.newestId();
        if (from) void this.catchUp(from).catch((err) => this.noteFailure(err));
      }),
    );
    return this.load({})
      .then(() => {
        // The first page may have been cut before the socket went live: close that gap too.
        const from = this.store.newestId();
        if (from && this.stream.state.kind === "live")
          void this.catchUp(from).catch((err) => this.noteFailure(err));
      })
      .catch((err) => this.noteFailure(err));
  }

  /** Older notifications below the bottom. */
  async loadOlder(): Promise<void> {
    if (this.exhausted) return;
    const oldest = this.store.oldestId();
    const added = await this.load(oldest ? { maxId: oldest } : {});
    if (oldest && added === 0) this.exhausted = true;
  }

  close(): void {
    this.closed = true;
    this.stopPolling();
    for (const c of this.cleanup.splice(0)) c();
    this.listeners.clear();
  }

  /** No streaming at all on this server: nothing is pushed, so ask at the timelines' pace. */
  private pollWhenUnavailable(s: ConnectionState): void {
    if (s.kind !== "unavailable") {
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
      const from = this.store.newestId();
      void (from ? this.catchUp(from) : this.load({})).finally(() => {
        this.pollTimer = undefined;
        if (this.lastRest?.ok) this.polled = true;
        this.emit();
        this.pollWhenUnavailable(this.stream.state);
      });
    }, delay);
  }

  private stopPolling(): void {
    if (this.pollTimer !== undefined)
      (this.polling.clock ?? systemClock).clearTimeout(this.pollTimer);
    this.pollTimer = undefined;
    this.polled = false;
  }

  private async catchUp(from: string): Promise<void> {
    let cursor = from;
    for (let i = 0; i < this.maxPages; i++) {
      const page = await this.fetch({ minId: cursor, limit: 40 });
      if (!page || page.length === 0) return;
      this.store.add(page);
      this.emit();
      cursor = this.store.newestId() ?? cursor;
      if (page.length < 40) return;
    }
  }

  /** How many notifications it added; undefined when the request failed (try again later). */
  private async load(page: PageParams): Promise<number | undefined> {
    const list = await this.fetch({ ...page, limit: 40 });
    if (!list) return undefined;
    const added = this.store.add(list);
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
