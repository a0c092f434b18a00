// Capped exponential backoff with "full jitter" in its upper half: many clients that lost the
// same overloaded server must not come back in lock-step (thundering herd).

export interface BackoffOptions {
  /** First delay, ms (default 500). */
  initialMs?: number;
  /** Cap, ms (default 30 000). */
  maxMs?: number;
  /** Source of randomness in [0, 1); injectable for tests. */
  random?: () => number;
}

/** Delay before attempt number `attempt` (0-based): between half and all of min(cap, initial·2^n). */
export function backoffDelay(attempt: number, opts: BackoffOptions = {}): number {
  const initial = opts.initialMs ?? 500;
  const max = opts.maxMs ?? 30_000;
  const random = opts.random ?? Math.random;
  const ceiling = Math.min(max, initial * 2 ** Math.min(attempt, 30));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

/** A uniformly random delay in [minMs, maxMs]: polling intervals, rate-limit slack. */
export function jitteredBetween(
  minMs: number,
  maxMs: number,
  random: () => number = Math.random,
): number {
  return Math.round(minMs + random() * (maxMs - minMs));
}
