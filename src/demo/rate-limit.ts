// Mastodon's Rack::Attack throttle: 300 requests per 5 minutes per token (per IP without one),
// counted in fixed windows; every response reports the budget in X-RateLimit-* headers.

export interface RateLimitState {
  limit: number;
  remaining: number;
  /** End of the current window, ms since epoch. */
  resetAt: number;
  exceeded: boolean;
}

export class RateLimiter {
  private readonly counters = new Map<string, { window: number; count: number }>();

  constructor(
    private readonly limit = 300,
    private readonly windowMs = 5 * 60_000,
  ) {}

  /** Counts one request for `key` at `now` and reports the state after it. */
  hit(key: string, now: number): RateLimitState {
    const window = Math.floor(now / this.windowMs);
    let counter = this.counters.get(key);
    if (!counter || counter.window !== window) {
      counter = { window, count: 0 };
      this.counters.set(key, counter);
    }
    counter.count += 1;
    return {
      limit: this.limit,
      remaining: Math.max(0, this.limit - counter.count),
      resetAt: (window + 1) * this.windowMs,
      exceeded: counter.count > this.limit,
    };
  }
}

export function rateLimitHeaders(state: RateLimitState): Record<string, string> {
  return {
    "X-RateLimit-Limit": String(state.limit),
    "X-RateLimit-Remaining": String(state.remaining),
    "X-RateLimit-Reset": new Date(state.resetAt).toISOString(),
  };
}
