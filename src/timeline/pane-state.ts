// What a pane and the status line say about the connection, derived in one pure function from
// the facts, and every word for it. Nothing else decides "live": a feed reports its facts (first
// page in, empty, its last REST answer, a poll done), the session reports the account's
// (socket, rate-limit pause, token refused), and `derivePaneState` says what is true.
import {
  formatClockTime,
  HttpError,
  NetworkError,
  NotSupportedError,
  RateLimitedError,
  RequestTimeoutError,
  ServerUnavailableError,
  UnauthorizedError,
} from "../api/errors.js";
import type { RestState } from "../api/request-queue.js";
import type { ConnectionState } from "../api/stream.js";
import { isolated, shown, t, tl } from "../i18n/index.js";
import { sanitizeInline } from "../render/sanitize.js";

/** Why a REST request failed, as far as the state words need to know. */
export type RestProblem =
  | { kind: "unreachable" }
  | { kind: "unavailable"; status?: number }
  | { kind: "timeout" }
  | { kind: "refused"; status: number }
  /** The server has no such endpoint (NotSupportedError): asking again changes nothing. */
  | { kind: "unsupported" }
  | { kind: "unexpected" };

/** Facts of the account: one socket, one REST queue. */
export interface ConnectionFacts {
  socket: ConnectionState;
  /** The queue is paused by a 429 (or a spent budget) until then. */
  rateLimitedUntil?: Date;
  /** A request or the upgrade was answered 401/403: the token is revoked or wrong. */
  tokenRejected: boolean;
  /** The server has no streaming API (the upgrade is answered 404): the panes poll instead. */
  noStreaming?: boolean;
}

/** Facts of one feed (a timeline, the notifications). */
export interface FeedFacts {
  /** The first page has arrived. */
  loaded: boolean;
  /** It holds nothing to show. */
  empty: boolean;
  /** The last REST request's outcome; undefined until one has been answered. */
  lastRest?: { ok: true } | { ok: false; problem: RestProblem };
  /** A poll over REST succeeded since the socket went down (so the pane is current). */
  polled: boolean;
  /** The server refused this feed's subscription with an error frame (server text). */
  subscriptionRefused?: string;
  /** Home answered 206: Mastodon is regenerating the feed; asked again at `nextTryAt`. */
  regenerating?: { nextTryAt: number };
  /** No stream carries this feed (a profile, bookmarks): it is what its last page said. */
  unstreamed?: boolean;
}

export type PaneState =
  | { kind: "waiting" }
  | { kind: "connecting" }
  | { kind: "live"; empty: boolean; catchUpFailing?: RestProblem }
  /** Loaded over REST with no stream to follow: new toots come with R. */
  | { kind: "fetched"; empty: boolean }
  | { kind: "reconnecting"; nextTryAt: number }
  /** `nextTryAt` is unknown while a new socket is being tried. */
  | { kind: "polling"; reason: "socket-down"; nextTryAt?: number }
  | { kind: "polling"; reason: "no-streaming" }
  | { kind: "failing"; problem: RestProblem; nextTryAt?: number }
  | { kind: "stream-refused"; reason: string }
  /** The server has not got this feed at all (Hollo's conversations): nothing is asked again. */
  | { kind: "unsupported" }
  | { kind: "regenerating"; nextTryAt: number }
  | { kind: "rate-limited"; until: Date }
  | { kind: "offline" }
  | { kind: "token-rejected" };

/** The account's facts from the socket's and the REST queue's own states. */
export function connectionFactsOf(
  socket: ConnectionState,
  rest: RestState,
  noStreaming = false,
): ConnectionFacts {
  return {
    socket,
    tokenRejected: socket.kind === "rejected" || rest.kind === "unauthorized",
    ...(rest.kind === "rate-limited" ? { rateLimitedUntil: rest.until } : {}),
    // The socket found no streaming in any form (api/stream-forms.ts): polling is all there is.
    ...(noStreaming || socket.kind === "unavailable" ? { noStreaming: true } : {}),
  };
}

