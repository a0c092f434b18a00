// The shapes a server's streaming API comes in, each behind the one StreamSocket interface
// StreamManager speaks (subscribe / unsubscribe messages in, frames out):
// - "multiplexed": Mastodon's one WebSocket with the token in the Authorization header
//   (docs/API-NOTES.md "Streaming"); most servers.
// - "query-token": one WebSocket per stream, `?stream=` and the token as `access_token` in
//   the query: servers that read no Authorization header on the upgrade and ignore subscribe
//   messages (older GoToSocial: internal/api/client/streaming/stream.go takes both from the
//   query). The token then sits in a URL, so this form is only tried after the header form
//   was refused.
// - "sse": Mastodon's server-sent events, one HTTP stream per stream at
//   /api/v1/streaming/<stream with ":" as "/"> (documentation: methods/streaming), token in
//   the Authorization header, for proxies that do not pass WebSockets through.
import { sseSocketFactory } from "./sse-socket.js";
import {
  type SocketFactory,
  type SocketHandlers,
  type StreamSocket,
  wsSocketFactory,
} from "./ws-socket.js";

export type StreamForm = "multiplexed" | "query-token" | "sse";
/** The order they are tried in: the safest first. */
export const STREAM_FORMS: readonly StreamForm[] = ["multiplexed", "query-token", "sse"];

export interface StreamFormOptions {
  /** ws(s)://host[/prefix], without /api/v1/streaming. */
  base: string;
  token: string;
  ws?: SocketFactory;
  sse?: SocketFactory;
}

interface StreamRef {
  stream: string;
  tag?: string;
  list?: string;
}

function refOf(message: string): { type: string; ref: StreamRef } | undefined {
  try {
    const m = JSON.parse(message) as Record<string, unknown>;
    if (typeof m.type !== "string" || typeof m.stream !== "string") return undefined;
    const ref: StreamRef = { stream: m.stream };
    if (typeof m.tag === "string") ref.tag = m.tag;
    if (typeof m.list === "string") ref.list = m.list;
    return { type: m.type, ref };
  } catch {
    return undefined;
  }
}

function keyOf(ref: StreamRef): string {
  return [ref.stream, ref.tag ?? "", ref.list ?? ""].join("\u0000");
}

/** The `stream` array Mastodon puts in frames: ["hashtag", "tag"], ["list", "id"], ["user"]. */
function streamArray(ref: StreamRef): string[] {
  if (ref.tag !== undefined) return [ref.stream, ref.tag];
  if (ref.list !== undefined) return [ref.stream, ref.list];
  return [ref.stream];
}

/** Adds the `stream` array to a frame that came without one (SSE events never carry it). */
function withStream(data: string | Buffer, ref: StreamRef): string | Buffer {
  if (typeof data !== "string") return data;
  try {
    const frame = JSON.parse(data) as unknown;
    if (frame === null || typeof frame !== "object" || Array.isArray(frame)) return data;
    const f = frame as Record<string, unknown>;
    if (Array.isArray(f.stream) || "error" in f) return data;
    return JSON.stringify({ stream: streamArray(ref), ...f });
  } catch {
    return data;
  }
}

/**
 * One connection per stream, shown to StreamManager as one multiplexed socket: it is open
 * when the `user` stream (every session has it) is open, rejected when that is refused, and
 * lost when any of its connections is. A refused extra stream becomes an error frame, as
 * Mastodon reports an unknown stream inside its socket.
 */
class PerStreamSocket implements StreamSocket {
  private readonly conns = new Map<string, StreamSocket>();
  private done = false;
  /** Pings every connection, where they can be pinged (WebSockets): any pong is a sign of life. */
  readonly ping?: () => void;

  constructor(
    private readonly open: (ref: StreamRef, handlers: SocketHandlers) => StreamSocket,
    private readonly outer: SocketHandlers,
  ) {
    this.connect({ stream: "user" }, true);
    if (this.conns.get(keyOf({ stream: "user" }))?.ping)
      this.ping = () => {
        for (const c of this.conns.values()) c.ping?.();
      };
  }

  private connect(ref: StreamRef, probe: boolean): void {
    const key = keyOf(ref);
    const live = () => !this.done && this.conns.has(key);
    const lost = () => {
      if (!live()) return;
      this.terminate();
      this.outer.close(1006, "");
    };
    this.conns.set(
      key,
      this.open(ref, {
        open: () => {
          if (!live()) return;
          if (probe) this.outer.open();
          else this.outer.streamOpened?.(streamArray(ref));
        },
        message: (data) => live() && this.outer.message(withStream(data, ref)),
        ping: () => live() && this.outer.ping(),
        close: lost,
        error: lost,
        rejected: (status, message, location) => {
          if (!live()) return;
          if (probe) {
            this.terminate();
            this.outer.rejected(status, message, location);
            return;
          }
          this.conns.delete(key);
          this.outer.message(JSON.stringify({ error: message || `HTTP ${status}`, status }));
        },
      }),
    );
  }

  send(text: string): void {
    if (this.done) return;
    const parsed = refOf(text);
    if (!parsed) return;
    const key = keyOf(parsed.ref);
    if (parsed.type === "subscribe" && !this.conns.has(key)) this.connect(parsed.ref, false);
    if (parsed.type === "unsubscribe" && parsed.ref.stream !== "user") {
      this.conns.get(key)?.terminate();
      this.conns.delete(key);
    }
  }

  terminate(): void {
    this.done = true;
    for (const c of this.conns.values()) c.terminate();
    this.conns.clear();
  }
}

function queryOf(ref: StreamRef): URLSearchParams {
  const q = new URLSearchParams();
  if (ref.tag !== undefined) q.set("tag", ref.tag);
  if (ref.list !== undefined) q.set("list", ref.list);
  return q;
}

/** Opens the streaming connection of one form. */
export function openStreamForm(
  form: StreamForm,
  opts: StreamFormOptions,
  handlers: SocketHandlers,
): StreamSocket {
  const ws = opts.ws ?? wsSocketFactory;
  const root = `${opts.base.replace(/\/+$/, "")}/api/v1/streaming`;
  if (form === "multiplexed") return ws(root, { Authorization: `Bearer ${opts.token}` }, handlers);
  if (form === "query-token") {
    return new PerStreamSocket((ref, h) => {
      const q = queryOf(ref);
      q.set("stream", ref.stream);
      q.set("access_token", opts.token);
      return ws(`${root}?${q}`, {}, h);
    }, handlers);
  }
  const sse = opts.sse ?? sseSocketFactory;
  const httpRoot = root.replace(/^ws/, "http");
  return new PerStreamSocket((ref, h) => {
    const q = queryOf(ref).toString();
    return sse(
      `${httpRoot}/${ref.stream.replace(/:/g, "/")}${q ? `?${q}` : ""}`,
      {
        Authorization: `Bearer ${opts.token}`,
      },
      h,
    );
  }, handlers);
}
