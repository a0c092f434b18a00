// One pane's timeline (home, local, federated, a hashtag, a list, direct): the first page over REST, live events from the stream, gap-fill over REST
// after every reconnect, slow polling while the socket is down, and a state for the pane title.

import { backoffDelay, jitteredBetween } from "../api/backoff.js";
import type { Clock, TimerHandle } from "../api/clock.js";
import {
  describeError,
  NotSupportedError,
  ProblemError,
  RequestAbortedError,
  UnauthorizedError,
} from "../api/errors.js";
import {
  type PageParams,
  type RestState,
  regeneratingPage,
  type TimelineKind,
} from "../api/rest.js";
import type { ConnectionState, StreamListener, Subscription } from "../api/stream.js";
import { tl } from "../i18n/index.js";
import { FIRST_PAGE_LIMIT } from "./first-pages.js";
import { walkHole } from "./hole-walk.js";
import {
  connectionFactsOf,
  derivePaneState,
  type FeedFacts,
  type PaneState,
  problemOf,
} from "./pane-state.js";
import { pageChanges } from "./poll-reconcile.js";
import type { StatusChange, StatusChanges } from "./status-bus.js";
import { type GapMarker, type Status, TimelineStore } from "./store.js";
import { isSavedList, isTimelineKind, subscriptionOf, type TimelineSpec } from "./timeline-spec.js";

/**
 * A page as a fetcher gives it: the statuses (paged by their ids: max_id is the oldest held),
 * or the statuses with the cursor of the page below them, from the `Link` header (bookmarks and
 * favourites, whose cursors are not status ids); no `older` there means nothing older.
 */
export type FeedPage = Status[] | { statuses: Status[]; older?: PageParams };

/** The part of RestClient a feed uses. */
export interface FeedRest {
  timeline(kind: TimelineKind, page?: PageParams): Promise<Status[]>;
  readonly state: RestState;
  onStateChange(listener: (s: RestState) => void): () => void;
}

/** The part of StreamManager a feed uses. */
export interface FeedStream {
  readonly state: ConnectionState;
  subscribe(sub: Subscription, listener: StreamListener): () => void;
  onStateChange(listener: (s: ConnectionState) => void): () => void;
  onLive(listener: (reconnect: boolean) => void): () => void;
}

export interface TimelineFeedOptions {
  rest: FeedRest;
  stream: FeedStream;
  clock: Clock;
  random?: () => number;
  /** Statuses per REST page (Mastodon's max is 40). */
  pageLimit?: number;
  /** Statuses in the first page (default FIRST_PAGE_LIMIT, first-pages.ts). */
  firstPageLimit?: number;
  /** Forward pages fetched before giving up and showing a "load more" gap row (default 5). */
  maxGapPages?: number;
  pollMinMs?: number;
  pollMaxMs?: number;
  storeSize?: number;
  /**
   * Fetches one page of this timeline. Required for tag:, list: and direct (see
   * src/api/timelines.ts); home, local and federated default to `rest.timeline`.
   */
  fetchPage?: (page: PageParams) => Promise<FeedPage>;
  /**
   * The session's status bus: edits, deletes and actions, wherever they were seen, applied to
   * this feed's statuses. This feed's own stream brings only new statuses (its `delete` and
   * `status.update` frames reach the bus through the session, once).
   */
  changes: StatusChanges;
  /** Puts a change on the session's bus (an edit polling found, for every place showing it). */
  publish?: (change: StatusChange) => void;
  /**
   * Every how many polls the newest page is asked again for the edits and deletes of what the
   * feed holds (poll-reconcile.ts; default 1: each poll). 0: never.
   */
  reconcileEvery?: number;
  /** Runs once when the feed is closed (the session stops watching its stream). */
  onClose?: () => void;
}

