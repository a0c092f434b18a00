// The one owner of a pane's statuses: pure state, no I/O. Newest first (the server's order,
// created_at where lists meet: see order.ts), one entry per id, bounded; deletes and edits
// reach every place a status is shown, boosts and quotes included.
import type { mastodon } from "masto";
import { compactStatus } from "./compact-status.js";
import { createdAtMs, insertionIndex } from "./order.js";
import { shareAccountsOf } from "./shared-accounts.js";
import { changedId, changedStatus, idsInside, type StatusChange } from "./status-change.js";

export type Status = mastodon.v1.Status;

/** A hole in the timeline: statuses newer than `afterId` may exist that we never fetched. */
export interface GapMarker {
  kind: "gap";
  /** Newest id known below the hole; loading resumes with min_id = afterId. */
  afterId: string;
  /** That status's created_at (ms): where the row stays if the status itself goes. */
  afterTime: number;
  loading: boolean;
}

export type TimelineItem = { kind: "status"; id: string; status: Status } | GapMarker;

export type PageDirection = "newer" | "older" | "initial";

export interface TimelineStoreOptions {
  /** Most statuses kept; the oldest are dropped beyond it (default 2000). */
  maxSize?: number;
  /**
   * Keep the server's order instead of placing by `created_at`: bookmarks and favourites are
   * listed by when they were saved, which a toot's own time says nothing about.
   */
  serverOrder?: boolean;
}

export class TimelineStore {
  private readonly maxSize: number;
  private readonly serverOrder: boolean;
  /** Newest first. */
  private statuses: Status[] = [];
  private readonly byId = new Map<string, Status>();
  /** id of a status drawn inside others (boosted, quoted) → ids of the statuses we hold that show it. */
  private readonly shownIn = new Map<string, Set<string>>();
  private gaps: GapMarker[] = [];
  private cachedItems: TimelineItem[] | undefined;
  /** Bumped on every change; views redraw when it moves. */
  version = 0;

  constructor(opts: TimelineStoreOptions = {}) {
    this.maxSize = opts.maxSize ?? 2000;
    this.serverOrder = opts.serverOrder ?? false;
  }

