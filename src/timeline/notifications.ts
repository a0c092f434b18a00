// Notifications: fed by `notification` events on the `user` stream and by /api/v1/notifications.
// Same rules as timelines: one entry per id, newest first, bounded; edits/deletes of the
// status a notification points at are applied to it.
import type { mastodon } from "masto";
import { compareIds } from "./ids.js";

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
    this.list.sort((a, b) => compareIds(b.id, a.id));
    for (const dropped of this.list.splice(this.maxSize)) this.ids.delete(dropped.id);
    this.version++;
    return added;
  }

  /** The status was deleted: notifications about it (favourites, mentions…) go too. */
  applyStatusDelete(statusId: string): boolean {
    const before = this.list.length;
    this.list = this.list.filter((n) => {
      const keep = (n as { status?: { id?: string } | null }).status?.id !== statusId;
      if (!keep) this.ids.delete(n.id);
      return keep;
    });
    if (this.list.length === before) return false;
    this.version++;
    return true;
  }

  applyStatusUpdate(status: mastodon.v1.Status): boolean {
    let touched = false;
    this.list = this.list.map((n) => {
      if ((n as { status?: { id?: string } | null }).status?.id !== status.id) return n;
      touched = true;
      return { ...n, status } as Notification;
    });
    if (touched) this.version++;
    return touched;
  }
}
