// The simulated instance can play other Mastodon-API servers ("flavours"), each at least as
// strict as the real one, so the client is tested against what it will meet. Sources (each
// project's own code and docs):
// - GoToSocial (an older release, before multiplexing and header auth on the stream):
//   ULID ids for everything; streaming at /api/v1/streaming with `access_token` and `stream`
//   in the query (internal/api/client/streaming/stream.go documents both as query parameters);
//   `characters_reserved_per_url` 25; no api_versions; no filters v2, conversations, status
//   history or scheduled statuses in that release; no quote posts (its Status model,
//   internal/api/model/status.go, has no `quote`, `quotes_count` or `quote_approval`, and no
//   quotes or interaction_policy route), and no `timelines_access` in its instance JSON. Every
//   404 of its API, a missing route as a missing record, is `{"error":"Not Found"}`
//   (internal/api/util/errorhandling.go NotFoundHandler).
// - Pleroma/Akkoma: base62 FlakeIds (18 characters); no /api/v2/instance, limits in v1's
//   `max_toot_chars` and `poll_limits`; the text is counted as it is (no URL allowance);
//   streaming only with the token in the query; a boost repeats the original's content;
//   scheduled statuses are there (lib/pleroma/web/router.ex routes /api/v1/scheduled_statuses
//   to ScheduledActivityController: index, show, update, delete). Akkoma's quotes
//   (lib/pleroma/web/mastodon_api/views/status_view.ex): `quote` is the quoted Status itself,
//   or null when it cannot be shown, and `quote_id` its id (a ghost id when not shown); no
//   `quotes_count`, `quote_approval`, quotes list, revoke or interaction policy; no
//   `timelines_access`. An unknown API route answers `{"error":"Not implemented"}` with 404
//   (Router's `/api` catch-all, FallbackController's `api_not_implemented`).
// - Hollo (fedify-dev/hollo): UUIDv7 ids; notification ids are
//   `${created_at}/${type}/${uuid}` (src/api/v1/notifications.ts); no streaming at all
//   (no /api/v1/streaming route, the upgrade is a 404); `characters_reserved_per_url` 256,
//   max_characters 10000 (src/api/v2/instance.ts); statuses validated as JSON, so arrays sent
//   form-encoded (`media_ids[]`) do not arrive; cursors must be UUIDs; before 0.9.0 (its
//   CHANGES.md, "Fixed `min_id` handling") `min_id` returned the newest page above the cursor,
//   not the one joining it, and timelines ignored since_id; no filters, conversations,
//   scheduled statuses.
// - Sharkey (a Misskey fork; its Mastodon API is packages/backend/src/server/api/mastodon/,
//   2024–2025 releases): only /api/v1/instance, whose version is "3.0.0 (compatible; Sharkey
//   X; like Akkoma)", 16 attachments, polls of 10 × 150, min_expiration 50, and
//   `characters_reserved_per_url` set to the length of the instance's URL, while notes/create
//   counts `text.length + cw.length` with no URL allowance against maxNoteLength (3000 by
//   default, config.ts); Misskey "aidx" ids (misc/id/aidx.ts: 8 base36 digits of milliseconds
//   since 2000, 4 of node, 4 of counter); no markers, filters v2, scheduled statuses, grouped
//   notifications, unread count or translation; conversations and status history are there;
//   quotes in Akkoma's shape (MastodonConverters.ts), no Mastodon quote routes. It
//   has no Mastodon streaming, yet StreamingApiServerService upgrades any path (token from the
//   Authorization header or `?i=`, anonymous without one) to Misskey's own protocol, which
//   ignores Mastodon's subscribe messages: the socket opens, answers pings, and carries nothing.
//   An unknown GET under /api answers ApiServerService's UNKNOWN_API_ENDPOINT error; another
//   method, fastify's default 404.
// - snac (snac2 2.x, mastoapi.c and httpd.c): status ids are the creation time's 10 decimal
//   seconds then an md5 in hex (`mastoapi_id`), notification ids `tid()` without its dot (16
//   digits); only /api/v1/instance, version "4.0.0 (not true; really snac/2.94)",
//   max_characters 100000, `characters_reserved_per_url` 32, 4 attachments, polls 8 × 50; it
//   names `urls.streaming_api` but has no streaming endpoint; conversations, filters (v1 and
//   v2), favourites and scheduled statuses answer an empty list whatever there is; no status
//   history, translation, grouped notifications, requests, unread count or quote posts. Whatever it does not
//   handle is `<h1>404 Not Found (snac/2.94)</h1>` as text/html.
import { randomUUID } from "node:crypto";
import { DEMO_DOMAIN } from "./accounts.js";
import { json, NOT_FOUND, type Reply } from "./http-kit.js";

