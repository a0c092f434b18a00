// Notifications: fed by `notification` events on the `user` stream and by /api/v1/notifications.
// Same rules as timelines: one entry per id, newest first, bounded; edits/deletes of the
// status a notification points at are applied to it.
import type { mastodon } from "masto";
import { createdAtMs } from "./order.js";
import { changedStatus, type StatusChange } from "./status-change.js";

export type Notification = mastodon.v1.Notification;

export class NotificationStore {
  private list: Notification[] = [];
  private readonly ids = new Set<string>();
  version = 0;

  constructor(private readonly maxSize = 500) {}

  get items(): readonly Notification[] {
    return this.list;
  }

  newestId(): string | undefined {
    return this.list[0]?.id;
  }

  oldestId(): string | undefined {
    return this.list[this.list.length - 1]?.id;
  }

  /** Returns how many were new. */
  add(notifications: readonly Notification[]): number {
    let added = 0;
    for (const n of notifications) {
      if (this.ids.has(n.id)) {
        this.list = this.list.map((x) => (x.id === n.id ? n : x));
        continue;
      }
      this.ids.add(n.id);
      this.list.push(n);
      added++;
    }
    // Newest first by created_at: ids are opaque (Hollo's `time/type/uuid` differ in length by
    // type). The sort is stable, so notifications of one moment keep the server's order.
    this.list.sort((a, b) => createdAtMs(b) - createdAtMs(a));
    for (const dropped of this.list.splice(this.maxSize)) this.ids.delete(dropped.id);
    this.version++;
    return added;
  }

  /** Removes these notifications (dismissed); true if any was held. */
  remove(ids: ReadonlySet<string>): boolean {
    const before = this.list.length;
    this.list = this.list.filter((n) => !ids.has(n.id));
    for (const id of ids) this.ids.delete(id);
    if (this.list.length === before) return false;
    this.version++;
    return true;
  }

  /**
   * A change from the session's status bus. A deleted status takes the notifications about it
   * (favourites, mentions…) with it; an edited one, or one quoting it, is replaced in them.
   */
  applyChange(change: StatusChange): boolean {
    let touched = false;
    const kept: Notification[] = [];
    for (const n of this.list) {
      if (change.kind === "account-hidden" && n.account?.id === change.accountId) {
        this.ids.delete(n.id);
        touched = true;
        continue;
      }
      const status = (n as { status?: mastodon.v1.Status | null }).status;
      const next = status && typeof status === "object" ? changedStatus(status, change) : status;
      if (next === status) kept.push(n);
      else if (next === null) {
        this.ids.delete(n.id);
        touched = true;
      } else {
        kept.push({ ...n, status: next } as Notification);
        touched = true;
      }
    }
    if (touched) {
      this.list = kept;
      this.version++;
    }
    return touched;
  }
}
