// Shared test tools for the demo instance: a WebSocket client that queues frames, and
// waiting for conditions with a timeout (never sleeping as synchronisation).

import WebSocket from "ws";
import type { DemoInstance } from "../../src/demo/index.js";

export interface Frame {
  stream?: string[];
  event?: string;
  payload?: string;
  error?: string;
  status?: number;
}

export async function waitFor<T>(
  check: () => T | undefined | false | null,
  timeoutMs = 3000,
  what = "condition",
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** Like waitFor, for checks that must do I/O (each try is a real request, not a sleep). */
export async function waitForAsync<T>(
  check: () => Promise<T | undefined | false | null>,
  timeoutMs = 3000,
  what = "condition",
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

export class TestSocket {
  readonly frames: Frame[] = [];
  pings = 0;
  closed: { code: number } | null = null;

  constructor(readonly ws: WebSocket) {
    ws.on("message", (data) => this.frames.push(JSON.parse(data.toString()) as Frame));
    ws.on("ping", () => {
      this.pings += 1;
    });
    ws.on("close", (code) => {
      this.closed = { code };
    });
    ws.on("error", () => {});
  }

  send(message: unknown): void {
    this.ws.send(JSON.stringify(message));
  }

  subscribe(stream: string, extra: Record<string, string> = {}): void {
    this.send({ type: "subscribe", stream, ...extra });
  }

  /** Waits for (and removes from the queue) the first frame matching `match`. */
  async next(match: (f: Frame) => boolean, timeoutMs = 3000): Promise<Frame> {
    const index = await waitFor(
      () => {
        const i = this.frames.findIndex(match);
        return i >= 0 ? i + 1 : undefined;
      },
      timeoutMs,
      "a matching frame",
    );
    return this.frames.splice(index - 1, 1)[0]!;
  }

  close(): void {
    this.ws.terminate();
  }
}

export function streamingUrl(demo: DemoInstance, query = ""): string {
  return `${demo.url.replace(/^http/, "ws")}/api/v1/streaming${query}`;
}

/** Opens a socket and resolves once it is open (or rejects with the HTTP status of a refused upgrade). */
export function openSocket(
  url: string,
  options: WebSocket.ClientOptions & { protocols?: string[] } = {},
): Promise<TestSocket> {
  const { protocols, ...rest } = options;
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, protocols ?? [], rest);
    const socket = new TestSocket(ws);
    ws.once("open", () => resolve(socket));
    ws.once("unexpected-response", (_req, res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => {
        reject(
          Object.assign(new Error(`upgrade refused: ${res.statusCode}`), {
            statusCode: res.statusCode,
            headers: res.headers,
            body: Buffer.concat(chunks).toString("utf8"),
          }),
        );
      });
    });
    ws.once("error", reject);
  });
}

/** Opens an authenticated socket subscribed to `streams`, and waits until subscriptions are live. */
export async function subscribedSocket(demo: DemoInstance, streams: string[]): Promise<TestSocket> {
  const socket = await openSocket(streamingUrl(demo), {
    headers: { Authorization: `Bearer ${demo.token}` },
  });
  for (const s of streams) socket.subscribe(s);
  // Subscribing is asynchronous, as on Mastodon: a status published after a probe frame
  // arrives proves the subscription is in place. The probe uses an unknown stream, which
  // answers with an error frame once the server has processed every earlier message.
  socket.subscribe("probe:sync");
  await socket.next((f) => f.error === "Unknown stream type");
  return socket;
}

export function auth(demo: DemoInstance): Record<string, string> {
  return { Authorization: `Bearer ${demo.token}` };
}

export async function getJson<T = unknown>(
  demo: DemoInstance,
  path: string,
  headers: Record<string, string> = auth(demo),
): Promise<{ status: number; body: T; headers: Headers }> {
  const res = await fetch(`${demo.url}${path}`, { headers });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : null) as T, headers: res.headers };
}

export function linkTarget(headers: Headers, rel: "next" | "prev"): string | null {
  const link = headers.get("link") ?? "";
  const match = new RegExp(`<([^>]+)>; rel="${rel}"`).exec(link);
  return match?.[1] ?? null;
}

export function control(
  demo: DemoInstance,
  op: string,
  body: unknown = {},
  secret = demo.controlSecret,
): Promise<Response> {
  return fetch(`${demo.url}/_demo/${op}`, {
    method: "POST",
    headers: { "Content-Type": "application/json", "X-Demo-Control": secret },
    body: JSON.stringify(body),
  });
}
