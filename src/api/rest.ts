// The REST client every other room uses. Built on masto's client (masto-rest.ts); every call goes
// through `$raw` (so X-RateLimit-* headers are readable) and through the account's RequestQueue.
import type { mastodon } from "masto";
import { asyncRefreshOf } from "./async-refresh.js";
import { type Clock, systemClock, type TimerHandle } from "./clock.js";
import { HttpError, NotSupportedError } from "./errors.js";
import type { HeaderReader } from "./http-exchange.js";
import { type InstanceInfo, instanceFromV1, instanceFromV2 } from "./instance-info.js";
import { type PageLinks, parseLinkHeader } from "./link-header.js";
import { createBoundedMasto, type RawAnswer } from "./masto-rest.js";
import { type FetchJson, fetchSoftware, plainFetchJson } from "./nodeinfo.js";
import { NOTIFICATION_TYPES } from "./notification-types.js";
import { type RateLimitInfo, RequestQueue, type RestState } from "./request-queue.js";
import { type ServerFeature, ServerProfile, type Software } from "./server-profile.js";

export type { InstanceInfo } from "./instance-info.js";
export type { PageLinks } from "./link-header.js";
export type { RawAnswer } from "./masto-rest.js";
export type { RateLimitInfo, RestState } from "./request-queue.js";

export type TimelineKind = "home" | "local" | "federated";

export interface PageParams {
  maxId?: string;
  minId?: string;
  sinceId?: string;
  limit?: number;
}

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

export interface RawRequest {
  method: HttpMethod;
  /** Absolute path on the instance starting with /api/, e.g. "/api/v1/statuses/1/favourite". */
  path: string;
  /** Query for GET, JSON body otherwise; camelCase keys are sent snake_cased (masto does it). */
  params?: Record<string, unknown>;
  /** Makes a POST safe to retry: the server remembers the key for an hour. */
  idempotencyKey?: string;
  /**
   * The server feature this endpoint belongs to: a server known not to have it is not asked
   * (NotSupportedError at once), and an answer saying the endpoint does not exist teaches
   * the profile so (NotSupportedError instead of an HTTP error).
   */
  feature?: ServerFeature;
}

/** Answers meaning "no such endpoint here" (405: the path exists, this method does not). */
const ABSENT_ENDPOINT = new Set([404, 405, 410, 501]);

/** Features whose endpoints are about one toot: their 404 may be the toot's, not the route's. */
const ON_A_RECORD = new Set<ServerFeature>(["statusHistory", "translation"]);

/** The toot a request on one toot is about: `/api/v1/statuses/:id/…`. */
const ON_A_STATUS = /^\/api\/v1\/statuses\/([^/]+)\/[^/]+$/;

/**
 * Whether an error says the endpoint is missing. On a toot's endpoint, Mastodon's
 * "Record not found" (a deleted toot) is about the toot, not the endpoint. Elsewhere a 404's
 * words cannot tell: GoToSocial answers `{"error":"Not Found"}` for a missing route and a
 * missing toot alike (internal/api/util/errorhandling.go), so the toot itself is asked: if it
 * is gone too, the 404 was the toot's.
 */
async function endpointMissing(
  err: unknown,
  feature: ServerFeature,
  path: string,
  send: (req: RawRequest) => Promise<unknown>,
): Promise<boolean> {
  if (!(err instanceof HttpError) || !ABSENT_ENDPOINT.has(err.status)) return false;
  if (!ON_A_RECORD.has(feature)) return true;
  if (/record not found/i.test(err.serverMessage)) return false;
  const id = ON_A_STATUS.exec(path)?.[1];
  if (err.status !== 404 || id === undefined) return true;
  try {
    await send({ method: "GET", path: `/api/v1/statuses/${id}` });
    return true;
  } catch (probe) {
    if (probe instanceof HttpError && probe.status === 404) return false;
    throw err;
  }
}

export interface RestClientOptions {
  instanceUrl: string;
  accessToken: string;
  clock?: Clock;
  timeoutMs?: number;
  maxRetries?: number;
  /** Requests in flight at once (the queue's default when absent). */
  concurrency?: number;
  random?: () => number;
  /** Replaces the credential-less JSON GET NodeInfo is read with (tests). */
  fetchJson?: FetchJson;
}

export interface RestClient {
  readonly instanceUrl: string;
  /** What this server is and has: filled by `instance()`, `software()` and every answer. */
  readonly profile: ServerProfile;
  instance(): Promise<InstanceInfo>;
  /** NodeInfo's software (undefined when the server does not say); never rejects but aborted. */
  software(): Promise<Software | undefined>;
  verifyCredentials(): Promise<mastodon.v1.Account>;
  timeline(kind: TimelineKind, page?: PageParams): Promise<mastodon.v1.Status[]>;
  notifications(page?: PageParams): Promise<mastodon.v1.Notification[]>;
  filters(): Promise<mastodon.v2.Filter[]>;
  /** Any endpoint without a typed function, still queued, rate-limited and retried. */
  request<T>(req: RawRequest): Promise<T>;
  /** `request`, answering the HTTP status and headers too (a 206, Link, Mastodon-Async-Refresh). */
  requestWithResponse<T>(req: RawRequest): Promise<RawAnswer<T>>;
  /** As `request`, with the cursors of the `Link` header's next and prev pages. */
  requestPage<T>(req: RawRequest): Promise<{ data: T; links: PageLinks }>;
  readonly state: RestState;
  readonly rateLimit: RateLimitInfo;
  /** Requests not settled yet (in flight, queued, or waiting to retry). */
  readonly pending: number;
  onStateChange(listener: (s: RestState) => void): () => void;
  /** Aborts every request in flight or waiting; later calls fail with RequestAbortedError. */
  close(): void;
}

