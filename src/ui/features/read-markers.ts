// Read position through the markers API, as Mastodon's web client keeps it: the newest home
// status and the newest notification the client has loaded, saved a few seconds after they
// change (so any client opens where this one left off). A 409 is retried in saveMarkers.

import type { Clock, TimerHandle } from "../../api/clock.js";
import { describeError, NotSupportedError } from "../../api/errors.js";
import { type MarkerTimeline, saveMarkers } from "../../api/markers.js";
import type { RestClient } from "../../api/rest.js";
import { tl } from "../../i18n/index.js";

export interface MarkerSources {
  /** Newest id loaded per timeline (undefined while empty). */
  newest(): Partial<Record<MarkerTimeline, string>>;
  onChange(listener: () => void): () => void;
}

export interface MarkerSaverOptions {
  rest: Pick<RestClient, "request">;
  clock: Clock;
  sources: MarkerSources;
  /** Quiet time before saving (default 10 s): a busy timeline is saved once, not per toot. */
  debounceMs?: number;
  /**
   * Longest wait after the first unsaved change (default 30 s): a pane at the top of a live
   * timeline changes its top toot with every arrival, and a feed busier than one toot per
   * quiet time would otherwise never be saved.
   */
  maxWaitMs?: number;
  onError?: (message: string) => void;
  /** After a save (the server's unread counts changed with it). */
  onSaved?: () => void;
}

export class MarkerSaver {
  private timer: TimerHandle | undefined;
  /** When the first change not yet saved came (undefined when all is saved). */
  private pendingSince: number | undefined;
  private saved: Partial<Record<MarkerTimeline, string>> = {};
  private readonly off: () => void;
  private saving: Promise<void> = Promise.resolve();

  constructor(private readonly opts: MarkerSaverOptions) {
    this.off = opts.sources.onChange(() => this.schedule());
  }

  private schedule(): void {
    if (this.timer !== undefined) this.opts.clock.clearTimeout(this.timer);
    const now = this.opts.clock.now();
    this.pendingSince ??= now;
    const latest = this.pendingSince + (this.opts.maxWaitMs ?? 30_000);
    const wait = Math.max(0, Math.min(this.opts.debounceMs ?? 10_000, latest - now));
    this.timer = this.opts.clock.setTimeout(() => {
      this.timer = undefined;
      this.pendingSince = undefined;
      void this.flush();
    }, wait);
  }

  /** Saves what changed since the last save now (also called on quit). */
  flush(): Promise<void> {
    this.saving = this.saving.then(async () => {
      const now = this.opts.sources.newest();
      const changed: Partial<Record<MarkerTimeline, string>> = {};
      for (const name of ["home", "notifications"] as const) {
        const id = now[name];
        if (id && id !== this.saved[name]) changed[name] = id;
      }
      if (Object.keys(changed).length === 0) return;
      try {
        await saveMarkers(this.opts.rest, changed);
        this.saved = { ...this.saved, ...changed };
        this.opts.onSaved?.();
      } catch (err) {
        // No markers on this server: the position stays this client's own, unsaid.
        if (err instanceof NotSupportedError) return;
        this.opts.onError?.(tl("markers.couldNotSave", { why: describeError(err) }));
      }
    });
    return this.saving;
  }

  close(): void {
    this.off();
    if (this.timer !== undefined) this.opts.clock.clearTimeout(this.timer);
  }
}
