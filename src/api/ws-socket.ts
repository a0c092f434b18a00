// The real transport for StreamManager: a `ws` WebSocket behind the tiny StreamSocket interface
// (tests substitute a fake). The token travels in the Authorization header, never in the URL.
// `ws` is loaded when the first socket opens, not with the program: compiling it cost ~20 ms
// of CPU at every start, before the first paint (`npm run bench start-up`).
import type WebSocket from "ws";
import { MAX_FRAME_BYTES } from "./stream-frame.js";

export interface SocketHandlers {
  open(): void;
  /** A text frame as a string, a binary frame as a Buffer. */
  message(data: string | Buffer): void;
  /** A sign of life without a frame: the server's keep-alive ping (ws answers the pong
   * itself), or the pong answering ours. */
  ping(): void;
  close(code: number, reason: string): void;
  /** The upgrade was answered with a non-101 status (401 = token rejected, 3xx with a Location). */
  rejected(status: number, message: string, location?: string): void;
  error(err: Error): void;
  /**
   * Where each stream has a connection of its own (stream-forms.ts), the connection of a stream
   * subscribed after the first one opened: anything posted before it was not heard on it.
   */
  streamOpened?(stream: string[]): void;
}

export interface StreamSocket {
  send(text: string): void;
  /** Drops the connection at once (no closing handshake: the peer may be gone). */
  terminate(): void;
  /**
   * Sends a WebSocket ping, which the peer must answer with a pong (RFC 6455 §5.5.2), so a
   * silent socket is found without waiting for the server's own pings. Absent where the
   * transport has no such frame (server-sent events).
   */
  ping?(): void;
}

export type SocketFactory = (
  url: string,
  headers: Record<string, string>,
  handlers: SocketHandlers,
) => StreamSocket;

let loading: Promise<typeof WebSocket> | undefined;
const loadWs = () => {
  loading ??= import("ws").then((m) => m.default);
  return loading;
};

export const wsSocketFactory: SocketFactory = (url, headers, handlers) => {
  let ws: WebSocket | undefined;
  let terminated = false;
  loadWs().then(
    (WebSocketClass) => {
      if (!terminated) ws = connect(WebSocketClass, url, headers, handlers);
    },
    (err: unknown) => {
      if (!terminated) handlers.error(err instanceof Error ? err : new Error(String(err)));
    },
  );
  return {
    send: (text) => {
      if (ws && ws.readyState === ws.OPEN) ws.send(text);
    },
    terminate: () => {
      terminated = true;
      ws?.terminate();
    },
    ping: () => {
      if (ws && ws.readyState === ws.OPEN) ws.ping();
    },
  };
};

function connect(
  WebSocketClass: typeof WebSocket,
  url: string,
  headers: Record<string, string>,
  handlers: SocketHandlers,
): WebSocket {
  const ws = new WebSocketClass(url, {
    headers,
    handshakeTimeout: 15_000,
    maxPayload: MAX_FRAME_BYTES * 4,
    perMessageDeflate: false,
  });
  ws.on("open", () => handlers.open());
  ws.on("message", (data, isBinary) => {
    const buf = Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data as ArrayBuffer);
    handlers.message(isBinary ? buf : buf.toString("utf8"));
  });
  ws.on("ping", () => handlers.ping());
  ws.on("pong", () => handlers.ping());
  ws.on("close", (code, reason) => handlers.close(code, reason.toString("utf8")));
  ws.on("error", (err) => handlers.error(err));
  ws.on("unexpected-response", (req, res) => {
    const header = res.headers["x-error-message"];
    const message = Array.isArray(header) ? (header[0] ?? "") : (header ?? "");
    handlers.rejected(res.statusCode ?? 0, message, res.headers.location);
    res.resume();
    req.destroy();
  });
  return ws;
}
