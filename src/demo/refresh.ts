// Mastodon's async refreshes (4.4+, methods/async_refreshes.md), as tests ask for them:
// - a thread whose replies are still being fetched from other servers: its
//   GET /api/v1/statuses/:id/context carries `Mastodon-Async-Refresh: id="…", retry=N,
//   result_count=0` while the job runs; when it finishes, the replies it found are in the
//   thread and GET /api/v1_alpha/async_refreshes/:id says `finished` with their count;
// - a home feed being regenerated: GET /api/v1/timelines/home answers 206 Partial Content
//   (methods/timelines.md) with the header, for the next N requests.

import {
  json,
  type Reply,
  type RequestContext,
  type Route,
  requireAuth,
  route,
} from "./http-kit.js";
import type { DemoWorld } from "./world.js";

export interface ThreadRefreshOptions {
  /** The `retry` the header asks for, in seconds (default 1). */
  retrySeconds?: number;
  /** How long the job runs after the thread is first asked for (default 1500 ms). */
  runsMs?: number;
  /** Replies it finds, posted by remote accounts to the status (default 2). */
  replies?: number;
}

interface ThreadRefresh {
  id: string;
  statusId: string;
  retrySeconds: number;
  runsMs: number;
  replies: number;
  startedAt?: number;
  finished: boolean;
  resultCount: number;
}

interface HomeRegeneration {
  id: string;
  left: number;
  retrySeconds: number;
}

const REPLY_TEXTS = [
  "Late to this, but: yes. Exactly this.",
  "We hit the same thing last week — the fix was in the config, not the code.",
  "Replying from the other side of the fediverse 👋",
  "Bookmarked. Thanks for writing it up.",
];

function header(id: string, retrySeconds: number, resultCount?: number): string {
  return `id="${id}", retry=${retrySeconds}${resultCount === undefined ? "" : `, result_count=${resultCount}`}`;
}

/** An opaque id shaped like Mastodon's (a signed, base64 payload). */
function refreshId(payload: string): string {
  return `${Buffer.from(JSON.stringify(payload)).toString("base64")}--${Buffer.from(payload).toString("hex").slice(0, 16)}`;
}

export class DemoRefreshes {
  private readonly threads = new Map<string, ThreadRefresh>();
  private home: HomeRegeneration | undefined;

  constructor(
    private readonly world: DemoWorld,
    private readonly now: () => number,
  ) {}

  /** The next thread request of `statusId` starts a refresh that finds `replies` replies. */
  refreshThread(statusId: string, opts: ThreadRefreshOptions = {}): string {
    if (!this.world.get(statusId)) throw new Error(`unknown status: ${statusId}`);
    const id = refreshId(`context:${statusId}:refresh`);
    this.threads.set(statusId, {
      id,
      statusId,
      retrySeconds: opts.retrySeconds ?? 1,
      runsMs: opts.runsMs ?? 1500,
      replies: opts.replies ?? 2,
      finished: false,
      resultCount: 0,
    });
    return id;
  }

  /** The next `count` home timeline requests answer 206: the feed is being regenerated. */
  regenerateHome(count: number, retrySeconds = 1): void {
    const id = refreshId(`home:${this.world.me.account.id}:regenerate`);
    this.home = count > 0 ? { id, left: Math.floor(count), retrySeconds } : undefined;
  }

  clear(): void {
    this.threads.clear();
    this.home = undefined;
  }

  /** Finishes a job whose time is up: its replies join the thread. */
  private settle(job: ThreadRefresh): void {
    if (job.finished || job.startedAt === undefined) return;
    if (this.now() < job.startedAt + job.runsMs) return;
    job.finished = true;
    const remote = this.world.accounts.filter((a) => !a.local && !a.hostile);
    for (let i = 0; i < job.replies; i++) {
      const author = remote[i % Math.max(1, remote.length)];
      this.world.publish("federated", {
        ...(author ? { account: author.account.acct } : {}),
        content: `<p>${REPLY_TEXTS[i % REPLY_TEXTS.length]}</p>`,
        in_reply_to_id: job.statusId,
      });
    }
    job.resultCount = job.replies;
  }

  /**
   * `inner` (the read routes) with home and thread answers refreshed, and the status endpoint;
   * `inner` as it is on a server without async refreshes (`enabled` false).
   */
  wrap(inner: Route[], enabled = true): Route[] {
    if (!enabled) return inner;
    const wrapped = inner.map((r) => {
      if (r.method !== "GET") return r;
      if (r.pattern.test("/api/v1/timelines/home"))
        return { ...r, handler: (ctx: RequestContext) => this.homeReply(ctx, r) };
      if (r.pattern.test("/api/v1/statuses/1/context"))
        return { ...r, handler: (ctx: RequestContext) => this.contextReply(ctx, r) };
      return r;
    });
    return [
      route("GET", "/api/v1_alpha/async_refreshes/:id", (ctx) => {
        const denied = requireAuth(ctx);
        if (denied) return denied;
        const job = [...this.threads.values()].find((j) => j.id === ctx.params.id);
        if (job) {
          this.settle(job);
          return json(200, {
            async_refresh: {
              id: job.id,
              status: job.finished ? "finished" : "running",
              result_count: job.resultCount,
            },
          });
        }
        if (this.home && this.home.id === ctx.params.id)
          return json(200, {
            async_refresh: { id: this.home.id, status: "running", result_count: null },
          });
        return json(404, { error: "Not Found" });
      }),
      ...wrapped,
    ];
  }

  private async homeReply(ctx: RequestContext, r: Route): Promise<Reply> {
    const reply = await r.handler(ctx);
    const home = this.home;
    if (!home || reply.status !== 200) return reply;
    home.left--;
    if (home.left <= 0) this.home = undefined;
    // Mastodon serves what the feed holds while it is rebuilt: here, nothing yet.
    return {
      ...reply,
      status: 206,
      body: [],
      headers: { ...reply.headers, "Mastodon-Async-Refresh": header(home.id, home.retrySeconds) },
    };
  }

  private async contextReply(ctx: RequestContext, r: Route): Promise<Reply> {
    const job = this.threads.get(ctx.params.id ?? "");
    if (job) {
      job.startedAt ??= this.now();
      this.settle(job);
    }
    const reply = await r.handler(ctx);
    if (!job || job.finished || reply.status !== 200) return reply;
    return {
      ...reply,
      headers: {
        ...reply.headers,
        "Mastodon-Async-Refresh": header(job.id, job.retrySeconds, job.resultCount),
      },
    };
  }
}
