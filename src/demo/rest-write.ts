// Write endpoints the client uses: posting (with Idempotency-Key), editing, deleting,
// favourite / boost / bookmark, poll votes and read markers.

import { formatPlainText } from "./compose.js";
import {
  invalid,
  json,
  NOT_FOUND,
  type Reply,
  type RequestContext,
  type Route,
  requireAuth,
  route,
  str,
} from "./http-kit.js";
import { pollOptions, refuseLength } from "./length-rules.js";
import type { DemoQuotes } from "./quotes.js";
import { buildReblog } from "./status-factory.js";
import type { ApiPoll, ApiStatus } from "./types.js";
import type { DemoWorld } from "./world.js";

export interface WriteDeps {
  world: DemoWorld;
  /** Quote posts (quoted_status_id, quote_approval_policy) on POST /api/v1/statuses. */
  quotes?: DemoQuotes;
}

const IDEMPOTENCY_MS = 60 * 60_000;
const VISIBILITIES = new Set(["public", "unlisted", "private", "direct"]);

function requireWrite(ctx: RequestContext): Reply | null {
  const denied = requireAuth(ctx);
  if (denied) return denied;
  const scopes = ctx.auth?.scopes ?? [];
  return scopes.some(
    (s) =>
      s === "write" ||
      s === "write:statuses" ||
      s === "write:favourites" ||
      s === "write:bookmarks",
  )
    ? null
    : json(403, { error: "This action is outside the authorized scopes" });
}

