// What posting from the composer needs beyond rest-write.ts: media uploads that process
// for a moment (POST /api/v2/media → 202, GET /api/v1/media/:id → 206 then 200, PUT for
// the alt text), media_ids and scheduled_at on POST /api/v1/statuses (a ScheduledStatus
// answer), /api/v2/search for autocomplete, and the fault that drops a POST's answer
// after the server stored the toot.

import { DEMO_DOMAIN } from "./accounts.js";
import {
  invalid,
  json,
  type Reply,
  type RequestContext,
  type Route,
  requireAnyWrite,
  requireAuth,
  route,
  str,
} from "./http-kit.js";
import { SequentialIds } from "./ids.js";
import { refuseLength } from "./length-rules.js";
import type { ApiMediaAttachment, ApiStatus } from "./types.js";
import type { DemoWorld } from "./world.js";

/** Answers that get lost on the way back: the server acts, the client hears a reset. */
export class PostFaults {
  private dropsLeft = 0;
  /** The next `count` POST /api/v1/statuses are stored, then their connection is destroyed. */
  dropAfterStore(count = 1): void {
    this.dropsLeft = Math.max(0, Math.floor(count));
  }
  take(): boolean {
    if (this.dropsLeft <= 0) return false;
    this.dropsLeft--;
    return true;
  }
  clear(): void {
    this.dropsLeft = 0;
  }
}

export interface ComposeRouteDeps {
  world: DemoWorld;
  faults: PostFaults;
  /** Polls of GET /api/v1/media/:id answered 206 before the file counts as processed. */
  processingPolls?: number;
}

interface Upload {
  media: ApiMediaAttachment;
  pollsLeft: number;
}

interface ScheduledStatus {
  id: string;
  scheduled_at: string;
  params: Record<string, unknown>;
  media_attachments: ApiMediaAttachment[];
}

const MIN_SCHEDULE_MS = 5 * 60_000;

function list(v: unknown): string[] {
  return Array.isArray(v) ? v.map(String) : typeof v === "string" ? [v] : [];
}

/**
 * The routes, placed before `inner` (rest-write.ts's routes): POST /api/v1/statuses is
 * wrapped so that scheduling, media and the drop fault apply, and the rest is unchanged.
 */