export const DEMO_FLAVOURS = [
  "mastodon",
  "gotosocial",
  "pleroma",
  "hollo",
  "sharkey",
  "snac",
] as const;
export type DemoFlavourName = (typeof DEMO_FLAVOURS)[number];

export function isDemoFlavour(name: string): name is DemoFlavourName {
  return (DEMO_FLAVOURS as readonly string[]).includes(name);
}

/** How the instance's streaming endpoint behaves. */
export type StreamingMode =
  /** Mastodon: one socket, Authorization header (or query/protocol token), subscribe messages. */
  | "multiplexed"
  /** Token only in the query, one stream per socket from `?stream=`; subscribe messages ignored. */
  | "query-token"
  /** No streaming endpoint: the upgrade and every /api/v1/streaming path answer 404. */
  | "none"
  /** Misskey's socket: any path upgrades, Mastodon's messages are ignored, nothing arrives. */
  | "misskey";

export interface IdScheme {
  /** Status ids, given the creation time; undefined = Mastodon's snowflakes. */
  status?(atMs: number): string;
  /** Notification ids; undefined = Mastodon's sequential ones. */
  notification?(atMs: number, type: string): string;
  /** Media, poll and scheduled-status ids; undefined = Mastodon's sequential ones. */
  other?(atMs: number): string;
}

export interface DemoFlavour {
  readonly name: DemoFlavourName;
  /** nodeinfo's software. */
  readonly software: { name: string; version: string };
  /** `version` in the instance JSON (Pleroma reports a Mastodon-compatible string). */
  readonly instanceVersion: string;
  readonly hasInstanceV2: boolean;
  readonly hasApiVersions: boolean;
  readonly maxCharacters: number;
  /** null: URLs count at their own length (Pleroma counts the text as it is). */
  readonly charactersReservedPerUrl: number | null;
  readonly maxMediaAttachments: number;
  readonly pollMaxOptions: number;
  readonly pollMaxCharactersPerOption: number;
  readonly streaming: StreamingMode;
  readonly ids: IdScheme;
  /** `METHOD /path` patterns answered 404 (the endpoint does not exist there). */
  readonly missing: readonly RegExp[];
  /** Form-encoded `key[]` arrays are understood (false: dropped, as a JSON-only server does). */
  readonly formArrays: boolean;
  /** Hollo's cursors: non-UUID max_id/min_id → 400; min_id returns the newest page (< 0.9.0). */
  readonly uuidCursors: boolean;
  /**
   * Mastodon's async refreshes (4.4+, methods/async_refreshes.md): a thread's context and a
   * regenerated home carry Mastodon-Async-Refresh, home answers 206 while rebuilt, and
   * /api/v1_alpha/async_refreshes/:id answers. No other server here has them (GoToSocial's
   * statuscontext.go answers a plain 200).
   */
  readonly asyncRefreshes: boolean;
  /**
   * A repeated POST /api/v1/statuses with the same Idempotency-Key returns the first toot:
   * Mastodon's PostStatusService keeps the key an hour, Hollo its posts.idempotence_key an
   * hour (src/api/v1/statuses.ts). Sharkey's Mastodon API (mastodon/endpoints/status.ts,
   * postStatus) and snac (mastoapi.c) never read the header: a repeat is a second toot.
   */
  readonly dedupesByIdempotencyKey: boolean;
  /** Removes or changes status fields the way this server renders them. */
  reshapeStatus(status: Record<string, unknown>): void;
  /** This server's answer to a path it has no route for (default: Mastodon's JSON 404). */
  readonly notFound?: (method: string, path: string) => Reply;
  /** This server's answer for a record that is not there (default: "Record not found"). */
  readonly recordNotFound?: Reply;
  /** `METHOD /path` patterns answered 200 with an empty list whatever there is (snac's stubs). */
  readonly emptyLists?: readonly RegExp[];
  /** Names a streaming URL in the instance JSON even without streaming (snac does). */
  readonly namesStreamingUrl?: boolean;
  /** `characters_reserved_per_url` as the instance JSON says it, when not the counting rule. */
  readonly advertisedUrlLength?: number;
  /** Rewrites a page of GET /api/v1/notifications the way this server lists it. */
  readonly reshapeNotifications?: (page: readonly Record<string, unknown>[]) => unknown[];
  /** Paging that is not Mastodon's (snac's). */
  readonly paging?: {
    /** Paths whose pages carry a Link header at all. */
    readonly linkOn: RegExp;
    /** The cursor in the Link header's rel="prev". */
    readonly prevKey: "min_id" | "since_id";
    /** Paths where min_id answers the newest page above the cursor, not the one joining it. */
    readonly minIdNewestOn: RegExp;
  };
}

const CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

function encode(value: bigint, alphabet: string, length: number): string {
  const base = BigInt(alphabet.length);
  let out = "";
  let v = value;
  while (v > 0n) {
    out = alphabet[Number(v % base)]! + out;
    v /= base;
  }
  return out.padStart(length, alphabet[0]!);
}

/** Strictly increasing (timestamp, sequence) pairs, so ids sort in creation order. */
function monotonic(): (atMs: number) => { ms: bigint; seq: bigint } {
  let lastMs = -1n;
  let seq = 0n;
  return (atMs) => {
    let ms = BigInt(Math.max(0, Math.floor(atMs)));
    if (ms <= lastMs) {
      ms = lastMs;
      seq++;
    } else seq = 0n;
    lastMs = ms;
    return { ms, seq };
  };
}

/** ULID: 48-bit milliseconds then 80 bits, Crockford base32, 26 characters. */
export function ulidIds(): (atMs: number) => string {
  const next = monotonic();
  return (atMs) => {
    const { ms, seq } = next(atMs);
    const low = (0x5a5a5a5a5a5a5n << 16n) + seq; // fixed "randomness" + the sequence
    return encode((ms << 80n) | low, CROCKFORD, 26);
  };
}

/** Pleroma's FlakeId: 64-bit milliseconds, 48-bit worker, 16-bit sequence, base62, 18 chars. */
export function flakeIds(): (atMs: number) => string {
  const next = monotonic();
  const worker = 0x2f1e3d4c5b6an;
  return (atMs) => {
    const { ms, seq } = next(atMs);
    return encode((ms << 64n) | (worker << 16n) | seq, BASE62, 18);
  };
}

/** UUIDv7: 48-bit milliseconds, version 7, variant 10, the rest counter + random. */
export function uuidV7Ids(): (atMs: number) => string {
  const next = monotonic();
  return (atMs) => {
    const { ms, seq } = next(atMs);
    const random = randomUUID().replace(/-/g, "").slice(0, 12);
    const hex =
      ms.toString(16).padStart(12, "0") +
      `7${(seq & 0xfffn).toString(16).padStart(3, "0")}` +
      `a${random.slice(0, 3)}` +
      random.slice(3, 12).padEnd(12, "0");
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
  };
}

export const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const path = (method: string, p: string) => new RegExp(`^${method} ${p}$`);
const ID = "[^/]+";

function drop(status: Record<string, unknown>, ...keys: string[]): void {
  for (const k of keys) delete status[k];
}

/**
 * Akkoma's and Sharkey's quote in place of Mastodon's Quote entity: `quote` is the quoted
 * status itself (already reshaped, being nested) or null, `quote_id` its id; no
 * `quotes_count` or `quote_approval`. `hiddenId` is the id given for a quote not shown,
 * `noQuoteId` the one a toot quoting nothing carries (undefined: the field is absent).
 */
function quotedStatusItself(
  status: Record<string, unknown>,
  hiddenId: string | undefined,
  noQuoteId: null | undefined,
): void {
  drop(status, "quotes_count", "quote_approval");
  const quote = status.quote as { state?: string; quoted_status?: unknown } | null | undefined;
  const shown = quote?.state === "accepted" ? (quote.quoted_status ?? null) : null;
  status.quote = shown;
  const id = quote ? ((shown as { id?: string } | null)?.id ?? hiddenId) : noQuoteId;
  if (id === undefined) drop(status, "quote_id");
  else status.quote_id = id;
}

/** Mastodon 4.5's quote routes (methods/statuses.md), which the older servers lack. */
const QUOTE_ROUTES = [
  path("GET", `/api/v1/statuses/${ID}/quotes`),
  path("POST", `/api/v1/statuses/${ID}/quotes/${ID}/revoke`),
  path("PUT", `/api/v1/statuses/${ID}/interaction_policy`),
];

