// One HTTP exchange over node:http/node:https, for the REST client, the NodeInfo probe and
// pictures. Node 20's global fetch is undici, bundled into Node and compiled on its first
// use: the first request paid for it, about 40 ms of CPU before the first toots (Headers,
// Request and Response are undici's too, so touching any of them costs the same), and its
// HTTP parser is WebAssembly, whose compilation peaks at ~30 MB of V8's malloc (one fetch in
// a bare node: RSS 43 → 55 MB, kept by the allocator). node:http is part of Node's startup
// snapshot.
//
// What fetch did for these requests is kept:
// - keep-alive connections, closed when idle after 4 s or the server's `Keep-Alive: timeout`
//   hint less a second (undici's keepAliveTimeout default and rule; node's Agent reads the
//   hint), so a request rarely meets a socket the server is closing;
// - redirects followed as the Fetch standard's "HTTP-redirect fetch" (§4.4) does: at most 20;
//   a 303, and a POST's 301 or 302, become a GET without a body; the Authorization header is
//   not sent on to another origin; a Location that is not http(s) is refused;
// - gzip, deflate and br bodies decoded (undici's rule: an unknown coding leaves the body as
//   it came); UTF-8 text with a leading byte order mark dropped, as Response.text() does;
// - an abort signal honoured until the whole body is read, rejecting with its reason.
// And what fetch did not: a redirect to plain http:// is followed only to loopback (the rule
// of config/instance-url.ts: a token sent over http elsewhere can be read on the path), and
// an answer's body is bounded, decoded size counted, so no server fills the memory.
import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from "node:http";
import type { Agent as HttpsAgent } from "node:https";
import { pipeline, type Readable } from "node:stream";
import { constants, createBrotliDecompress, createGunzip, createInflate } from "node:zlib";
import { isLoopback } from "../config/instance-url.js";
import { NetworkError } from "./errors.js";

/** What tootty reads of an answer's headers (a fetch `Headers` is one too). */
export interface HeaderReader {
  get(name: string): string | null;
}

export interface Exchange {
  method: string;
  url: URL;
  /** Request headers, any case; Content-Length is set from the body. */
  headers: Record<string, string>;
  body?: string | Buffer | undefined;
  signal?: AbortSignal | null;
  /** The most bytes of body read (decoded): MAX_ANSWER_BYTES unless said. */
  maxBytes?: number;
}

export interface HttpAnswer {
  status: number;
  headers: HeaderReader;
  /** The body as UTF-8 text. */
  text: string;
  /** Where the answer came from, after redirects. */
  url: URL;
}

/** Fetch's redirect limit (Fetch standard, HTTP-redirect fetch, step 5). */
const MAX_REDIRECTS = 20;
/** A REST answer far bigger than any page Mastodon sends (40 statuses are ~0.5 MB). */
export const MAX_ANSWER_BYTES = 32 * 1024 * 1024;
// A NetworkError's detail is shown after "unreachable:" as a socket's code is (ECONNREFUSED),
// so tootty's own failures here are codes of that form too.
/** The NetworkError detail of an answer over its bound. */
export const TOO_LARGE = "ERR_ANSWER_TOO_LARGE";
/** An address, first or redirected to, that is neither https nor http to loopback. */
const NOT_HTTPS = "ERR_NOT_HTTPS";
/** Idle keep-alive sockets close after this, as undici's do. */
const KEEP_ALIVE_MS = 4_000;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);
/** The Fetch standard's "request-body-header names", dropped when a redirect drops the body. */
const BODY_HEADERS = ["content-encoding", "content-language", "content-location", "content-type"];
/** What undici's fetch sent when the caller did not say. */
const DEFAULT_HEADERS = {
  accept: "*/*",
  "accept-language": "*",
  "accept-encoding": "gzip, deflate, br",
  "user-agent": "node",
};

const httpAgent = new HttpAgent({ keepAlive: true, timeout: KEEP_ALIVE_MS });
let httpsAgent: Promise<{ agent: HttpsAgent; request: typeof httpRequest }> | undefined;

