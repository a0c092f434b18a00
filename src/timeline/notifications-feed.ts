// Keeps the NotificationStore current: first page over REST, `notification` events on `user`,
// and a forward catch-up (min_id) after every reconnect.

import { describeError, RequestAbortedError } from "../api/errors.js";
import type { PageParams } from "../api/rest.js";
import type { FeedStream } from "./feed.js";
import { type Notification, NotificationStore } from "./notifications.js";

export interface NotificationsRest {
  notifications(page?: PageParams): Promise<Notification[]>;
}

export class NotificationFeed {
  readonly store = new NotificationStore();
  lastError: string | undefined;
  private readonly listeners = new Set<() => void>();
  private readonly cleanup: Array<() => void> = [];

  constructor(
    private readonly rest: NotificationsRest,
    private readonly stream: FeedStream,
    private readonly maxPages = 5,
  ) {}

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  start(): Promise<void> {
    this.cleanup.push(
      this.stream.subscribe({ stream: "user" }, (ev) => {
        if (ev.kind !== "notification") return;
        if (this.store.add([ev.notification]) > 0) this.emit();
      }),
      // On every live — the first one too: anything notified between the first page and
      // the subscription taking effect (the server subscribes asynchronously) is fetched.
      this.stream.onLive(() => {
        const from = this.store.newestId();
        if (from) void this.catchUp(from);
      }),
    );
    return this.load({}).then(() => {
      // The first page may have been cut before the socket went live: close that gap too.
      const from = this.store.newestId();
      if (from && this.stream.state.kind === "live") void this.catchUp(from);
    });
  }

  /** Older notifications below the bottom. */
  loadOlder(): Promise<void> {
    const oldest = this.store.oldestId();
    return this.load(oldest ? { maxId: oldest } : {});
  }

  close(): void {
    for (const c of this.cleanup.splice(0)) c();
    this.listeners.clear();
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

  private async load(page: PageParams): Promise<void> {
    const list = await this.fetch({ ...page, limit: 40 });
    if (list) {
      this.store.add(list);
      this.emit();
    }
  }

  private async fetch(page: PageParams): Promise<Notification[] | undefined> {
    try {
      const list = await this.rest.notifications(page);
      this.lastError = undefined;
      return list;
    } catch (err) {
      if (!(err instanceof RequestAbortedError)) {
        this.lastError = describeError(err);
        this.emit();
      }
      return undefined;
    }
  }

  private emit(): void {
    for (const l of [...this.listeners]) l();
  }
}