export function composeRoutes(deps: ComposeRouteDeps, inner: Route[]): Route[] {
  const { world } = deps;
  const { flavour } = world;
  const uploads = new Map<string, Upload>();
  const scheduled = new Map<string, ScheduledStatus>();
  const mediaIds = new SequentialIds(109_999_990n);
  const scheduledIds = new SequentialIds(9_990n);
  const innerPost = inner.find(
    (r) => r.method === "POST" && r.pattern.test("/api/v1/statuses"),
  )?.handler;

  const post = async (ctx: RequestContext): Promise<Reply> => {
    const denied = requireAnyWrite(ctx);
    if (denied) return denied;
    const ids = list(ctx.body.media_ids);
    const media: ApiMediaAttachment[] = [];
    for (const id of ids) {
      const upload = uploads.get(id);
      if (!upload) return invalid("Media attachments are invalid");
      if (upload.pollsLeft > 0)
        return json(422, {
          error: "Cannot attach files that have not finished processing. Try again in a moment!",
        });
      media.push(upload.media);
    }
    const most = flavour.maxMediaAttachments;
    if (ids.length > most)
      return invalid(`Media attachments: You can only attach up to ${most} files`);
    const at = str(ctx.body.scheduled_at);
    if (at) {
      const when = Date.parse(at);
      if (Number.isNaN(when)) return invalid("Scheduled at is invalid");
      if (when - ctx.now < MIN_SCHEDULE_MS)
        return invalid("Scheduled at The scheduled date must be in the future");
      const text = str(ctx.body.status) ?? "";
      const spoiler = str(ctx.body.spoiler_text) ?? "";
      if (text.trim() === "" && media.length === 0) return invalid("Text can't be blank");
      const tooLong = refuseLength(flavour, text, spoiler);
      if (tooLong) return tooLong;
      const id = flavour.ids.other?.(ctx.now) ?? scheduledIds.next();
      const item: ScheduledStatus = {
        id,
        scheduled_at: new Date(when).toISOString(),
        params: {
          text,
          spoiler_text: spoiler || null,
          visibility: str(ctx.body.visibility) ?? "public",
          language: str(ctx.body.language) ?? null,
          in_reply_to_id: str(ctx.body.in_reply_to_id) ?? null,
          media_ids: ids.length ? ids : null,
          sensitive: ctx.body.sensitive === true || ctx.body.sensitive === "true",
          poll: ctx.body.poll ?? null,
          scheduled_at: null,
          idempotency: str(ctx.req.headers["idempotency-key"]) ?? null,
          application_id: 1,
          with_rate_limit: false,
        },
        media_attachments: media,
      };
      scheduled.set(id, item);
      return json(200, item);
    }
    if (!innerPost) return json(500, { error: "no status handler" });
    // rest-write.ts validates and stores; it still refuses an attachment-only toot.
    const reply = await innerPost(ctx);
    if (reply.status === 200 && media.length) {
      const status = reply.body as ApiStatus;
      status.media_attachments = media;
    }
    if (deps.faults.take()) {
      // Stored and announced: now the answer is lost, as when a proxy drops the connection.
      ctx.req.socket.destroy();
    }
    return reply;
  };

  const upload = (ctx: RequestContext): Reply => {
    const denied = requireAnyWrite(ctx);
    if (denied) return denied;
    const id = flavour.ids.other?.(ctx.now) ?? mediaIds.next();
    const file = id.slice(-6);
    const media: ApiMediaAttachment = {
      id,
      type: "image",
      url: null as unknown as string,
      preview_url: `https://${DEMO_DOMAIN}/system/media_attachments/files/small/${file}.png`,
      remote_url: null,
      preview_remote_url: null,
      text_url: null,
      meta: { original: { width: 640, height: 480, size: "640x480", aspect: 4 / 3 } },
      description: str(ctx.body.description) ?? null,
      blurhash: "UFBWY:8_0Jxv4mx]t8t64.%M-:IUWGWAt6M}",
    };
    const polls = deps.processingPolls ?? 1;
    uploads.set(id, { media, pollsLeft: polls });
    if (polls === 0)
      media.url = `https://${DEMO_DOMAIN}/system/media_attachments/files/original/${file}.png`;
    // 202: accepted, still processing (url null), as Mastodon answers large uploads.
    return json(polls === 0 ? 200 : 202, media);
  };

  const fetchMedia = (ctx: RequestContext): Reply => {
    const denied = requireAuth(ctx);
    if (denied) return denied;
    const found = uploads.get(ctx.params.id ?? "");
    if (!found) return json(404, { error: "Record not found" });
    if (found.pollsLeft > 0) {
      found.pollsLeft--;
      if (found.pollsLeft === 0) {
        found.media.url = `https://${DEMO_DOMAIN}/system/media_attachments/files/original/${found.media.id.slice(-6)}.png`;
      }
      return json(206, { ...found.media, url: null });
    }
    return json(200, found.media);
  };

  const describe = (ctx: RequestContext): Reply => {
    const denied = requireAnyWrite(ctx);
    if (denied) return denied;
    const found = uploads.get(ctx.params.id ?? "");
    if (!found) return json(404, { error: "Record not found" });
    const description = str(ctx.body.description);
    if (description !== undefined) {
      if ([...description].length > 1500)
        return invalid("Description is too long (maximum is 1500 characters)");
      found.media.description = description;
    }
    return json(200, found.media);
  };

  const search = (ctx: RequestContext): Reply => {
    const q = (ctx.url.searchParams.get("q") ?? "").trim();
    const type = ctx.url.searchParams.get("type");
    const limit = Math.min(40, Math.max(1, Number(ctx.url.searchParams.get("limit") ?? 20) || 20));
    if (q === "") return json(200, { accounts: [], statuses: [], hashtags: [] });
    const word = q.replace(/^[@#]/, "").toLowerCase();
    if (word === "") return json(200, { accounts: [], statuses: [], hashtags: [] });
    const want = (t: string) => !type || type === t;
    const accounts = want("accounts")
      ? world.accounts
          .filter(
            (a) =>
              a.account.acct.toLowerCase().startsWith(word) ||
              a.account.username.toLowerCase().startsWith(word) ||
              // Mastodon matches the start of any word of the display name (its tsvector).
              a.account.display_name
                .toLowerCase()
                .split(/\s+/)
                .some((w) => w.startsWith(word)),
          )
          .slice(0, limit)
          .map((a) => a.account)
      : [];
    const tagNames = new Set<string>();
    if (want("hashtags")) {
      for (const s of world.statuses) {
        for (const t of (s.status.reblog ?? s.status).tags) {
          if (t.name.toLowerCase().startsWith(word)) tagNames.add(t.name.toLowerCase());
        }
      }
    }
    const hashtags = [...tagNames]
      .sort((a, b) => a.length - b.length || a.localeCompare(b))
      .slice(0, limit)
      .map((name) => ({
        name,
        url: `https://${DEMO_DOMAIN}/tags/${encodeURIComponent(name)}`,
        history: [],
      }));
    // Full-text status search needs auth and is limited to what the user may see.
    const statuses =
      want("statuses") && ctx.auth && !q.startsWith("@") && !q.startsWith("#")
        ? world.statuses
            .filter((s) => s.status.content.toLowerCase().includes(word))
            .slice(-limit)
            .reverse()
            .map((s) => s.status)
        : [];
    return json(200, { accounts, statuses, hashtags });
  };

  return [
    route("POST", "/api/v1/statuses", post),
    route("POST", "/api/v2/media", upload),
    route("POST", "/api/v1/media", upload),
    route("GET", "/api/v1/media/:id", fetchMedia),
    route("PUT", "/api/v1/media/:id", describe),
    route("GET", "/api/v2/search", search),
    route(
      "GET",
      "/api/v1/scheduled_statuses",
      (ctx) => requireAuth(ctx) ?? json(200, [...scheduled.values()]),
    ),
    route("GET", "/api/v1/scheduled_statuses/:id", (ctx) => {
      const found = scheduled.get(ctx.params.id ?? "");
      return (
        requireAuth(ctx) ?? (found ? json(200, found) : json(404, { error: "Record not found" }))
      );
    }),
    route("DELETE", "/api/v1/scheduled_statuses/:id", (ctx) => {
      const denied = requireAuth(ctx);
      if (denied) return denied;
      scheduled.delete(ctx.params.id ?? "");
      return json(200, {});
    }),
    ...inner,
  ];
}