const mastodon: DemoFlavour = {
  name: "mastodon",
  software: { name: "mastodon", version: "4.5.0" },
  instanceVersion: "4.5.0",
  hasInstanceV2: true,
  hasApiVersions: true,
  maxCharacters: 500,
  charactersReservedPerUrl: 23,
  maxMediaAttachments: 4,
  pollMaxOptions: 4,
  pollMaxCharactersPerOption: 50,
  streaming: "multiplexed",
  ids: {},
  missing: [],
  formArrays: true,
  uuidCursors: false,
  asyncRefreshes: true,
  dedupesByIdempotencyKey: true,
  reshapeStatus() {},
};

function gotosocial(): DemoFlavour {
  const ulid = ulidIds();
  return {
    ...mastodon,
    asyncRefreshes: false,
    name: "gotosocial",
    software: { name: "gotosocial", version: "0.15.0+git-5f3e7d4" },
    instanceVersion: "0.15.0+git-5f3e7d4",
    hasApiVersions: false,
    maxCharacters: 5000,
    charactersReservedPerUrl: 25,
    maxMediaAttachments: 6,
    pollMaxOptions: 6,
    streaming: "query-token",
    ids: { status: ulid, notification: (at) => ulid(at), other: ulid },
    missing: [
      path("GET", "/api/v2/filters"),
      // Grouped notifications, the policy and requests are Mastodon 4.3's.
      path("(GET|POST|PATCH)", "/api/v2/notifications(/.*)?"),
      path("(GET|POST)", "/api/v1/notifications/requests(/.*)?"),
      path("GET", "/api/v1/conversations"),
      path("GET", `/api/v1/statuses/${ID}/history`),
      path("(GET|POST|PUT|DELETE)", "/api/v1/scheduled_statuses(/.*)?"),
      path("GET", "/api/v1/notifications/unread_count"),
      ...QUOTE_ROUTES,
    ],
    reshapeStatus(status) {
      drop(status, "text", "edited_at", "quote", "quotes_count", "quote_approval");
    },
    notFound: () => json(404, { error: "Not Found" }),
    recordNotFound: json(404, { error: "Not Found" }),
  };
}

function pleroma(): DemoFlavour {
  const flake = flakeIds();
  return {
    ...mastodon,
    asyncRefreshes: false,
    name: "pleroma",
    software: { name: "pleroma", version: "2.5.2" },
    instanceVersion: "2.7.2 (compatible; Pleroma 2.5.2)",
    hasInstanceV2: false,
    hasApiVersions: false,
    maxCharacters: 5000,
    charactersReservedPerUrl: null,
    maxMediaAttachments: 20,
    pollMaxOptions: 20,
    pollMaxCharactersPerOption: 200,
    streaming: "query-token",
    ids: { status: flake, notification: (at) => flake(at), other: flake },
    missing: [
      path("GET", "/api/v2/instance"),
      path("GET", "/api/v2/filters"),
      // Grouped notifications, the policy and requests are Mastodon 4.3's.
      path("(GET|POST|PATCH)", "/api/v2/notifications(/.*)?"),
      path("(GET|POST)", "/api/v1/notifications/requests(/.*)?"),
      ...QUOTE_ROUTES,
    ],
    reshapeStatus(status) {
      drop(status, "edited_at");
      // "_" is Akkoma's ghost id: a quoted post that exists but is not shown.
      quotedStatusItself(status, "_", null);
      if (status.in_reply_to_id === null) drop(status, "in_reply_to_account_id");
      const account = status.account as Record<string, unknown> | undefined;
      if (account) drop(account, "group", "discoverable");
      // A boost's wrapper carries the original's content again (Mastodon's is empty).
      const reblog = status.reblog as Record<string, unknown> | null | undefined;
      if (reblog) status.content = reblog.content;
    },
    notFound: (method) => (method === "GET" ? json(404, { error: "Not implemented" }) : NOT_FOUND),
  };
}

