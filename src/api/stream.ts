// One multiplexed streaming socket per account, on `ws`.
//
// Why not masto's createStreamingAPIClient: it sleeps 1 s before the first connect, doubles its
// delay without cap or jitter, has no dead-socket watchdog, raises one error frame in every
// subscription, retries a revoked token (401) forever, and offers no hook to fill the gap after
// a reconnect (docs/architecture.md, "Streaming"). Those are exactly the things tootty must get
// right.

import { isLoopback } from "../config/instance-url.js";
import { backoffDelay } from "./backoff.js";
import { type Clock, systemClock, type TimerHandle } from "./clock.js";
import { openStreamForm, STREAM_FORMS, type StreamForm } from "./stream-forms.js";
import { parseStreamFrame, type StreamError, type StreamEvent } from "./stream-frame.js";
import type { SocketFactory, StreamSocket } from "./ws-socket.js";

export type { StreamError, StreamEvent } from "./stream-frame.js";

export interface Subscription {
  stream: string;
  tag?: string;
  list?: string;
}

export type ConnectionState =
  | { kind: "connecting" }
  | { kind: "live" }
  | { kind: "reconnecting"; nextTryAt: number; attempt: number }
  /**
   * The token was refused (401 at the upgrade): `detail` is the server's message, controls
   * stripped and cut, for a log. What the reader is told is the catalogue's (src/i18n).
   */
  | { kind: "rejected"; detail: string }
  /**
   * The server has no streaming in any form it was asked in (`status` is the last upgrade's
   * answer, 404 where there is no such endpoint; none where the server's software is known not
   * to stream, `withdraw`): feeds poll instead.
   */
  | { kind: "unavailable"; status?: number; nextTryAt: number }
  | { kind: "closed" };

/**
 * A subscription's own connection opened, on a server with one connection per stream, after
 * the session went live: what was posted before it may not have been heard (a catch-up's
 * business). Never a frame of the server's.
 */
export interface StreamOpened {
  kind: "opened";
  stream: string[];
}

export type StreamListener = (ev: StreamEvent | StreamError | StreamOpened) => void;

/** Upgrade answers that mean "not here, not like this" rather than "try again later". */
const ABSENT = new Set([400, 401, 403, 404, 405, 406, 410, 426, 501]);

export interface StreamManagerOptions {
  /** Streaming base from the instance (configuration.urls.streaming), ws:// or wss://. */
  streamingUrl: string;
  accessToken: string;
  clock?: Clock;
  socketFactory?: SocketFactory;
  /** Replaces the server-sent events transport (tests). */
  sseFactory?: SocketFactory;
  /** After every form was refused, how long until they are tried again (default 10 min). */
  unavailableRetryMs?: number;
  /**
   * No frame, no ping and no pong for this long → the socket is presumed dead (default 45 s).
   * A WebSocket is pinged every third of it, so a healthy one answers well within it; a stream
   * that cannot be pinged (server-sent events) gets at least SERVER_KEEPALIVE_MS.
   */
  watchdogMs?: number;
  /** A connection live this long resets the backoff (default 10 s). */
  healthyAfterMs?: number;
  backoffInitialMs?: number;
  backoffMaxMs?: number;
  random?: () => number;
}

interface Entry {
  sub: Subscription;
  listeners: Set<StreamListener>;
}

function keyOf(sub: Subscription): string {
  return [sub.stream, (sub.tag ?? "").toLowerCase(), sub.list ?? ""].join("\u0000");
}

/** The subscription a frame's `stream` array belongs to: ["hashtag","Foo"], ["list","12"], ["user"]. */
function keyOfFrame(stream: string[]): string {
  const [name = "", param] = stream;
  if (name.startsWith("hashtag")) return keyOf({ stream: name, tag: param ?? "" });
  if (name === "list") return keyOf({ stream: name, list: param ?? "" });
  return keyOf({ stream: name });
}

function subscribeMessage(type: "subscribe" | "unsubscribe", sub: Subscription): string {
  const msg: Record<string, string> = { type, stream: sub.stream };
  if (sub.tag !== undefined) msg.tag = sub.tag;
  if (sub.list !== undefined) msg.list = sub.list;
  return JSON.stringify(msg);
}

/**
 * Mastodon pings every socket, and writes a heartbeat into every event stream, every 30 s
 * (docs/api-notes.md, "Streaming"): a stream tootty cannot ping stays quiet this long when healthy.
 */
export const SERVER_KEEPALIVE_MS = 31_000;