/** masto's action proxy, typed only as far as we use it: `$select(...segments)[verb].$raw()`. */
type RawVerb = (params: unknown, meta: { requestInit: RequestInit }) => Promise<RawAnswer>;
type SelectableProxy = {
  $select(...segments: string[]): Record<string, { $raw: RawVerb }>;
};

const VERB: Record<Exclude<HttpMethod, "PATCH">, string> = {
  GET: "fetch",
  POST: "create",
  PUT: "update",
  DELETE: "remove",
};

function timelinePath(kind: TimelineKind): { path: string; params: Record<string, unknown> } {
  if (kind === "home") return { path: "/api/v1/timelines/home", params: {} };
  if (kind === "local") return { path: "/api/v1/timelines/public", params: { local: true } };
  return { path: "/api/v1/timelines/public", params: {} };
}

export function pageParams(page: PageParams = {}): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (page.maxId !== undefined) out.maxId = page.maxId;
  if (page.minId !== undefined) out.minId = page.minId;
  if (page.sinceId !== undefined) out.sinceId = page.sinceId;
  if (page.limit !== undefined) out.limit = page.limit;
  return out;
}

/** A hostile or broken server may send anything: keep only objects with a string id. */
export function withStringIds<T>(data: unknown): T[] {
  if (!Array.isArray(data)) return [];
  return data.filter(
    (x): x is T =>
      x !== null && typeof x === "object" && typeof (x as { id?: unknown }).id === "string",
  );
}

/** Home pages answered 206: Mastodon is regenerating the feed (methods/timelines.md). */
const regenerating = new WeakMap<object, { retryMs?: number }>();

/** Marks a page as answered 206; `retryMs` as the server's Mastodon-Async-Refresh asked. */
export function markRegenerating(page: object, retryMs?: number): void {
  regenerating.set(page, retryMs === undefined ? {} : { retryMs });
}

/**
 * Whether this page of `timeline("home")` came with a 206 ("the feed is being regenerated"):
 * the statuses are what the server had so far; ask again later. `retryMs` is the wait the
 * server asked for in Mastodon-Async-Refresh (4.4+), when it sent one.
 */
export function regeneratingPage(page: object): { retryMs?: number } | undefined {
  return regenerating.get(page);
}

/** The headers of an answer that has none to read (the NodeInfo probe's, to the queue). */
const NO_HEADERS: HeaderReader = { get: () => null };

/** How long a keyed POST waits for NodeInfo before going as to a server not known to dedupe. */
const SOFTWARE_WAIT_MS = 5_000;