/** The part of a failure the words need; the one mapping from typed errors. */
export function problemOf(err: unknown): RestProblem {
  if (err instanceof NetworkError) return { kind: "unreachable" };
  if (err instanceof ServerUnavailableError)
    return err.status ? { kind: "unavailable", status: err.status } : { kind: "unavailable" };
  if (err instanceof RequestTimeoutError) return { kind: "timeout" };
  if (err instanceof HttpError) return { kind: "refused", status: err.status };
  if (err instanceof UnauthorizedError) return { kind: "refused", status: 401 };
  if (err instanceof RateLimitedError) return { kind: "refused", status: 429 };
  if (err instanceof NotSupportedError) return { kind: "unsupported" };
  return { kind: "unexpected" };
}

/** The one place that decides what a pane's state is. Pure: same facts, same state. */
export function derivePaneState(conn: ConnectionFacts, feed: FeedFacts): PaneState {
  if (conn.tokenRejected) return { kind: "token-rejected" };
  if (conn.rateLimitedUntil) return { kind: "rate-limited", until: conn.rateLimitedUntil };
  const problem = feed.lastRest?.ok === false ? feed.lastRest.problem : undefined;
  // Whatever the socket does, a feed the server has not got stays so.
  if (problem?.kind === "unsupported") return { kind: "unsupported" };
  if (feed.regenerating && !problem)
    return { kind: "regenerating", nextTryAt: feed.regenerating.nextTryAt };
  if (feed.unstreamed) {
    // The socket says nothing about a feed no stream carries: only its own requests do.
    if (problem) return { kind: "failing", problem };
    return feed.loaded ? { kind: "fetched", empty: feed.empty } : { kind: "waiting" };
  }
  if (conn.noStreaming) {
    if (problem) return { kind: "failing", problem };
    return feed.loaded ? { kind: "polling", reason: "no-streaming" } : { kind: "waiting" };
  }
  const s = conn.socket;
  switch (s.kind) {
    case "rejected":
      return { kind: "token-rejected" };
    case "closed":
      return { kind: "offline" };
    case "live":
      if (feed.subscriptionRefused)
        return { kind: "stream-refused", reason: feed.subscriptionRefused };
      if (!feed.loaded) return problem ? { kind: "failing", problem } : { kind: "waiting" };
      return problem
        ? { kind: "live", empty: feed.empty, catchUpFailing: problem }
        : { kind: "live", empty: feed.empty };
    case "unavailable":
    case "connecting":
      if (problem) return { kind: "failing", problem };
      if (!feed.loaded) return { kind: "waiting" };
      return feed.polled ? { kind: "polling", reason: "socket-down" } : { kind: "connecting" };
    case "reconnecting":
      if (problem) return { kind: "failing", problem, nextTryAt: s.nextTryAt };
      if (!feed.loaded) return { kind: "waiting" };
      return feed.polled
        ? { kind: "polling", reason: "socket-down", nextTryAt: s.nextTryAt }
        : { kind: "reconnecting", nextTryAt: s.nextTryAt };
  }
}

/**
 * The status line's state: the panes' facts taken together (the first failure among them,
 * loaded only when all are), so it never says live while a pane waits or fails.
 */
export function deriveConnectionState(
  conn: ConnectionFacts,
  feeds: readonly FeedFacts[],
): PaneState {
  const failed = feeds.find((f) => f.lastRest?.ok === false)?.lastRest;
  const all: FeedFacts = {
    loaded: feeds.every((f) => f.loaded),
    empty: false,
    polled: feeds.length > 0 && feeds.every((f) => f.polled),
    ...(failed ? { lastRest: failed } : {}),
  };
  return derivePaneState(conn, all);
}

