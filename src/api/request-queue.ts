// One queue per account: every REST call passes here. It owns the account's rate-limit pause
// (nothing is sent while paused), retries of idempotent requests, timeouts, and abort-on-quit.
import { backoffDelay, jitteredBetween } from "./backoff.js";
import type { Clock, TimerHandle } from "./clock.js";
import {
  classifyError,
  NetworkError,
  parseRateLimitReset,
  RateLimitedError,
  RequestAbortedError,
  RequestTimeoutError,
  ServerUnavailableError,
  UnauthorizedError,
} from "./errors.js";
import type { HeaderReader } from "./http-exchange.js";

/**
 * The account's REST state: only what holds for every request (a rate-limit pause, a refused
 * token). One request's failure (a 503 on a favourite) is that request's, never the account's.
 */
export type RestState =
  | { kind: "ok" }
  | { kind: "rate-limited"; until: Date }
  | { kind: "unauthorized" };

export interface RateLimitInfo {
  limit?: number;
  remaining?: number;
  reset?: Date;
}

export interface Attempt<T> {
  /** Performs one HTTP exchange; must honour `signal`. Returns the body and the headers. */
  send(signal: AbortSignal): Promise<{ data: T; headers: HeaderReader }>;
  /** Safe to send again (GET, PATCH, or a POST with a key the server dedupes by). */
  idempotent: boolean;
}

export interface QueueOptions {
  clock: Clock;
  timeoutMs?: number;
  /** Retries after the first attempt for idempotent requests (default 3). */
  maxRetries?: number;
  /** How many requests may be in flight at once (default 4). */
  concurrency?: number;
  random?: () => number;
}

interface Waiter {
  resolve: () => void;
  reject: (e: Error) => void;
}

export class RequestQueue {
  private readonly clock: Clock;
  private readonly timeoutMs: number;
  private readonly maxRetries: number;
  private readonly concurrency: number;
  private readonly random: () => number;
  private inFlight = 0;
  private pausedUntil = 0;
  private pauseTimer: TimerHandle | undefined;
  private readonly waiting: Waiter[] = [];
  private readonly controllers = new Set<AbortController>();
  private readonly sleepers = new Set<{ timer: TimerHandle; reject: (e: Error) => void }>();
  private closed = false;
  private currentState: RestState = { kind: "ok" };
  private readonly listeners = new Set<(s: RestState) => void>();
  readonly rateLimit: RateLimitInfo = {};

  constructor(opts: QueueOptions) {
    this.clock = opts.clock;
    this.timeoutMs = opts.timeoutMs ?? 15_000;
    this.maxRetries = opts.maxRetries ?? 3;
    this.concurrency = opts.concurrency ?? 4;
    this.random = opts.random ?? Math.random;
  }

  /** Requests not yet settled: in flight, waiting for a slot, or waiting to retry. */
  get pending(): number {
    return this.inFlight + this.waiting.length + this.sleepers.size;
  }

  get state(): RestState {
    return this.currentState;
  }