export function createRestClient(opts: RestClientOptions): RestClient {
  const clock = opts.clock ?? systemClock;
  const { proxy, http } = createBoundedMasto({
    url: opts.instanceUrl,
    accessToken: opts.accessToken,
  });
  const masto = proxy as SelectableProxy;
  const queue = new RequestQueue({
    clock,
    timeoutMs: opts.timeoutMs ?? 15_000,
    maxRetries: opts.maxRetries,
    concurrency: opts.concurrency,
    random: opts.random,
  });

  const profile = new ServerProfile();
  const fetchJson = opts.fetchJson ?? plainFetchJson();

  async function request<T>(req: RawRequest): Promise<T> {
    return (await requestWithResponse<T>(req)).data;
  }

  async function requestPage<T>(req: RawRequest): Promise<{ data: T; links: PageLinks }> {
    const answer = await requestWithResponse<T>(req);
    return { data: answer.data, links: parseLinkHeader(answer.headers.get("link")) };
  }

  function requestWithResponse<T>(req: RawRequest): Promise<RawAnswer<T>> {
    const { feature } = req;
    if (feature === undefined) return send<T>(req);
    if (!profile.supports(feature)) return Promise.reject(new NotSupportedError(feature));
    return send<T>(req).then(
      (answer) => {
        profile.learn(feature, true);
        return answer;
      },
      async (err: unknown) => {
        if (!(await endpointMissing(err, feature, req.path, send))) throw err;
        profile.learn(feature, false);
        throw new NotSupportedError(feature);
      },
    );
  }

  /** NodeInfo's read, while it is under way (software()). */
  let softwareRead: Promise<unknown> | undefined;

  /**
   * A keyed POST is retried only where the server is known to dedupe by the key, so one sent
   * while NodeInfo is still on its way waits for it, a few seconds at most: otherwise a toot
   * typed in the first second on Mastodon was not retried after a lost answer.
   */
  async function softwareKnown(read: Promise<unknown>): Promise<void> {
    let timer: TimerHandle | undefined;
    await Promise.race([
      read.catch(() => undefined),
      new Promise<void>((resolve) => {
        timer = clock.setTimeout(resolve, SOFTWARE_WAIT_MS);
      }),
    ]);
    if (timer !== undefined) clock.clearTimeout(timer);
  }

  function send<T>(req: RawRequest): Promise<RawAnswer<T>> {
    if (req.idempotencyKey !== undefined && softwareRead && !profile.software)
      return softwareKnown(softwareRead).then(() => sendNow<T>(req));
    return sendNow<T>(req);
  }

  function sendNow<T>(req: RawRequest): Promise<RawAnswer<T>> {
    if (!req.path.startsWith("/api/"))
      return Promise.reject(new Error(`not an API path: ${req.path}`));
    // $select keeps segments verbatim (masto would snake_case property names, mangling ids).
    const segments = req.path.slice("/api/".length).split("/").filter(Boolean);
    const headers: Record<string, string> = {};
    if (req.idempotencyKey) headers["Idempotency-Key"] = req.idempotencyKey;
    const method = req.method;
    return queue.run<RawAnswer<T>>({
      // PATCH sets fields to the values sent: repeating it changes nothing more.
      // A POST is sent again only where the server dedupes by its key (profile.dedupesPosts):
      // elsewhere a repeat after a lost answer is a second toot.
      idempotent:
        method === "GET" ||
        method === "PATCH" ||
        (req.idempotencyKey !== undefined && profile.dedupesPosts()),
      send: async (signal) => {
        const meta = { requestInit: { signal, headers } };
        let res: { data: unknown; headers: HeaderReader; status?: number };
        if (method === "PATCH") {
          res = await http.patch(req.path, req.params ?? {}, meta);
        } else {
          const endpoint = masto.$select(...segments)[VERB[method]];
          if (!endpoint) throw new Error("masto proxy: no verb");
          res = await endpoint.$raw(req.params ?? {}, meta);
        }
        const answer = { data: res.data as T, headers: res.headers, status: res.status ?? 200 };
        return { data: answer, headers: res.headers };
      },
    });
  }

  async function readSoftware(): Promise<Software | undefined> {
    try {
      const found = await queue.run({
        idempotent: true,
        send: async (signal) => ({
          data: await fetchSoftware(opts.instanceUrl, fetchJson, signal),
          headers: NO_HEADERS,
        }),
      });
      profile.setSoftware(found);
      return found;
    } catch (err) {
      // What the server is only refines the profile: not knowing it is no failure.
      if (err instanceof Error && err.name === "RequestAbortedError") throw err;
      return undefined;
    }
  }

  const readInstance = async (): Promise<InstanceInfo> => {
    // Servers older than Mastodon 4.0 (and Pleroma, Akkoma, Sharkey, snac) only have v1. It is
    // asked alongside v2, not after v2's 404: the session waits for the instance, and on a
    // slow v1-only server asking in turn put a second round trip before the first toots.
    const v2 = request({ method: "GET", path: "/api/v2/instance" });
    const v1 = request({ method: "GET", path: "/api/v1/instance" });
    v1.catch(() => undefined);
    try {
      return instanceFromV2(await v2, opts.instanceUrl);
    } catch (err) {
      if (err instanceof HttpError && (err.status === 404 || err.status === 410))
        return instanceFromV1(await v1, opts.instanceUrl);
      throw err;
    }
  };

  return {
    instanceUrl: opts.instanceUrl,
    profile,
    async instance() {
      const info = await readInstance();
      profile.setInstance(info);
      return info;
    },
    software() {
      const read = readSoftware();
      softwareRead = read;
      return read;
    },
    verifyCredentials() {
      return request<mastodon.v1.Account>({
        method: "GET",
        path: "/api/v1/accounts/verify_credentials",
      });
    },
    async timeline(kind, page) {
      const { path, params } = timelinePath(kind);
      const answer = await requestWithResponse<unknown>({
        method: "GET",
        path,
        params: { ...params, ...pageParams(page) },
      });
      const statuses = withStringIds<mastodon.v1.Status>(answer.data);
      if (kind === "home" && answer.status === 206) {
        const refresh = asyncRefreshOf(answer.headers);
        markRegenerating(statuses, refresh ? refresh.retrySeconds * 1000 : undefined);
      }
      return statuses;
    },
    async notifications(page) {
      const data = await request<unknown>({
        method: "GET",
        path: "/api/v1/notifications",
        params: { ...pageParams(page), supportedTypes: [...NOTIFICATION_TYPES] },
      });
      return withStringIds<mastodon.v1.Notification>(data);
    },
    async filters() {
      return withStringIds<mastodon.v2.Filter>(
        await request<unknown>({ method: "GET", path: "/api/v2/filters", feature: "filtersV2" }),
      );
    },
    request,
    requestWithResponse,
    requestPage,
    get state() {
      return queue.state;
    },
    get rateLimit() {
      return queue.rateLimit;
    },
    get pending() {
      return queue.pending;
    },
    onStateChange: (l) => queue.onStateChange(l),
    close: () => queue.close(),
  };
}