export class StreamManager {
  private readonly clock: Clock;
  private readonly factory: SocketFactory | undefined;
  private readonly sseFactory: SocketFactory | undefined;
  private readonly unavailableRetryMs: number;
  /** Streaming base (ws(s)://host); a redirect at the upgrade moves it. */
  private base: string;
  /** Index into STREAM_FORMS of the form in use or being tried. */
  private form = 0;
  /** Whether the current form ever went live (then it is kept across reconnects). */
  private formWorked = false;
  /** Statuses that refused each form since the last success. */
  private refusals: number[] = [];
  private redirects = 0;
  private readonly token: string;
  private readonly watchdogMs: number;
  private readonly healthyAfterMs: number;
  private readonly backoff: { initialMs: number; maxMs: number; random: () => number };
  private readonly subs = new Map<string, Entry>();
  private readonly stateListeners = new Set<(s: ConnectionState) => void>();
  private readonly liveListeners = new Set<(reconnect: boolean) => void>();
  private currentState: ConnectionState = { kind: "closed" };
  /** Set by withdraw(): nothing connects again. */
  private withdrawn = false;
  private socket: StreamSocket | undefined;
  /** Bumped per socket, so late events of an abandoned socket are ignored. */
  private generation = 0;
  private attempt = 0;
  private everLive = false;
  private started = false;
  private stopped = false;
  private watchdog: TimerHandle | undefined;
  private keepAlive: TimerHandle | undefined;
  /** The socket opened (subscriptions can be sent); it is live once it answers. */
  private socketOpen = false;
  private retryTimer: TimerHandle | undefined;
  private healthyTimer: TimerHandle | undefined;
  /** Subscriptions sent since the socket opened that have not produced a frame yet: an error
   * frame (which names no stream) is blamed on the latest of them. */
  private unconfirmed: string[] = [];
  /** How many connection attempts were made (for tests and diagnostics). */
  connectAttempts = 0;
  /** Frames whose handling threw and were dropped (diagnostics; the socket keeps flowing). */
  framesDropped = 0;

  constructor(opts: StreamManagerOptions) {
    this.clock = opts.clock ?? systemClock;
    this.factory = opts.socketFactory;
    this.sseFactory = opts.sseFactory;
    this.unavailableRetryMs = opts.unavailableRetryMs ?? 10 * 60_000;
    this.base = opts.streamingUrl.replace(/\/+$/, "");
    this.token = opts.accessToken;
    this.watchdogMs = opts.watchdogMs ?? 45_000;
    this.healthyAfterMs = opts.healthyAfterMs ?? 10_000;
    this.backoff = {
      initialMs: opts.backoffInitialMs ?? 500,
      maxMs: opts.backoffMaxMs ?? 30_000,
      random: opts.random ?? Math.random,
    };
  }

  get state(): ConnectionState {
    return this.currentState;
  }

  onStateChange(listener: (s: ConnectionState) => void): () => void {
    this.stateListeners.add(listener);
    return () => this.stateListeners.delete(listener);
  }

  /** Fires each time the socket becomes live; `reconnect` is false only the very first time. */
  onLive(listener: (reconnect: boolean) => void): () => void {
    this.liveListeners.add(listener);
    return () => this.liveListeners.delete(listener);
  }

  /** Fires after every reconnect (not the first connect): time to fill the gap over REST. */
  onReconnected(listener: () => void): () => void {
    return this.onLive((reconnect) => {
      if (reconnect) listener();
    });
  }

  /** Connects at once (no initial delay). Idempotent. */
  start(): void {
    if (this.started || this.stopped) return;
    this.started = true;
    this.connect();
  }

  subscribe(sub: Subscription, listener: StreamListener): () => void {
    const key = keyOf(sub);
    let entry = this.subs.get(key);
    if (!entry) {
      entry = { sub, listeners: new Set() };
      this.subs.set(key, entry);
      if (this.socketOpen) this.sendSubscribe(key, entry.sub);
    }
    entry.listeners.add(listener);
    const e = entry;
    return () => {
      e.listeners.delete(listener);
      if (e.listeners.size === 0 && this.subs.get(key) === e) {
        this.subs.delete(key);
        if (this.socketOpen) this.socket?.send(subscribeMessage("unsubscribe", e.sub));
      }
    };
  }

  /** The form the stream is (being) opened in, for `:instance` and diagnostics. */
  get streamForm(): StreamForm {
    return STREAM_FORMS[this.form] ?? "multiplexed";
  }

