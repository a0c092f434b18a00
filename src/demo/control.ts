// The test-facing controls of the demo instance, in-process (DemoControl) and over HTTP
// (POST /_demo/<op> with X-Demo-Control: <secret>).

import type { PostFaults } from "./compose-routes.js";
import type { FailRule, HttpFaults, SlowRule } from "./faults.js";
import type { LiveGenerator } from "./generator.js";
import { json, type Reply, str } from "./http-kit.js";
import type { DemoQuotePolicy, DemoQuotes } from "./quotes.js";
import type { DemoRefreshes, ThreadRefreshOptions } from "./refresh.js";
import {
  type DemoServerSettings,
  setTimelinesAccess,
  type TimelinesAccessInput,
} from "./server-settings.js";
import type { StreamingServer } from "./streaming.js";
import type { TokenRegistry } from "./tokens.js";
import type { ApiNotification, ApiStatus, DemoNotifyOptions, DemoStatusInput } from "./types.js";
import type { DemoWorld, PublishTarget } from "./world.js";

export interface RequestLogEntry {
  method: string;
  path: string;
  query: string;
  status: number;
  at: number;
}

export interface DemoControl {
  /** Destroys every streaming socket now (clients see an abnormal close, 1006). */
  dropSockets(): void;
  /** Sockets stay open but receive nothing: no frames, no pings, no pongs (a half-open socket). */
  setSilent(silent: boolean): void;
  /** Streaming upgrades are answered `status` (default 503, an nginx HTML page) for `ms`. */
  refuseUpgrades(ms: number, status?: number): void;
  /** REST requests under `pathPrefix` fail with `status` for `forMs` and/or `count` requests (until cleared if neither). */
  failHttp(rule: FailRule): void;
  /** REST requests under `pathPrefix` are answered `delayMs` late (until cleared). */
  slowHttp(rule: SlowRule): void;
  /** Sends `text` verbatim as one frame to the sockets subscribed to `stream` ("public:local"). */
  sendRawFrame(stream: string, text: string): void;
  clearFaults(): void;
  publish(target: PublishTarget, status?: DemoStatusInput): ApiStatus;
  publishMany(target: PublishTarget, count: number): ApiStatus[];
  editStatus(id: string, content: string): ApiStatus;
  deleteStatus(id: string): void;
  notify(type: string, opts?: DemoNotifyOptions): ApiNotification;
  revokeToken(token: string): void;
  setGenerator(on: boolean): void;
  requestLog(): ReadonlyArray<RequestLogEntry>;
  streamClientCount(): number;
  /** Streams `filters_changed` (no payload) to `user` subscribers. Beyond the agreed API. */
  filtersChanged(): void;
  /** The next `count` POST /api/v1/statuses are stored, announced, then their connection is destroyed unanswered. */
  dropPostAfterStore(count?: number): void;
  /** Who may quote status `id` (the demo user's `quote_approval.current_user` follows). */
  setQuotePolicy(id: string, policy: DemoQuotePolicy): ApiStatus;
  /** `account` posts a toot quoting status `id` (accepted), on the timeline its author is on. */
  quoteStatus(id: string, account: string, content?: string): ApiStatus;
  /** The next thread request of `id` starts an async refresh (Mastodon-Async-Refresh) that finds replies; returns its id. */
  refreshThread(id: string, opts?: ThreadRefreshOptions): string;
  /** The next `count` home timeline requests answer 206 (the feed is being regenerated). */
  regenerateHome(count: number, retrySeconds?: number): void;
  /** Changes configuration.timelines_access (the admin's feed settings) from now on. */
  setTimelinesAccess(access: TimelinesAccessInput): void;
}

export interface ControlDeps {
  world: DemoWorld;
  quotes: DemoQuotes;
  refreshes: DemoRefreshes;
  settings: DemoServerSettings;
  streaming: StreamingServer;
  faults: HttpFaults;
  postFaults: PostFaults;
  tokens: TokenRegistry;
  generator: LiveGenerator;
  log: RequestLogEntry[];
  now: () => number;
}