/** node:https (and with it TLS) is loaded by the first https request, not at start. */
function https(): Promise<{ agent: HttpsAgent; request: typeof httpRequest }> {
  httpsAgent ??= import("node:https").then((m) => ({
    agent: new m.Agent({ keepAlive: true, timeout: KEEP_ALIVE_MS }),
    request: m.request as typeof httpRequest,
  }));
  return httpsAgent;
}

class AnswerHeaders implements HeaderReader {
  constructor(private readonly raw: IncomingMessage["headers"]) {}

  get(name: string): string | null {
    const value = this.raw[name.toLowerCase()];
    if (value === undefined) return null;
    return Array.isArray(value) ? value.join(", ") : value;
  }
}

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException("This operation was aborted", "AbortError");
}

function without(headers: Record<string, string>, names: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) if (!names.includes(k.toLowerCase())) out[k] = v;
  return out;
}

/** http(s) only, and plain http only to this machine. */
function mayFollow(url: URL): boolean {
  return url.protocol === "https:" || (url.protocol === "http:" && isLoopback(url.hostname));
}

/**
 * Sends one request and resolves with the answer's head; the body is left to read. `pooled`
 * false: a connection of its own, outside the keep-alive pool, whose idle timeout would cut
 * a long-lived stream.
 */
async function send(req: Exchange, pooled = true): Promise<IncomingMessage> {
  const { url, body, signal } = req;
  const pool =
    url.protocol === "https:" ? await https() : { agent: httpAgent, request: httpRequest };
  const transport = pooled ? pool : { agent: false as const, request: pool.request };
  return new Promise<IncomingMessage>((resolve, reject) => {
    if (signal?.aborted) {
      reject(abortReason(signal));
      return;
    }
    const headers: Record<string, string> = { ...DEFAULT_HEADERS };
    // Caller's headers win over the defaults whatever their case.
    for (const [k, v] of Object.entries(req.headers)) headers[k.toLowerCase()] = v;
    if (body !== undefined) headers["content-length"] = String(Buffer.byteLength(body));
    const request = transport.request(url, { method: req.method, headers, agent: transport.agent });
    const onAbort = () => request.destroy(abortReason(signal!) as Error);
    signal?.addEventListener("abort", onAbort, { once: true });
    request.once("response", (res) => {
      signal?.removeEventListener("abort", onAbort);
      resolve(res);
    });
    request.once("error", (err) => {
      signal?.removeEventListener("abort", onAbort);
      if (signal?.aborted) reject(abortReason(signal));
      else reject(new NetworkError((err as NodeJS.ErrnoException).code ?? err.message));
    });
    request.end(body);
  });
}

function decoders(res: IncomingMessage): NodeJS.ReadWriteStream[] {
  const header = res.headers["content-encoding"];
  if (!header) return [];
  const codings = header
    .toLowerCase()
    .split(",")
    .map((c) => c.trim())
    .filter((c) => c !== "" && c !== "identity")
    .reverse();
  // Lenient about a stream cut short at its end, as undici is.
  const lenient = { flush: constants.Z_SYNC_FLUSH, finishFlush: constants.Z_SYNC_FLUSH };
  const out: NodeJS.ReadWriteStream[] = [];
  for (const coding of codings) {
    if (coding === "gzip" || coding === "x-gzip") out.push(createGunzip(lenient));
    else if (coding === "deflate") out.push(createInflate(lenient));
    else if (coding === "br") out.push(createBrotliDecompress());
    else return [];
  }
  return out;
}