  get size(): number {
    return this.statuses.length;
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  get(id: string): Status | undefined {
    return this.byId.get(id);
  }

  /** Statuses and gap rows, newest first. */
  get items(): readonly TimelineItem[] {
    if (!this.cachedItems) this.cachedItems = this.buildItems();
    return this.cachedItems;
  }

  /** Statuses only, newest first. */
  get allStatuses(): readonly Status[] {
    return this.statuses;
  }

  get gapMarkers(): readonly GapMarker[] {
    return this.gaps;
  }

  newestId(): string | undefined {
    return this.statuses[0]?.id;
  }

  oldestId(): string | undefined {
    return this.statuses[this.statuses.length - 1]?.id;
  }

  /** A streamed `update`. Returns true when the status was new. */
  applyUpdate(status: Status): boolean {
    const added = this.insert(status);
    this.trim();
    this.changed();
    return added;
  }

  /** A streamed `delete` (bare id): removes the status and every boost of it. */
  applyDelete(id: string): boolean {
    return this.applyChange({ kind: "delete", id });
  }

  /** A streamed `status.update` (an edit): replaced in place, and inside every boost of it. */
  applyStatusUpdate(status: Status): boolean {
    return this.applyChange({ kind: "edit", status });
  }

  /**
   * A change from the session's status bus, applied to the status and to every status that
   * shows it (boosts, quotes). A deleted status goes with its boosts; a toot quoting it stays,
   * saying the quoted post was deleted. Returns true when anything held changed.
   */
  applyChange(change: StatusChange): boolean {
    const holders =
      change.kind === "account-hidden"
        ? this.statuses.map((s) => s.id)
        : [...(this.shownIn.get(changedId(change)) ?? [])];
    if (change.kind !== "account-hidden" && this.byId.has(changedId(change)))
      holders.push(changedId(change));
    const doomed = new Set<string>();
    let touched = false;
    for (const holder of holders) {
      const shown = this.byId.get(holder);
      if (!shown) continue;
      const next = changedStatus(shown, change);
      if (next === null) doomed.add(holder);
      else if (next !== shown) {
        this.replace(holder, next);
        touched = true;
      }
    }
    if (doomed.size > 0) {
      this.statuses = this.statuses.filter((s) => !doomed.has(s.id));
      for (const d of doomed) this.forget(d);
      touched = true;
    }
    if (touched) this.changed();
    return touched;
  }

  /** A REST page, newest first as servers send it. Returns how many statuses were new. */
  applyPage(statuses: readonly Status[], direction: PageDirection): number {
    let added = 0;
    if (direction === "older") {
      // Newest first, each under the held statuses of its own time: an older page is older
      // than all that is held, so the bottom stays the oldest (the next max_id).
      for (const s of statuses) if (this.insert(s, "below")) added++;
    } else {
      // Oldest first, so statuses of one second keep the page's (the server's) order.
      for (let i = statuses.length - 1; i >= 0; i--) if (this.insert(statuses[i]!)) added++;
    }
    // Older pages were asked for by the user scrolling down: don't drop them straight away.
    if (direction !== "older") this.trim();
    if (added > 0 || statuses.length > 0) this.changed();
    return added;
  }

  /** Marks a hole above `afterId` (newest id fetched below it). */
  insertGap(afterId: string): void {
    if (this.gaps.some((g) => g.afterId === afterId)) return;
    const at = this.byId.get(afterId);
    const afterTime = at ? createdAtMs(at) : Number.POSITIVE_INFINITY;
    this.gaps.push({ kind: "gap", afterId, afterTime, loading: false });
    this.changed();
  }

  /** Moves or removes a gap after part of it was loaded. */
  updateGap(oldAfterId: string, next: { afterId: string } | null): void {
    const gap = this.gaps.find((g) => g.afterId === oldAfterId);
    if (!gap) return;
    if (next === null) this.gaps = this.gaps.filter((g) => g !== gap);
    else {
      gap.afterId = next.afterId;
      const at = this.byId.get(next.afterId);
      if (at) gap.afterTime = createdAtMs(at);
      gap.loading = false;
    }
    this.changed();
  }

  setGapLoading(afterId: string, loading: boolean): void {
    const gap = this.gaps.find((g) => g.afterId === afterId);
    if (gap && gap.loading !== loading) {
      gap.loading = loading;
      this.changed();
    }
  }

  private insert(status: Status, ties: "above" | "below" = "above"): boolean {
    const existing = this.byId.get(status.id);
    if (existing) {
      this.replace(status.id, status);
      return false;
    }
    const at = this.serverOrder
      ? ties === "below"
        ? this.statuses.length
        : 0
      : insertionIndex(this.statuses, status, ties);
    this.statuses.splice(at, 0, status);
    this.remember(status);
    return true;
  }

  private replace(id: string, status: Status): void {
    const idx = this.statuses.findIndex((s) => s.id === id);
    if (idx < 0) return;
    const old = this.statuses[idx];
    if (old) this.forget(old.id);
    this.statuses[idx] = status;
    this.remember(status);
  }

  private remember(status: Status): void {
    compactStatus(status);
    shareAccountsOf(status);
    this.byId.set(status.id, status);
    for (const inside of idsInside(status)) {
      const set = this.shownIn.get(inside) ?? new Set<string>();
      set.add(status.id);
      this.shownIn.set(inside, set);
    }
  }

  private forget(id: string): void {
    const status = this.byId.get(id);
    this.byId.delete(id);
    for (const inside of status ? idsInside(status) : []) {
      const set = this.shownIn.get(inside);
      set?.delete(id);
      if (set?.size === 0) this.shownIn.delete(inside);
    }
  }

  private trim(): void {
    if (this.statuses.length <= this.maxSize) return;
    for (const s of this.statuses.splice(this.maxSize)) this.forget(s.id);
    const oldest = this.statuses[this.statuses.length - 1];
    // A gap below everything we still hold leads nowhere visible.
    if (oldest) {
      const t = createdAtMs(oldest);
      this.gaps = this.gaps.filter((g) => this.byId.has(g.afterId) || g.afterTime >= t);
    }
  }

  private buildItems(): TimelineItem[] {
    const out: TimelineItem[] = [];
    // A gap sits immediately above its afterId; one whose status is gone, by its time.
    const byStatus = new Map<string, GapMarker>();
    const loose: GapMarker[] = [];
    for (const g of this.gaps) {
      if (this.byId.has(g.afterId)) byStatus.set(g.afterId, g);
      else loose.push(g);
    }
    loose.sort((a, b) => b.afterTime - a.afterTime);
    let g = 0;
    for (const s of this.statuses) {
      const t = createdAtMs(s);
      while (g < loose.length && loose[g]!.afterTime >= t) out.push(loose[g++]!);
      const gap = byStatus.get(s.id);
      if (gap) out.push(gap);
      out.push({ kind: "status", id: s.id, status: s });
    }
    while (g < loose.length) out.push(loose[g++]!);
    return out;
  }

  private changed(): void {
    this.version++;
    this.cachedItems = undefined;
  }
}
