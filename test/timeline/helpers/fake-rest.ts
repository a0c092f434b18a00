// An in-memory timeline with Mastodon's id paging, standing in for RestClient in feed tests.
import type { FakeClock } from "../../../src/api/clock.js";
import type { PageParams, RestState, TimelineKind } from "../../../src/api/rest.js";
import { compareIds } from "../../../src/demo/ids.js";
import type { FeedRest } from "../../../src/timeline/feed.js";
import type { Status } from "../../../src/timeline/store.js";

/** A status created `id` seconds into 2026, so created_at and the server's id order agree. */
export function makeStatus(id: string): Status {
  const createdAt = new Date(Date.UTC(2026, 0, 1) + Number(id) * 1000).toISOString();
  return { id, createdAt, content: `<p>${id}</p>`, reblog: null } as unknown as Status;
}

export class FakeRest implements FeedRest {
  /** Oldest first. */
  readonly posted: Status[] = [];
  readonly requests: Array<{ at: number; kind: TimelineKind; page: PageParams }> = [];
  failWith: Error | undefined;
  /**
   * Hollo before 0.9.0 (its CHANGES.md, "Fixed `min_id` handling"): min_id filters like
   * since_id, so the answer is the newest page above the cursor, not the one joining it.
   */
  minIdNewest = false;
  state: RestState = { kind: "ok" };
  private readonly listeners = new Set<(s: RestState) => void>();
  private nextId = 1000;

  constructor(private readonly clock: FakeClock) {}

  publish(n = 1): Status[] {
    const out: Status[] = [];
    for (let i = 0; i < n; i++) {
      const s = makeStatus(String(this.nextId++));
      this.posted.push(s);
      out.push(s);
    }
    return out;
  }

  setState(s: RestState): void {
    this.state = s;
    for (const l of this.listeners) l(s);
  }

  onStateChange(listener: (s: RestState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async timeline(kind: TimelineKind, page: PageParams = {}): Promise<Status[]> {
    this.requests.push({ at: this.clock.now(), kind, page });
    if (this.failWith) throw this.failWith;
    const limit = page.limit ?? 20;
    let list = this.posted.filter((s) => !page.maxId || compareIds(s.id, page.maxId) < 0);
    if (page.minId && this.minIdNewest) {
      list = list.filter((s) => compareIds(s.id, page.minId!) > 0).slice(-limit);
    } else if (page.minId) {
      list = list.filter((s) => compareIds(s.id, page.minId!) > 0).slice(0, limit);
    } else {
      if (page.sinceId) list = list.filter((s) => compareIds(s.id, page.sinceId!) > 0);
      list = list.slice(-limit);
    }
    return [...list].reverse();
  }
}