/** The whole body, decoded, bounded, abortable. */
function readBody(
  res: IncomingMessage,
  maxBytes: number,
  signal?: AbortSignal | null,
): Promise<Buffer> {
  return new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let total = 0;
    let failure: unknown;
    const steps = decoders(res);
    const sink = async (source: AsyncIterable<Buffer>) => {
      for await (const chunk of source) {
        total += chunk.byteLength;
        if (total > maxBytes) {
          failure = new NetworkError(TOO_LARGE);
          throw failure;
        }
        chunks.push(chunk);
      }
    };
    const onAbort = () => {
      failure = abortReason(signal!);
      res.destroy(failure as Error);
    };
    if (signal?.aborted) onAbort();
    else signal?.addEventListener("abort", onAbort, { once: true });
    const done = (err: Error | null | undefined) => {
      signal?.removeEventListener("abort", onAbort);
      if (err) {
        reject(failure ?? new NetworkError((err as NodeJS.ErrnoException).code ?? err.message));
        return;
      }
      resolve(Buffer.concat(chunks, total));
    };
    (pipeline as (...streams: unknown[]) => void)(res as Readable, ...steps, sink, done);
  });
}

/** One exchange, redirects followed. Rejects with a NetworkError, or the signal's reason. */
export async function exchange(first: Exchange): Promise<HttpAnswer> {
  const { bytes, ...answer } = await exchangeBytes(first);
  const text = bytes.toString("utf8");
  return { ...answer, text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
}

/** An answer whose body is read as it comes (a server-sent events stream). */
export interface StreamingAnswer {
  status: number;
  headers: HeaderReader;
  /** The body, decoded; ends with the answer. Destroy it to drop the connection. */
  body: Readable;
}

/**
 * One request whose answer is read as it arrives, on a connection of its own. Redirects are
 * not followed: a 3xx is the answer, its Location for the caller to judge. The caller bounds
 * what it keeps of the body.
 */
export async function openStream(req: Exchange): Promise<StreamingAnswer> {
  if (!mayFollow(req.url)) throw new NetworkError(NOT_HTTPS);
  const res = await send(req, false);
  const steps = decoders(res);
  const body: Readable =
    steps.length === 0
      ? res
      : (pipeline as (...streams: unknown[]) => Readable)(res, ...steps, () => {});
  return { status: res.statusCode ?? 0, headers: new AnswerHeaders(res.headers), body };
}

/** An answer's body as bytes, decoded (pictures). */
export interface HttpBytesAnswer extends Omit<HttpAnswer, "text"> {
  bytes: Buffer;
}

/**
 * exchange(), the body as bytes. A body that says it is longer than maxBytes is refused
 * before it is read.
 */
export async function exchangeBytes(first: Exchange): Promise<HttpBytesAnswer> {
  if (!mayFollow(first.url)) throw new NetworkError(NOT_HTTPS);
  const maxBytes = first.maxBytes ?? MAX_ANSWER_BYTES;
  let req = first;
  for (let hops = 0; ; hops++) {
    const res = await send(req);
    const status = res.statusCode ?? 0;
    const location = REDIRECTS.has(status) ? res.headers.location : undefined;
    if (location === undefined) {
      if (!res.headers["content-encoding"] && Number(res.headers["content-length"]) > maxBytes) {
        res.destroy();
        throw new NetworkError(TOO_LARGE);
      }
      const bytes = await readBody(res, maxBytes, req.signal);
      return { status, headers: new AnswerHeaders(res.headers), bytes, url: req.url };
    }
    // The redirect's own body is not read: let the socket go back to the pool.
    res.resume();
    if (hops >= MAX_REDIRECTS) throw new NetworkError("ERR_TOO_MANY_REDIRECTS");
    let next: URL;
    try {
      next = new URL(location, req.url);
    } catch {
      throw new NetworkError("ERR_INVALID_REDIRECT");
    }
    if (!mayFollow(next)) throw new NetworkError(NOT_HTTPS);
    let { method, body, headers } = req;
    if (
      (status === 303 && method !== "GET" && method !== "HEAD") ||
      (status <= 302 && method === "POST")
    ) {
      method = "GET";
      body = undefined;
      headers = without(headers, BODY_HEADERS);
    }
    if (next.origin !== req.url.origin) headers = without(headers, ["authorization"]);
    req = { ...req, method, url: next, headers, body };
  }
}