function hollo(): DemoFlavour {
  const uuid = uuidV7Ids();
  return {
    ...mastodon,
    asyncRefreshes: false,
    name: "hollo",
    software: { name: "hollo", version: "0.6.4" },
    instanceVersion: "0.6.4",
    maxCharacters: 10_000,
    charactersReservedPerUrl: 256,
    maxMediaAttachments: 8,
    pollMaxOptions: 10,
    pollMaxCharactersPerOption: 100,
    streaming: "none",
    ids: {
      status: uuid,
      notification: (at, type) => `${new Date(at).toISOString()}/${type}/${uuid(at)}`,
      other: uuid,
    },
    missing: [
      path("GET", "/api/v1/streaming(/.*)?"),
      path("GET", "/api/v2/filters"),
      // Grouped notifications, the policy and requests are Mastodon 4.3's.
      path("(GET|POST|PATCH)", "/api/v2/notifications(/.*)?"),
      path("(GET|POST)", "/api/v1/notifications/requests(/.*)?"),
      path("GET", "/api/v1/conversations"),
      path("(GET|POST|PUT|DELETE)", "/api/v1/scheduled_statuses(/.*)?"),
      path("GET", "/api/v1/notifications/unread_count"),
    ],
    formArrays: false,
    uuidCursors: true,
    reshapeStatus(status) {
      drop(status, "text");
      if (status.in_reply_to_id === null) drop(status, "in_reply_to_account_id");
      const account = status.account as Record<string, unknown> | undefined;
      if (account) drop(account, "group", "discoverable");
    },
  };
}

/** Misskey's aidx: 8 base36 digits of ms since 2000, a 4-digit node, a 4-digit counter. */
export function aidxIds(): (atMs: number) => string {
  const next = monotonic();
  const TIME2000 = 946_684_800_000;
  let counter = 0;
  return (atMs) => {
    const { ms } = next(atMs);
    counter++;
    const time = Math.max(0, Number(ms) - TIME2000)
      .toString(36)
      .padStart(8, "0")
      .slice(-8);
    return `${time}k7qz${counter.toString(36).padStart(4, "0").slice(-4)}`;
  };
}

/**
 * snac's status ids: the creation time's seconds in 10 digits, then the md5 of the object's
 * URL in hex. The hex here counts up within a second so the demo's order is creation order
 * (snac orders by its index files, not by id).
 */
export function snacStatusIds(): (atMs: number) => string {
  const next = monotonic();
  let serial = 0n;
  return (atMs) => {
    const { ms } = next(atMs);
    serial++;
    const seconds = (ms / 1000n).toString().padStart(10, "0");
    return seconds + ((0x9e3779b9n << 64n) + serial).toString(16).padStart(32, "0");
  };
}

/** snac's notification ids: `tid()` ("%010ld.%06ld", seconds.microseconds) without the dot. */
export function snacNotificationIds(): (atMs: number) => string {
  const next = monotonic();
  return (atMs) => {
    const { ms, seq } = next(atMs);
    const micros = (ms % 1000n) * 1000n + (seq % 1000n);
    return (ms / 1000n).toString().padStart(10, "0") + micros.toString().padStart(6, "0");
  };
}

function sharkey(): DemoFlavour {
  const aidx = aidxIds();
  return {
    ...mastodon,
    asyncRefreshes: false,
    dedupesByIdempotencyKey: false,
    name: "sharkey",
    software: { name: "sharkey", version: "2025.4.3" },
    instanceVersion: "3.0.0 (compatible; Sharkey 2025.4.3; like Akkoma)",
    hasInstanceV2: false,
    hasApiVersions: false,
    maxCharacters: 3000,
    charactersReservedPerUrl: null,
    advertisedUrlLength: `https://${DEMO_DOMAIN}`.length,
    maxMediaAttachments: 16,
    pollMaxOptions: 10,
    pollMaxCharactersPerOption: 150,
    streaming: "misskey",
    ids: { status: aidx, notification: (at) => aidx(at), other: aidx },
    missing: [
      path("GET", "/api/v1/streaming(/.*)?"),
      path("GET", "/api/v2/instance"),
      path("GET", "/api/v2/filters"),
      path("(GET|POST)", "/api/v1/markers"),
      path("(GET|POST|PUT|DELETE)", "/api/v1/scheduled_statuses(/.*)?"),
      path("(GET|POST|PATCH)", "/api/v2/notifications(/.*)?"),
      path("(GET|POST)", "/api/v1/notifications/requests(/.*)?"),
      path("GET", "/api/v1/notifications/unread_count"),
      path("POST", `/api/v1/statuses/${ID}/translate`),
      ...QUOTE_ROUTES,
    ],
    // MastodonConverters.ts convertStatus: a renote with text is a quote, sent as Akkoma's
    // (`quote` the quoted status, `quote_id` its id, absent otherwise).
    reshapeStatus(status) {
      quotedStatusItself(status, undefined, undefined);
    },
    // endpoints/notifications.ts: a favourite is an emoji reaction (❤), listed as a
    // "reaction" and then again as a "favourite" with the same id.
    reshapeNotifications: (page) =>
      page.flatMap((n) =>
        n.type === "favourite" ? [{ ...n, type: "reaction", emoji: "❤" }, n] : [n],
      ),
    notFound: (method, p) =>
      method === "GET"
        ? json(404, {
            error: {
              message: "Unknown API endpoint.",
              code: "UNKNOWN_API_ENDPOINT",
              id: "2ca3b769-540a-4f08-9dd5-b5a825b6d0f1",
              kind: "client",
            },
          })
        : json(404, {
            message: `Route ${method}:${p} not found`,
            error: "Not Found",
            statusCode: 404,
          }),
  };
}