  /** Tears everything down; no reconnect after this. */
  close(): void {
    this.stopped = true;
    this.clearTimers();
    this.generation++;
    this.socket?.terminate();
    this.socket = undefined;
    this.setState({ kind: "closed" });
    this.stateListeners.clear();
    this.liveListeners.clear();
  }

  private connect(): void {
    if (this.stopped || this.withdrawn) return;
    this.clearTimers();
    const gen = ++this.generation;
    this.connectAttempts++;
    this.setState({ kind: "connecting" });
    const alive = () => gen === this.generation && !this.stopped;
    this.socket = openStreamForm(
      this.streamForm,
      { base: this.base, token: this.token, ws: this.factory, sse: this.sseFactory },
      {
        open: () => alive() && this.handleOpen(),
        message: (data) => alive() && this.handleMessage(data),
        ping: () => alive() && this.signOfLife(),
        close: () => alive() && this.handleLoss(),
        error: () => alive() && this.handleLoss(),
        rejected: (status, message, location) =>
          alive() && this.handleRejected(status, message, location),
        streamOpened: (stream) => {
          if (!alive()) return;
          const entry = this.subs.get(keyOfFrame(stream));
          if (entry) this.deliver(entry, { kind: "opened", stream });
        },
      },
    );
    // Also guards the handshake: a connect that hangs counts as a loss.
    this.armWatchdog();
  }

  private handleOpen(): void {
    this.formWorked = true;
    this.refusals = [];
    this.redirects = 0;
    this.socketOpen = true;
    // A socket that can be pinged is live when it first answers (a pong, a frame): an
    // upgrade that then carries nothing — a proxy that lost its upstream — is not live.
    const pingable = this.socket?.ping !== undefined;
    if (!pingable) this.setState({ kind: "live" });
    this.armWatchdog();
    this.unconfirmed = [];
    for (const [key, entry] of this.subs) this.sendSubscribe(key, entry.sub);
    this.healthyTimer = this.clock.setTimeout(() => {
      this.attempt = 0;
    }, this.healthyAfterMs);
    const reconnect = this.everLive;
    this.everLive = true;
    for (const l of [...this.liveListeners]) l(reconnect);
    if (pingable) this.pingNow();
  }

  private sendSubscribe(key: string, sub: Subscription): void {
    this.unconfirmed.push(key);
    this.socket?.send(subscribeMessage("subscribe", sub));
  }

  private handleMessage(data: string | Buffer): void {
    this.signOfLife();
    let ev: ReturnType<typeof parseStreamFrame>;
    try {
      ev = parseStreamFrame(data);
    } catch {
      ev = null;
    }
    if (ev === null) return;
    if (ev.kind === "error") {
      // Only the subscription that provoked it hears about it; the others keep flowing.
      const key = this.unconfirmed.pop();
      const entry = key === undefined ? undefined : this.subs.get(key);
      if (entry) this.deliver(entry, ev);
      return;
    }
    const key = keyOfFrame(ev.stream);
    this.unconfirmed = this.unconfirmed.filter((k) => k !== key);
    const entry = this.subs.get(key);
    if (entry) this.deliver(entry, ev);
  }

  /**
   * A frame runs inside ws's message event: a throw there would end the program. A frame whose
   * handling throws (a shape no parser check foresaw) costs only itself.
   */
  private deliver(entry: Entry, ev: Parameters<StreamListener>[0]): void {
    for (const l of [...entry.listeners]) {
      try {
        l(ev);
      } catch {
        this.framesDropped++;
      }
    }
  }

  private handleLoss(): void {
    this.socket?.terminate();
    this.socket = undefined;
    this.generation++;
    this.scheduleReconnect();
  }

  private handleRejected(status: number, message: string, location?: string): void {
    const moved = status >= 300 && status < 400 ? this.redirectTarget(location) : undefined;
    if (moved !== undefined) {
      // `/api/v1/streaming` answered with a redirect to the streaming host: follow it here,
      // where the token is not sent to a host the instance did not name over TLS.
      this.base = moved;
      this.redirects++;
      this.dropSocket();
      this.connect();
      return;
    }
    if (!this.formWorked && ABSENT.has(status)) {
      // This form does not exist here (404), or is not how this server takes the token (401):
      // try the next one at once; when none is left, say so and poll.
      this.refusals.push(status);
      this.dropSocket();
      if (this.form < STREAM_FORMS.length - 1) {
        this.form++;
        this.connect();
        return;
      }
      if (this.refusals.every((s) => s === 401 || s === 403)) {
        this.reject(message);
        return;
      }
      this.becomeUnavailable(status);
      return;
    }
    if (status === 401 || status === 403) this.reject(message);
    else this.handleLoss();
  }

