// Following a thread's async refresh (Mastodon 4.5: GET /api/v1/statuses/:id/context may carry
// Mastodon-Async-Refresh while replies are fetched from other servers; methods/async_refreshes.md).
// After the header's `retry` seconds the refresh's state is asked for; while it runs, again
// after `retry`; once it has finished with results (or its state cannot be read: the endpoint is
// experimental and may be missing) the thread is fetched again, and that answer may carry a new
// header to follow. Bounded: a refresh that never ends is given up after MAX_CHECKS.
import type { AsyncRefreshHint, AsyncRefreshStatus } from "../api/async-refresh.js";
import type { Clock, TimerHandle } from "../api/clock.js";

/** How many times a refresh's state is asked for before giving up on it. */
export const MAX_CHECKS = 20;

export type ThreadRefreshEnd =
  /** The thread was fetched again after the refresh finished. */
  | "reloaded"
  /** The refresh finished and found nothing new: the thread was not fetched again. */
  | "nothing-new"
  /** Still running after MAX_CHECKS: what is shown stays. */
  | "gave-up"
  /** Fetching the thread again failed. */
  | "failed";

export interface ThreadRefreshDeps {
  clock: Clock;
  /** GET /api/v1_alpha/async_refreshes/:id */
  status(id: string): Promise<AsyncRefreshStatus>;
  /** Fetches the thread again and shows it; resolves to its Mastodon-Async-Refresh, if any. */
  reload(): Promise<AsyncRefreshHint | undefined>;
  onEnd(end: ThreadRefreshEnd): void;
}

/** Starts following `first`; `cancel` stops it (the thread view closed). */
export function followThreadRefresh(
  first: AsyncRefreshHint,
  deps: ThreadRefreshDeps,
): { cancel(): void } {
  let hint = first;
  let checks = 0;
  let timer: TimerHandle | undefined;
  let cancelled = false;

  const schedule = () => {
    timer = deps.clock.setTimeout(() => {
      timer = undefined;
      void step();
    }, hint.retrySeconds * 1000);
  };

  const end = (how: ThreadRefreshEnd) => {
    if (!cancelled) deps.onEnd(how);
  };

  async function step(): Promise<void> {
    if (cancelled) return;
    checks++;
    let state: AsyncRefreshStatus | undefined;
    try {
      state = await deps.status(hint.id);
    } catch {
      // No such endpoint here, or it failed: the thread's own answer says whether it still runs.
      state = undefined;
    }
    if (cancelled) return;
    if (state?.status === "running") {
      if (checks >= MAX_CHECKS) return end("gave-up");
      return schedule();
    }
    if (state?.status === "finished" && state.resultCount === 0) return end("nothing-new");
    let next: AsyncRefreshHint | undefined;
    try {
      next = await deps.reload();
    } catch {
      return end("failed");
    }
    if (cancelled) return;
    if (next && checks < MAX_CHECKS) {
      hint = next;
      return schedule();
    }
    end(next ? "gave-up" : "reloaded");
  }

  schedule();
  return {
    cancel() {
      cancelled = true;
      if (timer !== undefined) deps.clock.clearTimeout(timer);
    },
  };
}