function snac(): DemoFlavour {
  const statusIds = snacStatusIds();
  const notificationIds = snacNotificationIds();
  return {
    ...mastodon,
    asyncRefreshes: false,
    dedupesByIdempotencyKey: false,
    name: "snac",
    software: { name: "snac", version: "2.94" },
    instanceVersion: "4.0.0 (not true; really snac/2.94)",
    hasInstanceV2: false,
    hasApiVersions: false,
    maxCharacters: 100_000,
    charactersReservedPerUrl: 32,
    maxMediaAttachments: 4,
    pollMaxOptions: 8,
    pollMaxCharactersPerOption: 50,
    streaming: "none",
    namesStreamingUrl: true,
    ids: { status: statusIds, notification: (at) => notificationIds(at), other: statusIds },
    missing: [
      path("GET", "/api/v1/streaming(/.*)?"),
      path("GET", "/api/v2/instance"),
      path("GET", `/api/v1/statuses/${ID}/history`),
      path("POST", `/api/v1/statuses/${ID}/translate`),
      path("(GET|POST|PATCH)", "/api/v2/notifications(/.*)?"),
      path("(GET|POST)", "/api/v1/notifications/requests(/.*)?"),
      path("GET", "/api/v1/notifications/unread_count"),
      path("(GET|PUT|DELETE)", `/api/v1/scheduled_statuses/${ID}`),
      ...QUOTE_ROUTES,
    ],
    // mastoapi.c mastoapi_status builds no quote, quotes_count or quote_approval.
    reshapeStatus(status) {
      drop(status, "quote", "quotes_count", "quote_approval");
    },
    emptyLists: [
      path("GET", "/api/v1/conversations"),
      path("GET", "/api/v(1|2)/filters"),
      path("GET", "/api/v1/favourites"),
      path("GET", "/api/v1/scheduled_statuses"),
    ],
    // mastoapi.c: only /api/v1/timelines/home calls timeline_link_header (rel="prev" with
    // since_id); the notifications list skips what is not above min_id from the newest down.
    paging: {
      linkOn: /^\/api\/v1\/timelines\/home$/,
      prevKey: "since_id",
      minIdNewestOn: /^\/api\/v1\/notifications$/,
    },
    notFound: () => ({
      status: 404,
      text: "<h1>404 Not Found (snac/2.94)</h1>",
      contentType: "text/html; charset=utf-8",
    }),
  };
}

/** A fresh flavour (its id generators start anew per instance). */
export function demoFlavour(name: DemoFlavourName = "mastodon"): DemoFlavour {
  switch (name) {
    case "mastodon":
      return mastodon;
    case "gotosocial":
      return gotosocial();
    case "pleroma":
      return pleroma();
    case "hollo":
      return hollo();
    case "sharkey":
      return sharkey();
    case "snac":
      return snac();
  }
}

const STATUS_KEYS = ["uri", "visibility", "content", "account"];

/** Applies the flavour's field differences to every status in a reply body (bounded depth). */
export function reshapeBody(flavour: DemoFlavour, body: unknown, depth = 0): unknown {
  if (flavour.reshapeStatus === mastodon.reshapeStatus || depth > 6) return body;
  if (Array.isArray(body)) return body.map((x) => reshapeBody(flavour, x, depth + 1));
  if (body === null || typeof body !== "object") return body;
  const copy: Record<string, unknown> = { ...(body as Record<string, unknown>) };
  for (const [k, v] of Object.entries(copy))
    if (v !== null && typeof v === "object") copy[k] = reshapeBody(flavour, v, depth + 1);
  if (STATUS_KEYS.every((k) => k in copy)) {
    if (copy.account && typeof copy.account === "object")
      copy.account = { ...(copy.account as object) };
    flavour.reshapeStatus(copy);
  }
  return copy;
}
