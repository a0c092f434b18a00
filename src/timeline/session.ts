// One signed-in account: the REST client, the one streaming socket, and the feeds on them.
import type { mastodon } from "masto";
import type { Clock } from "../api/clock.js";
import { systemClock } from "../api/clock.js";
import {
  dismissGroup,
  dismissNotification,
  fetchPolicy,
  groupAccountsPage,
  groupedNotificationsPage,
  hasGroupedNotifications,
  unreadGroupCount,
} from "../api/notifications.js";
import {
  createRestClient,
  type InstanceInfo,
  type PageParams,
  type RestClient,
  type TimelineKind,
} from "../api/rest.js";
import type { ServerProfile } from "../api/server-profile.js";
import { type StreamListener, StreamManager } from "../api/stream.js";
import type { SocketFactory } from "../api/ws-socket.js";
import { TimelineFeed, type TimelineFeedOptions } from "./feed.js";
import { FIRST_PAGE_LIMIT, prefetchFirstPages } from "./first-pages.js";
import { NotificationFeed } from "./notifications-feed.js";
import { feedPageFetcher } from "./open-feed.js";
import type { FeedFacts } from "./pane-state.js";
import { StatusActions } from "./status-actions.js";
import { StatusBus } from "./status-bus.js";
import { subscriptionOf, type TimelineSpec } from "./timeline-spec.js";

export interface SessionOptions {
  instanceUrl: string;
  accessToken: string;
  clock?: Clock;
  /** Replaces the `ws` transport (tests). */
  socketFactory?: SocketFactory;
  /** Replaces the server-sent events transport (tests). */
  sseFactory?: SocketFactory;
  random?: () => number;
  timeoutMs?: number;
  watchdogMs?: number;
  /** Overrides of feed timing (tests scale polling down). */
  feed?: Partial<
    Pick<
      TimelineFeedOptions,
      "pageLimit" | "firstPageLimit" | "maxGapPages" | "pollMinMs" | "pollMaxMs" | "storeSize"
    >
  >;
  /** Timelines whose first page is asked for alongside instance and credentials (the panes). */
  prefetch?: readonly TimelineKind[];
  /** Told as each of the two answers the session waits for arrives (a start-up screen). */
  onArrived?: (what: "instance" | "account") => void;
  /** Aborting gives up opening: the requests are cancelled and openSession rejects. */
  signal?: AbortSignal;
  /**
   * The stream connects once this settles (the first frame is up: connecting loads and runs
   * the socket code, which is CPU the first paint waits for). At once when absent. Toots
   * posted meanwhile come with the gap-fill every connect does.
   */
  streamAfter?: Promise<unknown>;
}

/**
 * Requests in flight at once: instance, credentials, three first pages and the notifications
 * start together, so on a slow server every pane fills after one round trip (with 4, the
 * fifth and sixth wait for one of the first to finish: a second round trip).
 */
const OPENING_CONCURRENCY = 6;