export class TimelineFeed {
  readonly store: TimelineStore;
  /** One-line description of the last failure, for the status bar; undefined when all is well. */
  lastError: string | undefined;
  /** REST requests this feed made while polling (for tests and diagnostics). */
  pollCount = 0;
  private readonly opts: Required<
    Omit<TimelineFeedOptions, "changes" | "publish" | "onClose" | "random" | "fetchPage">
  > & {
    random: () => number;
    fetchPage: (page: PageParams) => Promise<FeedPage>;
  };
  private readonly listeners = new Set<() => void>();
  private readonly cleanup: Array<() => void> = [];
  private loaded = false;
  private endReached = false;
  /**
   * Set once a page came with a Link cursor: older pages then follow it (`undefined` after
   * a page with no `next`: the end), and a refresh asks for the first page again.
   */
  private cursor: { older?: PageParams } | undefined;
  /** No stream carries this timeline (subscriptionOf): it is as fresh as its last page. */
  private readonly unstreamed: boolean;
  /** Newest id up to which we know the timeline is complete, recorded when the socket dropped. */
  private frontier: string | undefined;
  private chain: Promise<unknown> = Promise.resolve();
  private pollTimer: TimerHandle | undefined;
  private repairTimer: TimerHandle | undefined;
  private repairAttempt = 0;
  private repairFrom: string | undefined;
  private polledOk = false;
  private lastRest: FeedFacts["lastRest"];
  private lastFailure: unknown;
  private subscriptionRefused: string | undefined;
  private closed = false;
  /** The server has not got this timeline (NotSupportedError): nothing more is asked of it. */
  private unsupported = false;
  /** Home answered 206 (the feed is being regenerated): asked again at nextTryAt. */
  private regenerating: { nextTryAt: number } | undefined;
  private regenTimer: TimerHandle | undefined;
  private regenAttempt = 0;
  /** The state listeners last heard about. */
  private currentState: PaneState = { kind: "waiting" };

  constructor(
    readonly kind: TimelineSpec,
    private readonly deps: TimelineFeedOptions,
  ) {
    const fetchPage =
      deps.fetchPage ??
      (isTimelineKind(kind) ? (page: PageParams) => deps.rest.timeline(kind, page) : undefined);
    if (!fetchPage) throw new Error(`TimelineFeed: ${kind} needs a fetchPage`);
    this.opts = {
      fetchPage,
      rest: deps.rest,
      stream: deps.stream,
      clock: deps.clock,
      random: deps.random ?? Math.random,
      pageLimit: deps.pageLimit ?? 40,
      firstPageLimit: deps.firstPageLimit ?? FIRST_PAGE_LIMIT,
      maxGapPages: deps.maxGapPages ?? 5,
      pollMinMs: deps.pollMinMs ?? 20_000,
      pollMaxMs: deps.pollMaxMs ?? 40_000,
      storeSize: deps.storeSize ?? 2000,
      reconcileEvery: deps.reconcileEvery ?? 1,
    };
    this.unstreamed = subscriptionOf(kind) === undefined;
    this.store = new TimelineStore({
      maxSize: this.opts.storeSize,
      serverOrder: isSavedList(kind),
    });
  }

  /** Derived afresh on every read, so it can never lag behind the facts. */
  get state(): PaneState {
    const { stream, rest } = this.opts;
    return derivePaneState(connectionFactsOf(stream.state, rest.state), this.facts());
  }