  private redirectTarget(location: string | undefined): string | undefined {
    if (!location || this.redirects >= 3) return undefined;
    try {
      const u = new URL(location, `${this.base.replace(/^ws/, "http")}/api/v1/streaming`);
      if (u.protocol === "https:") u.protocol = "wss:";
      if (u.protocol === "http:") u.protocol = "ws:";
      if (u.protocol !== "wss:" && !(u.protocol === "ws:" && isLoopback(u.hostname)))
        return undefined;
      const base = `${u.origin}${u.pathname.replace(/\/api\/v1\/streaming\/?$/, "")}`;
      return base.replace(/\/+$/, "");
    } catch {
      return undefined;
    }
  }

  private dropSocket(): void {
    this.clearTimers();
    this.generation++;
    this.socket?.terminate();
    this.socket = undefined;
  }

  private becomeUnavailable(status: number): void {
    const nextTryAt = this.clock.now() + this.unavailableRetryMs;
    this.setState({
      kind: "unavailable",
      status,
      nextTryAt,
    });
    // Servers gain streaming (an upgrade, a fixed proxy): ask again now and then, from the top.
    this.retryTimer = this.clock.setTimeout(() => {
      this.retryTimer = undefined;
      this.form = 0;
      this.refusals = [];
      this.connect();
    }, this.unavailableRetryMs);
  }

  /**
   * The server is known not to stream Mastodon's way (its software, from NodeInfo): close the
   * socket for good and say so, whatever it answered. Misskey's forks upgrade any path and
   * answer pings while carrying nothing a Mastodon client subscribes to, so such a socket
   * would look live forever while the feeds waited for toots that never come.
   */
  withdraw(): void {
    if (this.stopped || this.withdrawn) return;
    this.withdrawn = true;
    this.dropSocket();
    this.socketOpen = false;
    this.setState({ kind: "unavailable", nextTryAt: Infinity });
  }

  private reject(message: string): void {
    // A revoked token never heals by itself: stop, and say what to do.
    this.dropSocket();
    const detail = message.replace(/[\u0000-\u001f\u007f-\u009f]/g, "").slice(0, 80);
    this.setState({ kind: "rejected", detail });
  }

  private scheduleReconnect(): void {
    this.clearTimers();
    const delay = backoffDelay(this.attempt, this.backoff);
    this.attempt++;
    const nextTryAt = this.clock.now() + delay;
    this.setState({ kind: "reconnecting", nextTryAt, attempt: this.attempt });
    this.retryTimer = this.clock.setTimeout(() => {
      this.retryTimer = undefined;
      this.connect();
    }, delay);
  }

  /** The server answered or spoke: the socket is alive, now and for another watchdog period. */
  private signOfLife(): void {
    this.armWatchdog();
    if (this.socketOpen && this.currentState.kind !== "live") this.setState({ kind: "live" });
  }

  /** Pings now, and again every third of the watchdog period while the socket is open. */
  private pingNow(): void {
    if (this.keepAlive) this.clock.clearTimeout(this.keepAlive);
    this.keepAlive = this.clock.setTimeout(
      () => {
        this.keepAlive = undefined;
        if (this.socketOpen) this.pingNow();
      },
      Math.floor(this.watchdogMs / 3),
    );
    this.socket?.ping?.();
  }

  private armWatchdog(): void {
    if (this.watchdog) this.clock.clearTimeout(this.watchdog);
    const ms = this.socket?.ping ? this.watchdogMs : Math.max(this.watchdogMs, SERVER_KEEPALIVE_MS);
    this.watchdog = this.clock.setTimeout(() => {
      this.watchdog = undefined;
      // Half-open socket (laptop sleep, NAT forgot us): nothing will ever arrive. Drop it.
      this.handleLoss();
    }, ms);
  }

  private clearTimers(): void {
    for (const t of [this.watchdog, this.keepAlive, this.retryTimer, this.healthyTimer])
      if (t !== undefined) this.clock.clearTimeout(t);
    this.watchdog = this.keepAlive = this.retryTimer = this.healthyTimer = undefined;
    this.socketOpen = false;
  }

  private setState(s: ConnectionState): void {
    this.currentState = s;
    for (const l of [...this.stateListeners]) l(s);
  }
}