export interface Session {
  readonly rest: RestClient;
  readonly stream: StreamManager;
  readonly instance: InstanceInfo;
  /** What this server is and has (nodeinfo, api_versions, limits, endpoints seen missing). */
  readonly profile: ServerProfile;
  readonly account: mastodon.v1.Account;
  readonly notifications: NotificationFeed;
  /** The feed of one timeline, created and started on first use (same object afterwards). */
  feed(kind: TimelineKind): TimelineFeed;
  /**
   * A new, started feed of any timeline, for a pane or a view of its own (its own buffer
   * size). Closing it unsubscribes its stream and its status changes.
   */
  openFeed(spec: TimelineSpec, opts?: { storeSize?: number }): TimelineFeed;
  /** Every feed open now, the notifications included: the status line's state comes from their facts. */
  openFeeds(): readonly { facts(): FeedFacts }[];
  /**
   * The one road for status changes: every stream's edits and deletes (once each), the user's
   * actions. Feeds, notifications and open views subscribe; publish a change to show it everywhere.
   */
  readonly statusChanges: StatusBus;
  /** Favourite, boost, bookmark, pin and delete: shown at once, rolled back if refused. */
  readonly actions: StatusActions;
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
    concurrency: OPENING_CONCURRENCY,
  });
  // Instance and credentials are asked first (the queue serves in order: asked after the
  // pages, the credentials waited a round trip for a free slot), then the panes' first pages
  // travel alongside them: first toots one round trip sooner.
  const arrived = <T>(what: "instance" | "account", p: Promise<T>) =>
    p.then((value) => {
      opts.onArrived?.(what);
      return value;
    });
  const both = Promise.all([
    arrived("instance", direct.instance()),
    arrived("account", direct.verifyCredentials()),
  ]);
  const rest = opts.prefetch?.length
    ? prefetchFirstPages(
        direct,
        opts.prefetch,
        opts.feed?.firstPageLimit ?? FIRST_PAGE_LIMIT,
        clock,
      )
    : direct;
  // What the server is refines the profile; it is asked after the requests the first paint
  // needs (the queue serves in order) and nothing waits for it.
  void direct.software().catch(() => undefined);
  // Closing the client rejects both requests (RequestAbortedError): that is how giving up ends.
  const abort = () => rest.close();
  if (opts.signal?.aborted) abort();
  else opts.signal?.addEventListener("abort", abort, { once: true });
  let instance: InstanceInfo;
  let account: mastodon.v1.Account;
  try {
    [instance, account] = await both;
  } catch (err) {
    rest.close();
    throw err;
  } finally {
    opts.signal?.removeEventListener("abort", abort);
  }
  const stream = new StreamManager({
    streamingUrl: instance.streamingUrl,
    accessToken: opts.accessToken,
    clock,
    socketFactory: opts.socketFactory,
    sseFactory: opts.sseFactory,
    watchdogMs: opts.watchdogMs,
    random: opts.random,
  });

  // The stream's fate is what says whether this server streams.
  const offStreamState = stream.onStateChange((s) => {
    if (s.kind === "live") direct.profile.learn("streaming", true);
    if (s.kind === "unavailable") direct.profile.learn("streaming", false);
  });
  // Software known not to stream (Sharkey's socket opens and carries nothing): stop trusting
  // the socket as soon as NodeInfo says what the server is, so the panes poll.
  const withdrawIfAbsent = () => {
    if (direct.profile.softwareLacks("streaming")) stream.withdraw();
  };
  const offSoftware = direct.profile.onChange(withdrawIfAbsent);
  withdrawIfAbsent();

  const statusChanges = new StatusBus();
  const feeds = new Map<TimelineKind, TimelineFeed>();
  /** Feeds opened for panes and views by openFeed (any timeline, closed with their owner). */
  const paneFeeds = new Set<TimelineFeed>();
  // Grouped by the server where it can (api_versions.mastodon >= 2), by the client otherwise.
  const grouped = hasGroupedNotifications(instance)
    ? {
        page: (page: PageParams) => groupedNotificationsPage(rest, page),
        accounts: (key: string, page: PageParams) => groupAccountsPage(rest, key, page),
        dismiss: (key: string) => dismissGroup(rest, key),
        unreadCount: () => unreadGroupCount(rest),
        policy: () => fetchPolicy(rest),
      }
    : undefined;
  const notifications = new NotificationFeed(
    {
      notifications: (page) => rest.notifications(page),
      dismissNotification: (id) => dismissNotification(rest, id),
      get state() {
        return rest.state;
      },
    },
    stream,
    statusChanges,
    undefined,
    {
      clock,
      pollMinMs: opts.feed?.pollMinMs,
      pollMaxMs: opts.feed?.pollMaxMs,
      random: opts.random,
    },
    grouped,
  );
  let filters: readonly mastodon.v2.Filter[] = [];
  const filterListeners = new Set<(f: readonly mastodon.v2.Filter[]) => void>();

  // Edits and deletes come on every stream that carries the status; the session listens on
  // each stream a feed follows (once per stream, however many feeds) and hands them to the bus.
  const watched = new Map<string, { feeds: number; off: () => void }>();
  const watch = (spec: TimelineSpec): (() => void) => {
    const sub = subscriptionOf(spec);
    // Profiles, bookmarks, favourites: no stream; their changes come on `user` and the others.
    if (!sub) return () => {};
    const key = JSON.stringify([sub.stream, sub.tag?.toLowerCase(), sub.list]);
    let entry = watched.get(key);
    if (!entry) {
      entry = { feeds: 0, off: stream.subscribe(sub, (ev) => forward(ev)) };
      watched.set(key, entry);
    }
    entry.feeds++;
    const e = entry;
    return () => {
      if (--e.feeds > 0 || watched.get(key) !== e) return;
      watched.delete(key);
      e.off();
    };
  };
  const forward = (ev: Parameters<StreamListener>[0]) => {
    if (ev.kind !== "error" && ev.kind !== "opened") statusChanges.fromStream(ev);
  };
  const newFeed = (spec: TimelineSpec, extra: Partial<TimelineFeedOptions>) => {
    const unwatch = watch(spec);
    return new TimelineFeed(spec, {
      rest,
      stream,
      clock,
      random: opts.random,
      ...opts.feed,
      ...extra,
      changes: statusChanges,
      publish: (change) => statusChanges.publish(change),
      onClose: () => {
        unwatch();
        extra.onClose?.();
      },
    });
  };
  // Edits and deletes of the user's own toots and of toots in notifications come on `user`,
  // whichever panes are open.
  const unwatchUser = watch("home");

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
  let closed = false;
  if (opts.streamAfter) {
    const start = () => {
      if (!closed) stream.start();
    };
    opts.streamAfter.then(start, start);
  } else {
    stream.start();
  }
  void notifications.start();
  void refetchFilters();

  return {
    rest,
    stream,
    instance,
    profile: direct.profile,
    account,
    notifications,
    get filters() {
      return filters;
    },
    statusChanges,
    actions: new StatusActions({ rest, changes: statusChanges, accountId: account.id }),
    feed(kind) {
      let f = feeds.get(kind);
      if (!f) {
        f = newFeed(kind, {});
        feeds.set(kind, f);
        void f.start();
      }
      return f;
    },
    openFeeds() {
      return [...feeds.values(), ...[...paneFeeds].filter((f) => !f.isClosed), notifications];
    },
    openFeed(spec, feedOpts) {
      const f = newFeed(spec, {
        ...(feedOpts?.storeSize !== undefined ? { storeSize: feedOpts.storeSize } : {}),
        fetchPage: feedPageFetcher(rest, spec),
        onClose: () => paneFeeds.delete(f),
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
      closed = true;
      offStreamState();
      offSoftware();
      unsubscribeUser();
      unwatchUser();
      for (const f of feeds.values()) f.close();
      for (const f of paneFeeds) f.close();
      notifications.close();
      stream.close();
      rest.close();
      filterListeners.clear();
    },
  };
}