// --- words ---------------------------------------------------------------------------------
// From the message catalogues (src/i18n), composed in logical order (tl) and drawn as one
// message each (shown): the terminal's order is applied once, to the whole.

function problemWords(p: RestProblem): string {
  switch (p.kind) {
    case "unreachable":
      return tl("state.problem.unreachable");
    case "unavailable":
      return p.status
        ? tl("state.problem.unavailableStatus", { status: String(p.status) })
        : tl("state.problem.unavailable");
    case "timeout":
      return tl("state.problem.timeout");
    case "refused":
      return tl("state.problem.refused", { status: String(p.status) });
    case "unsupported":
      return tl("error.notSupported");
    case "unexpected":
      return tl("state.problem.unexpected");
  }
}

function inSeconds(at: number, now: number): string {
  return tl("state.seconds", { seconds: Math.max(0, Math.ceil((at - now) / 1000)) });
}

function stateWords(state: PaneState, now: number, brief: boolean): string {
  switch (state.kind) {
    case "waiting":
      return tl("state.waiting");
    case "connecting":
      return tl("state.connecting");
    case "live":
      if (state.catchUpFailing)
        return tl("state.liveCatchUpFailed", { problem: problemWords(state.catchUpFailing) });
      return state.empty ? tl("state.liveEmpty") : tl("state.live");
    case "fetched":
      return state.empty ? tl("state.fetchedEmpty") : tl("state.fetched");
    case "reconnecting":
      return tl("state.reconnecting", { wait: inSeconds(state.nextTryAt, now) });
    case "polling":
      if (state.reason === "no-streaming")
        return brief ? tl("state.polling") : tl("state.pollingNoStreaming");
      return state.nextTryAt === undefined
        ? tl("state.pollingReconnecting")
        : tl("state.pollingReconnectingIn", { wait: inSeconds(state.nextTryAt, now) });
    case "failing":
      return state.nextTryAt === undefined
        ? tl("state.failingRetrying", { problem: problemWords(state.problem) })
        : tl("state.failingNextTry", {
            problem: problemWords(state.problem),
            wait: inSeconds(state.nextTryAt, now),
          });
    case "stream-refused":
      // The server's own words (an error frame's `error`): sanitised, and one isolate inside
      // ours, so an English reason keeps its full stop in an Arabic title.
      return tl("state.streamRefused", { reason: isolated(sanitizeInline(state.reason)) });
    case "unsupported":
      return tl("error.notSupported");
    case "regenerating":
      return state.nextTryAt > now
        ? tl("state.regenerating", { wait: inSeconds(state.nextTryAt, now) })
        : tl("state.regeneratingNow");
    case "rate-limited":
      return tl("state.rateLimited", { time: formatClockTime(state.until) });
    case "offline":
      return tl("state.offline");
    case "token-rejected":
      return tl("state.tokenRejected");
  }
}

/**
 * e.g. "live", "reconnecting (next try in 4s)", "rate-limited until 12:03:09". `brief` leaves
 * out an explanation that never changes while the pane is open ("polling", without "the server
 * has no streaming"): for a line where the full words would push out what the user needs more
 * (the key hints, a title's new-toot count).
 */
export function describePaneState(state: PaneState, now: number, brief = false): string {
  return shown(stateWords(state, now, brief));
}

/** What an empty pane's body says instead of items: it lists toots or notifications. */
export function describeEmptyPane(
  state: PaneState,
  noun: "toots" | "notifications",
  now: number,
): string {
  switch (state.kind) {
    case "waiting":
    case "connecting":
      return t("empty.waiting");
    case "live":
    case "fetched":
    case "polling":
      return noun === "toots" ? t("empty.noToots") : t("empty.noNotifications");
    case "regenerating":
      return t("empty.regenerating");
    case "failing":
      return t("empty.failed", { problem: problemWords(state.problem) });
    default:
      return t("empty.failed", { problem: stateWords(state, now, false) });
  }
}
