// The HTTP front of the demo instance: request log, control endpoints, injected faults,
// rate limiting, then the REST routes. Upgrades go to the streaming server.

import type { IncomingMessage, Server, ServerResponse } from "node:http";
import { createServer } from "node:http";
import { type DemoControl, type RequestLogEntry, runControlOp } from "./control.js";
import { type HttpFaults, nginxErrorPage } from "./faults.js";
import { type DemoFlavour, reshapeBody } from "./flavour.js";
import {
  json,
  NOT_FOUND,
  type Reply,
  type RequestContext,
  type Route,
  readBody,
  send,
} from "./http-kit.js";
import { requestOrigin, servePicture } from "./pictures.js";
import { type RateLimiter, rateLimitHeaders } from "./rate-limit.js";
import type { StreamingServer } from "./streaming.js";
import { bearerToken, type TokenRegistry } from "./tokens.js";

export interface HttpDeps {
  routes: Route[];
  tokens: TokenRegistry;
  faults: HttpFaults;
  rateLimiter: RateLimiter;
  streaming: StreamingServer;
  control: () => DemoControl;
  controlSecret: string;
  log: RequestLogEntry[];
  now: () => number;
  flavour: DemoFlavour;
}

const CONTROL_PREFIX = "/_demo/";

export function createHttpServer(deps: HttpDeps): Server {
  const server = createServer((req, res) => {
    handle(deps, req, res).catch(() => {
      if (!res.headersSent) send(res, json(500, { error: "Internal server error" }), {});
      else res.destroy();
    });
  });
  server.on("upgrade", (req, socket, head) => deps.streaming.handleUpgrade(req, socket, head));
  return server;
}

async function handle(deps: HttpDeps, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? "/", "http://127.0.0.1");
  const method = req.method ?? "GET";
  const now = deps.now();

  if (
    url.pathname.startsWith(CONTROL_PREFIX) &&
    method === "POST" &&
    req.headers["x-demo-control"] === deps.controlSecret
  ) {
    const body = await readBody(req).catch(() => ({}));
    const reply = runControlOp(deps.control(), url.pathname.slice(CONTROL_PREFIX.length), body);
    if (reply) return send(res, reply, {});
    // Unknown ops fall through to an ordinary 404.
  }

  if (method === "GET" && servePicture(url.pathname, res)) return;

  let status = 500;
  try {
    const reply = await serve(deps, req, url, method, now);
    status = reply.reply.status;
    send(res, reply.reply, reply.headers, requestOrigin(req.headers.host));
  } finally {
    if (!url.pathname.startsWith(CONTROL_PREFIX)) {
      deps.log.push({
        method,
        path: url.pathname,
        query: url.search.replace(/^\?/, ""),
        status,
        at: now,
      });
    }
  }
}

async function serve(
  deps: HttpDeps,
  req: IncomingMessage,
  url: URL,
  method: string,
  now: number,
): Promise<{ reply: Reply; headers: Record<string, string> }> {
  const delayMs = deps.faults.delayFor(url.pathname);
  if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
  const fault = deps.faults.take(url.pathname, now);
  const token = bearerToken(req.headers.authorization);
  const auth = deps.tokens.lookup(token);

  if (fault && fault.status !== 429) {
    // nginx answers for an overloaded backend: HTML, no rate-limit headers from the app.
    return {
      reply: { status: fault.status, text: nginxErrorPage(fault.status), contentType: "text/html" },
      headers: { Server: "nginx" },
    };
  }
  // Only requests that reach the application count against the budget.
  const limitKey = auth && token ? `token:${token}` : `ip:${req.socket.remoteAddress}`;
  const limit = deps.rateLimiter.hit(limitKey, now);
  if (fault || limit.exceeded) {
    const resetAt = fault?.endsAt ?? limit.resetAt;
    const headers = rateLimitHeaders({ ...limit, remaining: 0, resetAt });
    return { reply: json(429, { error: "Too many requests" }), headers };
  }
  const headers = rateLimitHeaders(limit);
  // An endpoint this server does not have: the same 404 as an unknown path.
  const request = `${method} ${url.pathname}`;
  const notFound = deps.flavour.notFound?.(method, url.pathname) ?? NOT_FOUND;
  if (deps.flavour.missing.some((m) => m.test(request))) return { reply: notFound, headers };
  if (deps.flavour.emptyLists?.some((m) => m.test(request)))
    return { reply: json(200, []), headers };

  for (const r of deps.routes) {
    if (r.method !== method) continue;
    const match = r.pattern.exec(url.pathname);
    if (!match) continue;
    // A segment is matched raw and used decoded, as Rails does (%3D in an id is "=").
    const params = decodedParams(match.groups);
    if (!params) return { reply: notFound, headers };
    let body: Record<string, unknown>;
    try {
      body = await readBody(req, { formArrays: deps.flavour.formArrays });
    } catch {
      return { reply: json(400, { error: "Unparseable request body" }), headers };
    }
    const ctx: RequestContext = {
      req,
      method,
      url,
      params,
      token,
      auth,
      body,
      now,
    };
    const reply = await r.handler(ctx);
    if (reply.status === 404 && deps.flavour.recordNotFound && isRecordNotFound(reply.body))
      return { reply: deps.flavour.recordNotFound, headers };
    let shaped = reshapeBody(deps.flavour, reply.body);
    if (request === "GET /api/v1/notifications" && Array.isArray(shaped))
      shaped = deps.flavour.reshapeNotifications?.(shaped) ?? shaped;
    return { reply: { ...reply, body: shaped }, headers };
  }
  return { reply: notFound, headers };
}

/** Mastodon's body for a record that is not there (the routes answer it for every flavour). */
function isRecordNotFound(body: unknown): boolean {
  return (body as { error?: unknown } | null)?.error === "Record not found";
}

/** The route's path parameters percent-decoded; undefined when one is not valid encoding. */
function decodedParams(
  groups: Record<string, string> | undefined,
): Record<string, string> | undefined {
  const out: Record<string, string> = {};
  try {
    for (const [k, v] of Object.entries(groups ?? {})) out[k] = decodeURIComponent(v);
  } catch {
    return undefined;
  }
  return out;
}