export function writeRoutes({ world, quotes }: WriteDeps): Route[] {
  const sources = new Map<string, { text: string; spoiler_text: string }>();
  const idempotent = new Map<string, { id: string; at: number }>();
  const markers = world.markers;

  const ownStatus = (ctx: RequestContext) => {
    const found = world.get(ctx.params.id ?? "");
    return found && found.status.account.id === world.me.account.id ? found : undefined;
  };
  const viewable = (ctx: RequestContext) => world.get(ctx.params.id ?? "");

  const { flavour } = world;
  const validate = (text: string, spoiler: string, hasPoll: boolean): Reply | null => {
    if (text.trim() === "" && !hasPoll) return invalid("Text can't be blank");
    return refuseLength(flavour, text, spoiler);
  };

  const pollFrom = (raw: unknown, now: number): ApiPoll | null | Reply => {
    if (!raw || typeof raw !== "object") return null;
    const p = raw as Record<string, unknown>;
    const options = pollOptions(flavour, Array.isArray(p.options) ? p.options.map(String) : []);
    if (!Array.isArray(options)) return options;
    const expiresIn = Number(p.expires_in ?? 86_400);
    return {
      // From the world's counter: a clock-derived id repeats when two polls share a millisecond.
      id: world.nextPollId(now),
      expires_at: new Date(now + expiresIn * 1000).toISOString(),
      expired: false,
      multiple: p.multiple === true || p.multiple === "true",
      votes_count: 0,
      voters_count: 0,
      voted: true,
      own_votes: [],
      options: options.map((title) => ({ title, votes_count: 0 })),
      emojis: [],
    };
  };

  return [
    route("POST", "/api/v1/statuses", (ctx) => {
      const denied = requireWrite(ctx);
      if (denied) return denied;
      const key = ctx.req.headers["idempotency-key"];
      const idemKey =
        flavour.dedupesByIdempotencyKey && typeof key === "string" && key !== ""
          ? `${ctx.token}\u0000${key}`
          : null;
      const previous = idemKey ? idempotent.get(idemKey) : undefined;
      if (previous && ctx.now - previous.at < IDEMPOTENCY_MS) {
        const again = world.get(previous.id);
        if (again) return json(200, again.status);
      }
      const text = str(ctx.body.status) ?? "";
      const spoiler = str(ctx.body.spoiler_text) ?? "";
      const poll = pollFrom(ctx.body.poll, ctx.now);
      if (poll && "status" in poll) return poll;
      const problem = validate(text, spoiler, poll !== null) ?? quotes?.checkPost(ctx);
      if (problem) return problem;
      const visibility = str(ctx.body.visibility) ?? "public";
      if (!VISIBILITIES.has(visibility)) return invalid("Visibility is not included in the list");
      const replyTo = str(ctx.body.in_reply_to_id);
      const parent = replyTo ? world.get(replyTo) : undefined;
      if (replyTo && !parent) return NOT_FOUND;
      const formatted = formatPlainText(text, world.accounts);
      const stored = world.postAsMe(
        {
          html: formatted.html,
          tags: formatted.tags,
          mentions: formatted.mentions,
          language: str(ctx.body.language) ?? "en",
          spoiler_text: spoiler,
          sensitive: ctx.body.sensitive === true || ctx.body.sensitive === "true" || spoiler !== "",
        },
        visibility as ApiStatus["visibility"],
        ctx.now,
        false,
        parent?.status ?? null,
      );
      stored.status.poll = poll;
      stored.status.application = { name: "tootty", website: null };
      quotes?.attachToPost(stored.status, ctx);
      sources.set(stored.id, { text, spoiler_text: spoiler });
      if (idemKey) idempotent.set(idemKey, { id: stored.id, at: ctx.now });
      world.announce({ type: "update", stored });
      return json(200, stored.status);
    }),
    route("GET", "/api/v1/statuses/:id/source", (ctx) => {
      const denied = requireAuth(ctx);
      if (denied) return denied;
      const own = ownStatus(ctx);
      const source = own ? sources.get(own.id) : undefined;
      return own
        ? json(200, {
            id: own.id,
            text: source?.text ?? "",
            spoiler_text: source?.spoiler_text ?? own.status.spoiler_text,
          })
        : NOT_FOUND;
    }),
    route("PUT", "/api/v1/statuses/:id", (ctx) => {
      const denied = requireWrite(ctx);
      if (denied) return denied;
      const own = ownStatus(ctx);
      if (!own) return NOT_FOUND;
      const text = str(ctx.body.status) ?? "";
      const spoiler = str(ctx.body.spoiler_text) ?? "";
      const problem = validate(text, spoiler, own.status.poll !== null);
      if (problem) return problem;
      own.status.spoiler_text = spoiler;
      sources.set(own.id, { text, spoiler_text: spoiler });
      return json(
        200,
        world.edit(own.id, formatPlainText(text, world.accounts).html, ctx.now).status,
      );
    }),
    route("DELETE", "/api/v1/statuses/:id", (ctx) => {
      const denied = requireWrite(ctx);
      if (denied) return denied;
      const own = ownStatus(ctx);
      if (!own) return NOT_FOUND;
      world.delete(own.id);
      // Mastodon returns the deleted status with its source text, for "delete & redraft".
      return json(200, { ...own.status, text: sources.get(own.id)?.text ?? "" });
    }),
    ...(["favourite", "unfavourite", "bookmark", "unbookmark"] as const).map((action) =>
      route("POST", `/api/v1/statuses/:id/${action}`, (ctx) => {
        const denied = requireWrite(ctx);
        if (denied) return denied;
        const found = viewable(ctx);
        if (!found) return NOT_FOUND;
        const target = found.status.reblog ?? found.status;
        const on = !action.startsWith("un");
        if (action.endsWith("favourite")) {
          if (target.favourited !== on) target.favourites_count += on ? 1 : -1;
          target.favourited = on;
        } else target.bookmarked = on;
        world.markSaved(action.endsWith("favourite") ? "favourites" : "bookmarks", target.id, on);
        return json(200, target);
      }),
    ),
    route("POST", "/api/v1/statuses/:id/reblog", (ctx) => {
      const denied = requireWrite(ctx);
      if (denied) return denied;
      const found = viewable(ctx);
      if (!found) return NOT_FOUND;
      const original = found.status.reblog ?? found.status;
      if (original.visibility === "private" || original.visibility === "direct") {
        return invalid("Reblog of private status is not allowed");
      }
      const existing = world.statuses.find(
        (s) => s.status.reblog?.id === original.id && s.status.account.id === world.me.account.id,
      );
      if (existing) return json(200, existing.status);
      original.reblogged = true;
      original.reblogs_count += 1;
      const stored = world.storeAndAnnounce(
        buildReblog(world.nextStatusId(ctx.now), ctx.now, world.me, original),
        true,
        true,
      );
      return json(200, { ...stored.status, reblogged: true });
    }),
    route("POST", "/api/v1/statuses/:id/unreblog", (ctx) => {
      const denied = requireWrite(ctx);
      if (denied) return denied;
      const found = viewable(ctx);
      if (!found) return NOT_FOUND;
      const original = found.status.reblog ?? found.status;
      const mine = world.statuses.find(
        (s) => s.status.reblog?.id === original.id && s.status.account.id === world.me.account.id,
      );
      if (mine) {
        world.delete(mine.id);
        original.reblogs_count = Math.max(0, original.reblogs_count - 1);
      }
      original.reblogged = false;
      return json(200, original);
    }),
    route("POST", "/api/v1/polls/:id/votes", (ctx) => {
      const denied = requireWrite(ctx);
      if (denied) return denied;
      const holder = world.statuses.find((s) => s.status.poll?.id === ctx.params.id);
      const poll = holder?.status.poll;
      if (!poll) return NOT_FOUND;
      if (poll.expired) return invalid("The poll has already ended");
      if (poll.voted) return invalid("You have already voted on this poll");
      const raw = ctx.body.choices;
      const choices = (Array.isArray(raw) ? raw : [raw])
        .map(Number)
        .filter((n) => Number.isInteger(n) && n >= 0 && n < poll.options.length);
      if (choices.length === 0 || (!poll.multiple && choices.length > 1))
        return invalid("Choices are invalid");
      for (const c of choices) {
        const option = poll.options[c]!;
        option.votes_count = (option.votes_count ?? 0) + 1;
      }
      poll.votes_count += choices.length;
      poll.voters_count = (poll.voters_count ?? 0) + 1;
      poll.voted = true;
      poll.own_votes = choices;
      return json(200, poll);
    }),
    route("GET", "/api/v1/markers", (ctx) => {
      const denied = requireAuth(ctx);
      if (denied) return denied;
      const wanted = ctx.url.searchParams.getAll("timeline[]");
      const out: Record<string, unknown> = {};
      for (const name of wanted) {
        const m = markers.get(name);
        if (m) out[name] = m;
      }
      return json(200, out);
    }),
    route("POST", "/api/v1/markers", (ctx) => {
      const denied = requireWrite(ctx);
      if (denied) return denied;
      const out: Record<string, unknown> = {};
      for (const name of ["home", "notifications"]) {
        const entry = ctx.body[name] as Record<string, unknown> | undefined;
        const id = entry ? str(entry.last_read_id) : undefined;
        if (!id) continue;
        const version = (markers.get(name)?.version ?? 0) + 1;
        const marker = { last_read_id: id, version, updated_at: new Date(ctx.now).toISOString() };
        markers.set(name, marker);
        out[name] = marker;
      }
      return json(200, out);
    }),
  ];
}