export function createControl(d: ControlDeps): DemoControl {
  return {
    dropSockets: () => d.streaming.dropAll(),
    setSilent: (silent) => d.streaming.setSilent(silent),
    refuseUpgrades: (ms, status) => d.streaming.refuseUpgrades(ms, status),
    failHttp: (rule) => d.faults.add(rule, d.now()),
    slowHttp: (rule) => d.faults.addSlow(rule),
    sendRawFrame: (stream, text) => d.streaming.sendRaw(stream, text),
    clearFaults: () => {
      d.faults.clear();
      d.postFaults.clear();
      d.streaming.clearFaults();
      d.refreshes.clear();
    },
    // Copies: the caller gets a snapshot, as a client would, not the server's live record.
    publish: (target, status) => structuredClone(d.world.publish(target, status).status),
    publishMany: (target, count) =>
      Array.from({ length: count }, () => structuredClone(d.world.publish(target).status)),
    editStatus: (id, content) => structuredClone(d.world.edit(id, content).status),
    deleteStatus: (id) => {
      d.world.delete(id);
    },
    notify: (type, opts) => structuredClone(d.world.notify(type, opts)),
    revokeToken: (token) => {
      d.tokens.revoke(token);
    },
    setGenerator: (on) => d.generator.setRunning(on),
    requestLog: () => d.log,
    streamClientCount: () => d.streaming.clientCount,
    filtersChanged: () => d.world.announce({ type: "filters_changed" }),
    dropPostAfterStore: (count) => d.postFaults.dropAfterStore(count ?? 1),
    setQuotePolicy: (id, policy) => structuredClone(d.quotes.setPolicy(id, policy)),
    refreshThread: (id, opts) => d.refreshes.refreshThread(id, opts),
    regenerateHome: (count, retrySeconds) => d.refreshes.regenerateHome(count, retrySeconds),
    setTimelinesAccess: (access) => setTimelinesAccess(d.settings, access),
    quoteStatus: (id, account, content) => {
      const quoted = d.world.get(id);
      if (!quoted) throw new Error(`unknown status: ${id}`);
      const link = quoted.status.url ?? quoted.status.uri;
      const text = content ?? "This, exactly.";
      const html = `<p>${text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`)}</p><p class="quote-inline">RE: <a href="${link}">${link.replace(/^https:\/\//, "")}</a></p>`;
      const stored = d.world.publish("federated", { account, content: html }, d.world.now(), false);
      d.quotes.record(stored, quoted.status);
      d.world.announce({ type: "update", stored });
      return structuredClone(stored.status);
    },
  };
}

const TARGETS = new Set(["home", "local", "federated"]);
const FAIL_STATUSES = new Set([429, 500, 502, 503, 504]);

function target(value: unknown): PublishTarget {
  if (typeof value === "string" && TARGETS.has(value)) return value as PublishTarget;
  throw new Error("target must be home, local or federated");
}

/** Runs one HTTP control op; the caller has already checked the secret. */
export function runControlOp(
  control: DemoControl,
  op: string,
  body: Record<string, unknown>,
): Reply | null {
  try {
    switch (op) {
      case "drop":
        control.dropSockets();
        return json(200, { ok: true });
      case "silent":
        control.setSilent(body.on !== false);
        return json(200, { ok: true });
      case "refuse":
        control.refuseUpgrades(
          Number(body.ms ?? 0),
          body.status === undefined ? undefined : Number(body.status),
        );
        return json(200, { ok: true });
      case "fail": {
        const status = Number(body.status);
        if (!FAIL_STATUSES.has(status)) throw new Error("status must be 429, 500, 502, 503 or 504");
        control.failHttp({
          pathPrefix: str(body.pathPrefix) ?? "/",
          status: status as FailRule["status"],
          forMs: body.forMs === undefined ? undefined : Number(body.forMs),
          count: body.count === undefined ? undefined : Number(body.count),
        });
        return json(200, { ok: true });
      }
      case "slow":
        control.slowHttp({
          pathPrefix: str(body.pathPrefix) ?? "/",
          delayMs: Number(body.delayMs ?? 0),
        });
        return json(200, { ok: true });
      case "rawFrame":
        control.sendRawFrame(str(body.stream) ?? "", str(body.text) ?? "");
        return json(200, { ok: true });
      case "clear":
        control.clearFaults();
        return json(200, { ok: true });
      case "publish":
        return json(
          200,
          control.publish(target(body.target), (body.status ?? {}) as DemoStatusInput),
        );
      case "publishMany":
        return json(200, control.publishMany(target(body.target), Number(body.count ?? 1)));
      case "edit":
        return json(200, control.editStatus(str(body.id) ?? "", str(body.content) ?? ""));
      case "delete":
        control.deleteStatus(str(body.id) ?? "");
        return json(200, { ok: true });
      case "notify":
        return json(200, control.notify(str(body.type) ?? "mention", body as DemoNotifyOptions));
      case "revoke":
        control.revokeToken(str(body.token) ?? "");
        return json(200, { ok: true });
      case "generator":
        control.setGenerator(body.on !== false);
        return json(200, { ok: true });
      case "log":
        return json(200, control.requestLog());
      case "filters_changed":
        control.filtersChanged();
        return json(200, { ok: true });
      case "dropPost":
        control.dropPostAfterStore(body.count === undefined ? 1 : Number(body.count));
        return json(200, { ok: true });
      case "clients":
        return json(200, { count: control.streamClientCount() });
      case "quotePolicy":
        return json(
          200,
          control.setQuotePolicy(
            str(body.id) ?? "",
            (str(body.policy) ?? "public") as DemoQuotePolicy,
          ),
        );
      case "refreshThread":
        return json(200, {
          id: control.refreshThread(str(body.id) ?? "", body as ThreadRefreshOptions),
        });
      case "regenerateHome":
        control.regenerateHome(
          Number(body.count ?? 1),
          body.retrySeconds === undefined ? undefined : Number(body.retrySeconds),
        );
        return json(200, { ok: true });
      case "timelinesAccess":
        control.setTimelinesAccess(body as TimelinesAccessInput);
        return json(200, { ok: true });
      case "quote":
        return json(
          200,
          control.quoteStatus(str(body.id) ?? "", str(body.account) ?? "", str(body.content)),
        );
      default:
        return null;
    }
  } catch (error) {
    return json(422, { error: error instanceof Error ? error.message : String(error) });
  }
}
