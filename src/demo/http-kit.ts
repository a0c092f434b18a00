// Small helpers shared by the demo's HTTP handlers: replies, body parsing, routing.

import type { IncomingMessage, ServerResponse } from "node:http";
import { localiseMediaUrls } from "./pictures.js";
import type { TokenInfo } from "./tokens.js";

export interface Reply {
  status: number;
  body?: unknown;
  /** Raw text instead of JSON (HTML pages, "OK"). */
  text?: string;
  contentType?: string;
  headers?: Record<string, string>;
}

export interface RequestContext {
  req: IncomingMessage;
  method: string;
  url: URL;
  params: Record<string, string>;
  token: string | null;
  auth: TokenInfo | undefined;
  body: Record<string, unknown>;
  now: number;
}

export type Handler = (ctx: RequestContext) => Reply | Promise<Reply>;

export interface Route {
  method: string;
  pattern: RegExp;
  handler: Handler;
}

export function route(method: string, path: string, handler: Handler): Route {
  // ":name" segments become named groups.
  const source = path.replace(/:([a-z_]+)/g, "(?<$1>[^/]+)");
  return { method, pattern: new RegExp(`^${source}$`), handler };
}

export function json(status: number, body: unknown, headers?: Record<string, string>): Reply {
  return { status, body, headers };
}

export const INVALID_TOKEN: Reply = json(401, { error: "The access token is invalid" });
export const NOT_FOUND: Reply = json(404, { error: "Record not found" });

export function requireAuth(ctx: RequestContext): Reply | null {
  return ctx.auth ? null : INVALID_TOKEN;
}

/** Authenticated with some write scope ("write" or any "write:…"). */
export function requireAnyWrite(ctx: RequestContext): Reply | null {
  return (
    requireAuth(ctx) ??
    ((ctx.auth?.scopes ?? []).some((s) => s === "write" || s.startsWith("write:"))
      ? null
      : json(403, { error: "This action is outside the authorized scopes" }))
  );
}

/** A 422 as Mastodon words a failed validation. */
export function invalid(message: string): Reply {
  return json(422, { error: `Validation failed: ${message}` });
}

export function send(
  res: ServerResponse,
  reply: Reply,
  extraHeaders: Record<string, string>,
  mediaOrigin?: string,
): void {
  const headers: Record<string, string> = { ...extraHeaders, ...reply.headers };
  let payload = "";
  if (reply.text !== undefined) {
    payload = reply.text;
    headers["Content-Type"] = reply.contentType ?? "text/plain; charset=utf-8";
  } else if (reply.body !== undefined) {
    payload = localiseMediaUrls(JSON.stringify(reply.body), mediaOrigin);
    headers["Content-Type"] = "application/json; charset=utf-8";
  }
  headers["Content-Length"] = String(Buffer.byteLength(payload));
  res.writeHead(reply.status, headers);
  res.end(payload);
}

const MAX_BODY = 1_000_000;

/**
 * Reads a JSON or form-encoded body into a flat object; arrays for `key[]` fields, unless
 * `formArrays` is false: a server that validates JSON only never sees those (Hollo).
 */
export async function readBody(
  req: IncomingMessage,
  opts: { formArrays?: boolean } = {},
): Promise<Record<string, unknown>> {
  if (req.method === "GET" || req.method === "HEAD") return {};
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new Error("body too large");
    chunks.push(chunk as Buffer);
  }
  const raw = Buffer.concat(chunks).toString("utf8");
  if (raw.trim() === "") return {};
  const type = req.headers["content-type"] ?? "";
  if (type.includes("application/json")) {
    const parsed: unknown = JSON.parse(raw);
    return parsed && typeof parsed === "object" && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : {};
  }
  const form = new URLSearchParams(raw);
  if (opts.formArrays === false)
    for (const key of [...form.keys()]) if (key.includes("[")) form.delete(key);
  return formToObject(form);
}

/** `a=1&b[]=x&b[]=y&poll[options][]=z` → {a:"1", b:["x","y"], poll:{options:["z"]}}. */
export function formToObject(form: URLSearchParams): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of form) {
    const path = key.replace(/\]/g, "").split("[");
    let node: Record<string, unknown> = out;
    for (let i = 0; i < path.length; i++) {
      const part = path[i]!;
      const last = i === path.length - 1;
      const nextIsArray = path[i + 1] === "";
      if (part === "") continue;
      if (last) {
        node[part] = value;
      } else if (nextIsArray && i + 1 === path.length - 1) {
        const list = Array.isArray(node[part]) ? (node[part] as unknown[]) : [];
        list.push(value);
        node[part] = list;
        break;
      } else {
        if (typeof node[part] !== "object" || node[part] === null) node[part] = {};
        node = node[part] as Record<string, unknown>;
      }
    }
  }
  return out;
}

export function str(value: unknown): string | undefined {
  return typeof value === "string" ? value : typeof value === "number" ? String(value) : undefined;
}
