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

  /**
   * Returns how many were new. `at` is where the page belongs among what is held: on top (the
   * newest page, a live one), at the bottom (an older page) or just below a held notification
   * (a page of a gap). Many notifications share an instant, and the sort below is stable.
   */
  add(
    notifications: readonly Notification[],
    at: "top" | "bottom" | { below: string } = "top",
  ): number {
    const fresh: Notification[] = [];
    for (const n of notifications) {
      if (this.ids.has(n.id)) {
        // Held already, or earlier on this page (Sharkey lists a favourite twice under one id):
        // the later one replaces it in place.
        const i = fresh.findIndex((x) => x.id === n.id);
        if (i >= 0) fresh[i] = n;
        else this.list = this.list.map((x) => (x.id === n.id ? n : x));
        continue;
      }
      this.ids.add(n.id);
      fresh.push(n);
    }
    const index =
      at === "top"
        ? 0
        : at === "bottom"
          ? this.list.length
          : this.list.findIndex((x) => x.id === at.below) + 1;
    this.list.splice(index, 0, ...fresh);
    const added = fresh.length;
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