  /** What is true of this feed, for pane-state.ts to put into words. */
  facts(): FeedFacts {
    return {
      loaded: this.loaded,
      empty: this.store.size === 0,
      polled: this.polledOk,
      ...(this.unstreamed ? { unstreamed: true } : {}),
      ...(this.lastRest ? { lastRest: this.lastRest } : {}),
      ...(this.subscriptionRefused ? { subscriptionRefused: this.subscriptionRefused } : {}),
      ...(this.regenerating ? { regenerating: this.regenerating } : {}),
    };
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Subscribes to the stream and loads the first page. Resolves when the first page is in. */
  start(): Promise<void> {
    const { stream, rest } = this.opts;
    const sub = subscriptionOf(this.kind);
    this.cleanup.push(
      rest.onStateChange(() => this.recomputeState()),
      this.deps.changes.subscribe((change) => {
        if (this.store.applyChange(change)) this.emit();
      }),
    );
    if (!sub) {
      // Nothing streams here: no gap to fill after a reconnect, no polling in its place; the
      // title says so and R refreshes. Edits and deletes still come on the bus.
      this.cleanup.push(stream.onStateChange(() => this.recomputeState()));
      return this.background(() => this.loadInitial());
    }
    this.cleanup.push(
      stream.subscribe(sub, (ev) => this.onStreamEvent(ev)),
      stream.onStateChange((s) => this.onConnectionChange(s)),
      stream.onLive(() => {
        // Snapshot now, before any frame of the new socket is applied: the catch-up must start
        // from what we held before the drop, or the statuses in between are lost.
        const from = this.frontier ?? this.store.newestId();
        this.frontier = undefined;
        this.repairAttempt = 0;
        if (this.loaded && from !== undefined) void this.background(() => this.repair(from));
      }),
    );
    this.onConnectionChange(stream.state);
    return this.background(async () => {
      await this.loadInitial();
      if (!this.loaded) this.scheduleRepair(undefined);
    });
  }

  /**
   * Fetches what is newer than the newest status held (R): the same catch-up as after a
   * reconnect, for a user who doubts the stream. Resolves when it is done; rejects with the
   * reason when the server could not be asked (after the queue's own retries).
   */
  refresh(): Promise<void> {
    return this.enqueue(async () => {
      // Link-paged lists are not ordered by status ids: min_id means nothing there.
      if (this.cursor) await this.loadFirstAgain();
      else await this.repair(this.store.newestId());
      if (this.lastRest?.ok === false)
        throw new ProblemError("error.couldNotRefresh", { why: describeError(this.lastFailure) });
    }).then(() => {});
  }

  /** True once the server answered an older page with nothing new: there is no more to page. */
  get reachedEnd(): boolean {
    return this.endReached;
  }

  /**
   * Older statuses below the bottom (max_id). Returns how many were new. Once a page brings
   * nothing new the timeline has ended and later calls ask nothing: paging is limited to 300
   * requests per 15 minutes (API-NOTES.md), and every key at the bottom would spend one.
   */
  loadOlder(): Promise<number> {
    if (this.endReached) return Promise.resolve(0);
    return this.enqueue(async () => {
      if (this.endReached) return 0;
      if (this.cursor && !this.cursor.older) {
        this.endReached = true;
        return 0;
      }
      const oldest = this.store.oldestId();
      const page = await this.fetch(this.cursor?.older ?? (oldest ? { maxId: oldest } : {}));
      if (!page) return 0;
      if (this.cursor) this.cursor = page.older ? { older: page.older } : {};
      const added = this.store.applyPage(page.statuses, "older");
      if (added === 0 || (this.cursor && !this.cursor.older)) this.endReached = true;
      this.emit();
      return added;
    }).then((n) => (typeof n === "number" ? n : 0));
  }

  /** Expands a "gap — load more" row: up to maxGapPages more pages of the hole it marks. */
  loadGap(afterId?: string): Promise<void> {
    return this.enqueue(async () => {
      const gap = this.store.gapMarkers.find((g) => afterId === undefined || g.afterId === afterId);
      if (!gap) return;
      const start = gap.afterId;
      this.store.setGapLoading(start, true);
      this.emit();
      const result = await this.fillHole(start, this.heldAbove(gap));
      if (result === undefined) this.store.setGapLoading(start, false);
      else this.store.updateGap(start, result.closed ? null : { afterId: result.lower });
      this.emit();
    });
  }

  /** The status held just above a gap row: the hole's upper side. */
  private heldAbove(gap: GapMarker): string | undefined {
    const items = this.store.items;
    const at = items.indexOf(gap);
    const above = at > 0 ? items[at - 1] : undefined;
    return above?.kind === "status" ? above.id : undefined;
  }

  /** True once closed: its stream subscription is gone and it fetches nothing more. */
  get isClosed(): boolean {
    return this.closed;
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.stopPolling();
    if (this.regenTimer !== undefined) this.opts.clock.clearTimeout(this.regenTimer);
    if (this.repairTimer !== undefined) this.opts.clock.clearTimeout(this.repairTimer);
    for (const c of this.cleanup.splice(0)) c();
    this.listeners.clear();
    this.deps.onClose?.();
  }

  // --- stream -----------------------------------------------------------------------------

  private onStreamEvent(ev: Parameters<StreamListener>[0]): void {
    switch (ev.kind) {
      case "update":
        this.store.applyUpdate(ev.status);
        break;
      case "error":
        this.lastError = tl("error.streamRefused", {
          stream: subscriptionOf(this.kind)?.stream ?? this.kind,
          reason: ev.error,
        });
        this.subscriptionRefused = ev.error;
        this.recomputeState();
        break;
      case "opened":
        // This stream's own connection opened after the live catch-up: what came in between
        // was heard by no one (stream-forms.ts, one connection per stream).
        if (this.loaded) void this.background(() => this.repair(this.store.newestId()));
        return;
      case "conversation":
        // The `direct` stream: the parser guarantees last_status with a plausible id.
        if (!ev.conversation.lastStatus) return;
        this.store.applyUpdate(ev.conversation.lastStatus);
        break;
      default:
        return;
    }
    this.emit();
  }

  private onConnectionChange(s: ConnectionState): void {
    // A new socket subscribes afresh: an old refusal says nothing about it.
    if (s.kind === "connecting") this.subscriptionRefused = undefined;
    if (s.kind === "live" || s.kind === "rejected" || s.kind === "closed") {
      this.stopPolling();
      this.polledOk = false;
    } else {
      if (this.repairTimer !== undefined) {
        // A failed catch-up was waiting to retry: its start point is the true hole.
        this.opts.clock.clearTimeout(this.repairTimer);
        this.repairTimer = undefined;
        if (this.frontier === undefined) this.frontier = this.repairFrom;
      }
      if (this.frontier === undefined) this.frontier = this.store.newestId();
      this.startPolling();
    }
    this.recomputeState();
  }

  // --- polling while the socket is down ---------------------------------------------------

  private startPolling(): void {
    if (this.pollTimer !== undefined || this.closed || this.unsupported) return;
    const delay = jitteredBetween(this.opts.pollMinMs, this.opts.pollMaxMs, this.opts.random);
    this.pollTimer = this.opts.clock.setTimeout(() => {
      this.pollTimer = undefined;
      void this.background(() => this.poll()).finally(() => {
        const s = this.opts.stream.state.kind;
        if (s !== "live" && s !== "rejected" && s !== "closed") this.startPolling();
      });
    }, delay);
  }

  private stopPolling(): void {
    if (this.pollTimer !== undefined) this.opts.clock.clearTimeout(this.pollTimer);
    this.pollTimer = undefined;
  }

  /**
   * Catch-up while the socket is live; if REST fails (503 pages, timeouts) it is retried later
   * from the same point, so a status published during the outage still arrives.
   */
  private async repair(from: string | undefined): Promise<void> {
    if (!this.loaded || from === undefined) {
      await this.loadInitial();
      if (!this.loaded) this.scheduleRepair(undefined);
      return;
    }
    const reached = await this.catchUp(from);
    if (reached === undefined) this.scheduleRepair(from);
  }

  private scheduleRepair(from: string | undefined): void {
    if (this.closed || this.unsupported || this.repairTimer !== undefined) return;
    if (this.opts.stream.state.kind !== "live") {
      // Polling takes over while the socket is down; remember where the hole starts.
      if (from !== undefined && this.frontier === undefined) this.frontier = from;
      return;
    }
    const delay = backoffDelay(this.repairAttempt++, {
      initialMs: 5_000,
      maxMs: 60_000,
      random: this.opts.random,
    });
    this.repairFrom = from;
    this.repairTimer = this.opts.clock.setTimeout(() => {
      this.repairTimer = undefined;
      void this.background(() => this.repair(from));
    }, delay);
  }

  private async poll(): Promise<void> {
    if (this.opts.stream.state.kind === "live") return;
    this.pollCount++;
    if (!this.loaded) return this.loadInitial();
    const from = this.frontier ?? this.store.newestId();
    if (from === undefined) return this.loadInitial();
    const reached = await this.catchUp(from);
    if (reached !== undefined) {
      this.frontier = reached;
      this.polledOk = true;
      const every = this.opts.reconcileEvery;
      if (
        this.opts.stream.state.kind === "unavailable" &&
        every > 0 &&
        this.pollCount % every === 0
      )
        await this.reconcile();
    }
  }

  /**
   * With no stream at all, edits and deletes reach tootty only by asking: the newest page
   * again (one request, as big as a poll's page), read against what is held (poll-reconcile.ts).
   * An edit goes on the session's bus, for every place that shows the toot; a toot gone from
   * the page's span leaves this timeline (it may only have left it, as an unfollowed author's).
   */
  private async reconcile(): Promise<void> {
    const askedWith = new Set(this.store.allStatuses.map((s) => s.id));
    const page = await this.fetch({});
    if (!page) return;
    let changed = false;
    for (const change of pageChanges(this.store.items, page.statuses, askedWith)) {
      if (change.kind === "edit" && this.deps.publish) this.deps.publish(change);
      else changed = this.store.applyChange(change) || changed;
    }
    if (changed) this.emit();
  }

  // --- REST -------------------------------------------------------------------------------

  private async loadInitial(): Promise<void> {
    const page = await this.fetch({}, this.opts.firstPageLimit);
    if (!page) return;
    if (page.linked) this.cursor = page.older ? { older: page.older } : {};
    this.store.applyPage(page.statuses, "initial");
    this.loaded = true;
    this.emit();
  }

  /** A Link-paged list's refresh: its first page again, anything new in it goes on top. */
  private async loadFirstAgain(): Promise<void> {
    if (!this.loaded) return this.loadInitial();
    const page = await this.fetch({});
    if (!page) return;
    this.store.applyPage(page.statuses, "newer");
    this.emit();
  }

  /**
   * Fills from `from` up to now (at most maxGapPages pages); if the hole is still open, leaves
   * a gap row and makes sure the newest page is held. Returns the id the timeline is now
   * complete up to, or undefined on failure.
   */
  private async catchUp(from: string): Promise<string | undefined> {
    const result = await this.fillHole(from, undefined);
    if (!result) return undefined;
    if (result.closed) {
      this.emit();
      return result.upper;
    }
    this.store.insertGap(result.lower);
    if (result.reachedTop) {
      this.emit();
      return this.store.newestId() ?? result.lower;
    }
    const latest = await this.fetch({});
    if (latest) {
      // The newest page may reach down to what these forward pages brought: then there is no
      // hole after all (told by the statuses themselves, never by comparing ids).
      this.store.applyPage(latest.statuses, "newer");
      if (latest.statuses.some((s) => result.fetched.has(s.id)))
        this.store.updateGap(result.lower, null);
    }
    this.emit();
    return latest ? (latest.statuses[0]?.id ?? result.lower) : undefined;
  }

  /**
   * Loads the statuses between `from` (held) and `to` (held; undefined: up to now), by
   * `walkHole` (hole-walk.ts: Mastodon pages min_id from the cursor, Hollo before 0.9.0 from
   * the newest end).
   */
  private async fillHole(
    from: string,
    to: string | undefined,
  ): Promise<
    | { closed: boolean; lower: string; upper: string; reachedTop: boolean; fetched: Set<string> }
    | undefined
  > {
    const fetched = new Set<string>([from]);
    const end = await walkHole(
      from,
      to,
      async (lower, upper) => {
        const page = await this.fetchBetween(lower, upper, fetched);
        return page && { items: page };
      },
      { pageLimit: this.opts.pageLimit, maxPages: this.opts.maxGapPages },
    );
    if (!end) return undefined;
    return {
      closed: end.closed,
      lower: end.lower,
      upper:
        end.order === "from-above" || end.upper === undefined
          ? (this.store.newestId() ?? end.lower)
          : end.upper,
      reachedTop: to !== undefined || end.order === "from-above",
      fetched,
    };
  }

  private async fetchBetween(
    lower: string,
    upper: string | undefined,
    fetched: Set<string>,
  ): Promise<Status[] | undefined> {
    const answer = await this.fetch(
      upper === undefined ? { minId: lower } : { minId: lower, maxId: upper },
    );
    if (!answer) return undefined;
    const page = answer.statuses;
    // A page under a held status goes below the statuses of its own second there (servers
    // give created_at to the second, or to the millisecond, and many toots share one).
    this.store.applyPage(page, upper === undefined ? "newer" : "older");
    for (const s of page) fetched.add(s.id);
    return page;
  }

  /** One timeline request; failures become pane state and a status-bar line, never a throw. */
  private async fetch(
    page: PageParams,
    limit = this.opts.pageLimit,
  ): Promise<{ statuses: Status[]; older?: PageParams; linked: boolean } | undefined> {
    try {
      const answer = await this.opts.fetchPage({ ...page, limit });
      this.noteRegenerating(regeneratingPage(Array.isArray(answer) ? answer : answer.statuses));
      this.lastRest = { ok: true };
      this.lastFailure = undefined;
      this.lastError = undefined;
      this.recomputeState();
      return Array.isArray(answer)
        ? { statuses: answer, linked: false }
        : { ...answer, linked: true };
    } catch (err) {
      if (err instanceof RequestAbortedError || this.closed) return undefined;
      this.noteFailure(err, false);
      if (err instanceof UnauthorizedError) this.stopPolling();
      if (err instanceof NotSupportedError) {
        this.unsupported = true;
        this.stopPolling();
      }
      this.recomputeState();
      this.emit();
      return undefined;
    }
  }

  /**
   * Home's 206 ("the feed is being regenerated", methods/timelines.md): the page holds what
   * the server had so far. Asked again after the wait its Mastodon-Async-Refresh names, else
   * with backoff (2 s doubling to 30 s), until a 200 says the feed is whole.
   */
  private noteRegenerating(partial: { retryMs?: number } | undefined): void {
    if (!partial) {
      if (this.regenerating) {
        this.regenerating = undefined;
        this.regenAttempt = 0;
        if (this.regenTimer !== undefined) this.opts.clock.clearTimeout(this.regenTimer);
        this.regenTimer = undefined;
      }
      return;
    }
    if (this.regenTimer !== undefined || this.closed) return;
    const delay =
      partial.retryMs ??
      backoffDelay(this.regenAttempt, {
        initialMs: 2_000,
        maxMs: 30_000,
        random: this.opts.random,
      });
    this.regenAttempt++;
    this.regenerating = { nextTryAt: this.opts.clock.now() + delay };
    this.regenTimer = this.opts.clock.setTimeout(() => {
      this.regenTimer = undefined;
      if (this.regenerating) this.regenerating = { nextTryAt: this.opts.clock.now() };
      void this.background(() => this.repair(this.store.newestId()));
    }, delay);
  }

  private noteFailure(err: unknown, announce = true): void {
    this.lastRest = { ok: false, problem: problemOf(err) };
    this.lastFailure = err;
    this.lastError = describeError(err);
    if (announce) this.emit();
  }

  /**
   * A job nobody awaits. A throw in it (a page whose shape the store did not foresee) becomes
   * the feed's failure, shown in its title, never an unhandled rejection ending the program.
   */
  private background(job: () => Promise<unknown>): Promise<void> {
    return this.enqueue(job).then(
      () => {},
      (err) => this.noteFailure(err),
    );
  }

  private enqueue<T>(job: () => Promise<T>): Promise<T | undefined> {
    const run = this.chain.then(
      () => (this.closed ? undefined : job()),
      () => (this.closed ? undefined : job()),
    );
    this.chain = run.catch(() => undefined);
    return run;
  }

  // --- state ------------------------------------------------------------------------------

  private recomputeState(): void {
    // Listeners repaint on a change of the facts the feed does not announce itself.
    const next = this.state;
    if (JSON.stringify(next) !== JSON.stringify(this.currentState)) {
      this.currentState = next;
      this.emit();
    }
  }

  private emit(): void {
    for (const l of [...this.listeners]) l();
  }
}
