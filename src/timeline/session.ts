// One signed-in account: the REST client, the one streaming socket, and the feeds on them.
import type { mastodon } from "masto";
import type { Clock } from "../api/clock.js";
import { systemClock } from "../api/clock.js";
import {
  createRestClient,
  type InstanceInfo,
  type RestClient,
  type TimelineKind,
} from "../api/rest.js";
import { StreamManager } from "../api/stream.js";
import type { SocketFactory } from "../api/ws-socket.js";
import { TimelineFeed, type TimelineFeedOptions } from "./feed.js";
import { prefetchFirstPages } from "./first-pages.js";
import { NotificationFeed } from "./notifications-feed.js";
import { feedPageFetcher } from "./open-feed.js";
import type { FeedFacts } from "./pane-state.js";
import type { TimelineSpec } from "./timeline-spec.js";

export interface SessionOptions {
  instanceUrl: string;
  accessToken: string;
  clock?: Clock;
  /** Replaces the `ws` transport (tests). */
  socketFactory?: SocketFactory;
  random?: () => number;
  timeoutMs?: number;
  watchdogMs?: number;
  /** Overrides of feed timing (tests scale polling down). */
  feed?: Partial<
    Pick<TimelineFeedOptions, "pageLimit" | "maxGapPages" | "pollMinMs" | "pollMaxMs" | "storeSize">
  >;
  /** Timelines whose first page is asked for alongside instance and credentials (the panes). */
  prefetch?: readonly TimelineKind[];
}

export interface Session {
  readonly rest: RestClient;
  readonly stream: StreamManager;
  readonly instance: InstanceInfo;
  readonly account: mastodon.v1.Account;
  readonly notifications: NotificationFeed;
  /** The feed of one timeline, created and started on first use (same object afterwards). */
  feed(kind: TimelineKind): TimelineFeed;
  /**
   * A new, started feed of any timeline, for a pane of its own (its own buffer size). Closing
   * it unsubscribes its stream; the session stops sharing deletes and edits with it.
   */
  openFeed(spec: TimelineSpec, opts?: { storeSize?: number }): TimelineFeed;
  /** Every feed open now, the notifications included: the status line's state comes from their facts. */
  openFeeds(): readonly { facts(): FeedFacts }[];
  /** Applies a delete or edit (e.g. the user's own) to every open feed and the notifications. */
  shareStatusChange(
    ev: { kind: "delete"; id: string } | { kind: "edit"; status: mastodon.v1.Status },
  ): void;
  /** Current filters (v2); refetched when the server says `filters_changed`. */
  readonly filters: readonly mastodon.v2.Filter[];
  onFiltersChanged(listener: (filters: readonly mastodon.v2.Filter[]) => void): () => void;
  close(): void;
}

/**
 * Fetches instance and credentials in parallel, then opens the stream. Rejects with
 * NetworkError (host unreachable) or UnauthorizedError (token refused) for the CLI to report.
 */
export async function openSession(opts: SessionOptions): Promise<Session> {
  const clock = opts.clock ?? systemClock;
  const direct = createRestClient({
    instanceUrl: opts.instanceUrl,
    accessToken: opts.accessToken,
    clock,
    timeoutMs: opts.timeoutMs,
    random: opts.random,
  });
  // The panes' first pages travel with instance + credentials: first toots one round trip sooner.
  const rest = opts.prefetch?.length
    ? prefetchFirstPages(direct, opts.prefetch, opts.feed?.pageLimit ?? 40, clock)
    : direct;
  let instance: InstanceInfo;
  let account: mastodon.v1.Account;
  try {
    [instance, account] = await Promise.all([rest.instance(), rest.verifyCredentials()]);
  } catch (err) {
    rest.close();
    throw err;
  }
  const stream = new StreamManager({
    streamingUrl: instance.streamingUrl,
    accessToken: opts.accessToken,
    clock,
    socketFactory: opts.socketFactory,
    watchdogMs: opts.watchdogMs,
    random: opts.random,
  });

  const feeds = new Map<TimelineKind, TimelineFeed>();
  /** Feeds opened for panes by openFeed (any timeline, closed with their pane). */
  const paneFeeds = new Set<TimelineFeed>();
  const notifications = new NotificationFeed(rest, stream);
  let filters: readonly mastodon.v2.Filter[] = [];
  const filterListeners = new Set<(f: readonly mastodon.v2.Filter[]) => void>();

  const share = (
    ev: { kind: "delete"; id: string } | { kind: "edit"; status: mastodon.v1.Status },
  ) => {
    // A delete or edit seen on one stream applies to every pane that shows the status.
    for (const f of feeds.values()) f.applySharedEvent(ev);
    for (const f of paneFeeds) {
      if (f.isClosed) paneFeeds.delete(f);
      else f.applySharedEvent(ev);
    }
    if (ev.kind === "delete") notifications.store.applyStatusDelete(ev.id);
    else notifications.store.applyStatusUpdate(ev.status);
  };

  const refetchFilters = async () => {
    try {
      filters = await rest.filters();
      for (const l of [...filterListeners]) l(filters);
    } catch {
      // The filters in force stay as they were (never none by mistake); the next
      // filters_changed asks again. A filters failure says nothing about a pane's state.
    }
  };

  const unsubscribeUser = stream.subscribe({ stream: "user" }, (ev) => {
    if (ev.kind === "filters_changed") void refetchFilters();
  });
  stream.start();
  void notifications.start();
  void refetchFilters();

  return {
    rest,
    stream,
    instance,
    account,
    notifications,
    get filters() {
      return filters;
    },
    feed(kind) {
      let f = feeds.get(kind);
      if (!f) {
        f = new TimelineFeed(kind, {
          rest,
          stream,
          clock,
          random: opts.random,
          ...opts.feed,
          onSharedEvent: share,
        });
        feeds.set(kind, f);
        void f.start();
      }
      return f;
    },
    shareStatusChange: share,
    openFeeds() {
      return [...feeds.values(), ...[...paneFeeds].filter((f) => !f.isClosed), notifications];
    },
    openFeed(spec, feedOpts) {
      const f = new TimelineFeed(spec, {
        rest,
        stream,
        clock,
        random: opts.random,
        ...opts.feed,
        ...(feedOpts?.storeSize !== undefined ? { storeSize: feedOpts.storeSize } : {}),
        fetchPage: feedPageFetcher(rest, spec),
        onSharedEvent: share,
      });
      paneFeeds.add(f);
      void f.start();
      return f;
    },
    onFiltersChanged(listener) {
      filterListeners.add(listener);
      return () => filterListeners.delete(listener);
    },
    close() {
      unsubscribeUser();
      for (const f of feeds.values()) f.close();
      for (const f of paneFeeds) f.close();
      notifications.close();
      stream.close();
      rest.close();
      filterListeners.clear();
    },
  };
}