  onStateChange(listener: (s: RestState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Runs one request through the queue, with retries for idempotent ones. */
  async run<T>(attempt: Attempt<T>): Promise<T> {
    for (let retry = 0; ; retry++) {
      await this.acquireSlot();
      let result: { data: T; headers: HeaderReader } | undefined;
      let failure: Error | undefined;
      try {
        result = await this.sendOnce(attempt);
      } catch (err) {
        failure = err as Error;
      } finally {
        this.releaseSlot();
      }
      if (result) {
        this.readRateLimitHeaders(result.headers);
        if (this.currentState.kind !== "ok" && this.clock.now() >= this.pausedUntil)
          this.setState({ kind: "ok" });
        return result.data;
      }
      const err = failure as Error;
      if (err instanceof RateLimitedError) {
        this.pause(err.until);
        // 429 means the server did not act on it; still, a POST without a key is never re-sent.
        if (attempt.idempotent) {
          retry--;
          continue;
        }
        throw err;
      }
      if (err instanceof UnauthorizedError) {
        this.setState({ kind: "unauthorized" });
        throw err;
      }
      const transient =
        err instanceof NetworkError ||
        err instanceof RequestTimeoutError ||
        err instanceof ServerUnavailableError;
      if (!transient || !attempt.idempotent || retry >= this.maxRetries || this.closed) throw err;
      await this.sleep(backoffDelay(retry, { initialMs: 1000, maxMs: 8000, random: this.random }));
    }
  }

  /** Aborts everything in flight and everything waiting; the queue accepts nothing after. */
  close(): void {
    this.closed = true;
    for (const c of this.controllers) c.abort();
    this.controllers.clear();
    for (const w of this.waiting.splice(0)) w.reject(new RequestAbortedError());
    for (const s of this.sleepers) {
      this.clock.clearTimeout(s.timer);
      s.reject(new RequestAbortedError());
    }
    this.sleepers.clear();
    if (this.pauseTimer) this.clock.clearTimeout(this.pauseTimer);
    this.listeners.clear();
  }

  private async sendOnce<T>(attempt: Attempt<T>): Promise<{ data: T; headers: HeaderReader }> {
    if (this.closed) throw new RequestAbortedError();
    const controller = new AbortController();
    this.controllers.add(controller);
    let timedOut = false;
    const timer = this.clock.setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, this.timeoutMs);
    try {
      return await attempt.send(controller.signal);
    } catch (err) {
      if (timedOut) throw new RequestTimeoutError(this.timeoutMs);
      if (this.closed || controller.signal.aborted) throw new RequestAbortedError();
      throw classifyError(err, this.clock.now());
    } finally {
      this.clock.clearTimeout(timer);
      this.controllers.delete(controller);
    }
  }

  private readRateLimitHeaders(headers: HeaderReader): void {
    const limit = headers.get("x-ratelimit-limit");
    const remaining = headers.get("x-ratelimit-remaining");
    const reset = parseRateLimitReset(headers.get("x-ratelimit-reset"), this.clock.now());
    if (limit !== null && /^\d+$/.test(limit)) this.rateLimit.limit = Number(limit);
    if (remaining !== null && /^\d+$/.test(remaining)) this.rateLimit.remaining = Number(remaining);
    if (reset) this.rateLimit.reset = reset;
    // Budget used up: wait for the reset instead of provoking a 429.
    if (this.rateLimit.remaining === 0 && reset && reset.getTime() > this.clock.now())
      this.pause(reset);
  }

  private pause(until: Date): void {
    // Jitter so that several clients behind one NAT do not all return at the same second.
    const end = until.getTime() + jitteredBetween(250, 2000, this.random);
    if (end <= this.pausedUntil) return;
    this.pausedUntil = end;
    this.setState({ kind: "rate-limited", until: new Date(end) });
    if (this.pauseTimer) this.clock.clearTimeout(this.pauseTimer);
    this.pauseTimer = this.clock.setTimeout(() => {
      this.pauseTimer = undefined;
      if (this.currentState.kind === "rate-limited") this.setState({ kind: "ok" });
      this.pump();
    }, end - this.clock.now());
  }

  private acquireSlot(): Promise<void> {
    if (this.closed) return Promise.reject(new RequestAbortedError());
    if (this.canStart()) {
      this.inFlight++;
      return Promise.resolve();
    }
    return new Promise((resolve, reject) => this.waiting.push({ resolve, reject }));
  }

  private releaseSlot(): void {
    this.inFlight--;
    this.pump();
  }

  private canStart(): boolean {
    return this.inFlight < this.concurrency && this.clock.now() >= this.pausedUntil;
  }

  private pump(): void {
    while (this.waiting.length > 0 && this.canStart()) {
      this.inFlight++;
      this.waiting.shift()?.resolve();
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve, reject) => {
      const entry = {
        timer: this.clock.setTimeout(() => {
          this.sleepers.delete(entry);
          resolve();
        }, ms),
        reject,
      };
      this.sleepers.add(entry);
    });
  }

  private setState(s: RestState): void {
    const same =
      s.kind === this.currentState.kind && JSON.stringify(s) === JSON.stringify(this.currentState);
    this.currentState = s;
    if (!same) for (const l of this.listeners) l(s);
  }
}
