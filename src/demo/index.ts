// The simulated Mastodon instance used by `tootty --demo` and by the client's tests.
// It speaks the documented Mastodon REST + streaming API on 127.0.0.1 and imports nothing
// from the client rooms. Everything it serves is built in (no files read at run time).

import { randomBytes } from "node:crypto";
import type { AddressInfo } from "node:net";
import { composeRoutes, PostFaults } from "./compose-routes.js";
import { createControl, type DemoControl, type RequestLogEntry } from "./control.js";
import { HttpFaults } from "./faults.js";
import { type DemoFlavourName, demoFlavour, reshapeBody } from "./flavour.js";
import { LiveGenerator } from "./generator.js";
import { createHttpServer } from "./http-server.js";
import { notificationRoutes } from "./notification-routes.js";
import { OAuthProvider } from "./oauth.js";
import { DemoQuotes } from "./quotes.js";
import { RateLimiter } from "./rate-limit.js";
import { DemoRefreshes } from "./refresh.js";
import { readRoutes } from "./rest-read.js";
import { writeRoutes } from "./rest-write.js";
import { seedHistory } from "./seed.js";
import {
  defaultServerSettings,
  liveFeedScope,
  setTimelinesAccess,
  type TimelinesAccessInput,
} from "./server-settings.js";
import { socialRoutes } from "./social.js";
import { StreamingServer } from "./streaming.js";
import { TokenRegistry } from "./tokens.js";
import { DemoWorld } from "./world.js";

export type { DemoControl, RequestLogEntry } from "./control.js";
export type { FailRule } from "./faults.js";
export { DEMO_FLAVOURS, type DemoFlavourName, demoFlavour, isDemoFlavour } from "./flavour.js";
export { compareIds } from "./ids.js";
export type { DemoQuotePolicy } from "./quotes.js";
export type { ThreadRefreshOptions } from "./refresh.js";
export type { TimelinesAccessInput } from "./server-settings.js";
export type {
  ApiAccount,
  ApiCard,
  ApiCustomEmoji,
  ApiMediaAttachment,
  ApiNotification,
  ApiPoll,
  ApiStatus,
  DemoNotifyOptions,
  DemoStatusInput,
} from "./types.js";
export type { PublishTarget } from "./world.js";

export interface DemoInstanceOptions {
  /** 0 / undefined = a random free port. */
  port?: number;
  /** Deterministic content (default: a fixed seed). */
  seed?: number;
  /** The live generator; on by default, a new status every ~2–4 s. */
  generate?: false | { intervalMs?: number };
  /** Default 30 000: the server pings each socket and terminates those that did not pong since the previous ping. */
  pingIntervalMs?: number;
  /** Statuses seeded into history per public timeline (default 150, enough to page). */
  seedCount?: number;
  /** Per-token budget per window (default 300 per 5 minutes, as Mastodon). */
  rateLimit?: { limit: number; windowMs: number };
  /** The clock for created_at, rate-limit windows, fault windows and OAuth code expiry (tests inject a fake one). Timers stay real. */
  now?: () => number;
  /** The server to play (see flavour.ts): its ids, limits, streaming and missing endpoints. */
  flavour?: DemoFlavourName;
  /** `api_versions.mastodon` (default 7, Mastodon 4.5: quote posts). */
  apiVersion?: number;
  /** `configuration.timelines_access` (default: every feed public). */
  timelinesAccess?: TimelinesAccessInput;
}

export interface DemoInstance {
  /** "http://127.0.0.1:PORT" */
  readonly url: string;
  /** A valid user access token for the demo user. */
  readonly token: string;
  /** For the HTTP control endpoints (header X-Demo-Control). */
  readonly controlSecret: string;
  readonly control: DemoControl;
  readonly flavour: DemoFlavourName;
  /** Closes the server, the sockets and the timers. */
  close(): Promise<void>;
}

const DEFAULT_SEED = 20_221_115;

export async function startDemoInstance(opts: DemoInstanceOptions = {}): Promise<DemoInstance> {
  const now = opts.now ?? (() => Date.now());
  const flavour = demoFlavour(opts.flavour ?? "mastodon");
  const world = new DemoWorld(opts.seed ?? DEFAULT_SEED, now, flavour);
  seedHistory(world, opts.seedCount ?? 150);
  const settings = defaultServerSettings(opts.apiVersion);
  if (opts.timelinesAccess) setTimelinesAccess(settings, opts.timelinesAccess);

  const tokens = new TokenRegistry();
  const token = tokens.issue(["read", "write", "push"], null, now());
  const controlSecret = randomBytes(24).toString("base64url");
  const faults = new HttpFaults();
  const postFaults = new PostFaults();
  const rateLimiter = new RateLimiter(
    opts.rateLimit?.limit ?? 300,
    opts.rateLimit?.windowMs ?? 5 * 60_000,
  );
  const streaming = new StreamingServer({
    world,
    tokens,
    pingIntervalMs: opts.pingIntervalMs ?? 30_000,
    now,
    mode: flavour.streaming,
    liveFeeds: () => liveFeedScope(settings, "all"),
    hashtagFeeds: () => liveFeedScope(settings, "all", "hashtag_feeds"),
    shape: (entity) => reshapeBody(flavour, entity),
  });
  const generator = new LiveGenerator(
    world,
    opts.generate === false ? 3_000 : (opts.generate?.intervalMs ?? 3_000),
  );
  const log: RequestLogEntry[] = [];
  const quotes = new DemoQuotes(world);
  const refreshes = new DemoRefreshes(world, now);
  const control = createControl({
    quotes,
    refreshes,
    settings,
    world,
    streaming,
    faults,
    postFaults,
    tokens,
    generator,
    log,
    now,
  });

  let baseUrl = "";
  const oauth = new OAuthProvider(tokens, now);
  const server = createHttpServer({
    routes: [
      ...socialRoutes({ world, baseUrl: () => baseUrl }),
      ...notificationRoutes({ world, baseUrl: () => baseUrl }),
      ...refreshes.wrap(
        readRoutes({
          world,
          server: settings,
          baseUrl: () => baseUrl,
          streamingUrl: () => baseUrl.replace(/^http/, "ws"),
        }),
        flavour.asyncRefreshes,
      ),
      ...quotes.routes(() => baseUrl),
      ...composeRoutes({ world, faults: postFaults }, writeRoutes({ world, quotes })),
      ...oauth.routes(),
    ],
    tokens,
    faults,
    rateLimiter,
    streaming,
    control: () => control,
    controlSecret,
    log,
    now,
    flavour,
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port ?? 0, "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  baseUrl = `http://127.0.0.1:${port}`;
  if (opts.generate !== false) generator.setRunning(true);

  let closed: Promise<void> | null = null;
  return {
    url: baseUrl,
    token,
    controlSecret,
    control,
    flavour: flavour.name,
    close() {
      closed ??= new Promise<void>((resolve) => {
        generator.setRunning(false);
        streaming.close();
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closed;
    },
  };
}

/** One JSON line the CLI writes for out-of-process tests: {"url","token","controlSecret"}. */
export function demoAnnounce(instance: DemoInstance): string {
  return JSON.stringify({
    url: instance.url,
    token: instance.token,
    controlSecret: instance.controlSecret,
  });
}
