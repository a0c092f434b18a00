// The one road status changes travel on, owned by the session: streamed edits and deletes,
// the user's own actions and votes. Feeds, notifications, open views and quoting toots listen
// and apply what they hold; nobody passes a change on.
import type { StreamEvent } from "../api/stream.js";
import type { StatusChange } from "./status-change.js";

export type { StatusChange } from "./status-change.js";

/** What a listener needs: feeds and views take only this. */
export interface StatusChanges {
  subscribe(listener: (change: StatusChange) => void): () => void;
}

/** How many recent stream changes are remembered to drop their copies. */
const RECENT = 512;

export class StatusBus implements StatusChanges {
  private readonly listeners = new Set<(change: StatusChange) => void>();
  private readonly recent = new Set<string>();

  subscribe(listener: (change: StatusChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  publish(change: StatusChange): void {
    for (const l of [...this.listeners]) l(change);
  }

  /**
   * A `delete` or `status.update` frame. The server sends one per subscribed stream that
   * carries the status (user, public:local and public for one local toot): the copies are
   * dropped, so each change is applied once wherever it is shown.
   */
  fromStream(ev: StreamEvent): void {
    if (ev.kind === "delete") {
      if (this.seen(`d\u0000${ev.id}`)) return;
      this.publish({ kind: "delete", id: ev.id });
    } else if (ev.kind === "status.update") {
      const at = ev.status.editedAt;
      // Without an edit time two versions cannot be told apart: apply every copy.
      if (typeof at === "string" && this.seen(`e\u0000${ev.status.id}\u0000${at}`)) return;
      this.publish({ kind: "edit", status: ev.status });
    }
  }

  private seen(key: string): boolean {
    if (this.recent.has(key)) return true;
    this.recent.add(key);
    if (this.recent.size > RECENT) {
      const oldest = this.recent.values().next().value;
      if (oldest !== undefined) this.recent.delete(oldest);
    }
    return false;
  }
}
