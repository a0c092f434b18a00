// A scriptable stand-in for the `ws` transport: the test plays the server.
import type { SocketFactory, SocketHandlers, StreamSocket } from "../../../src/api/ws-socket.js";

export class FakeServerSide {
  readonly sent: string[] = [];
  terminated = false;
  /** Pings the client sent (a pingable socket only). */
  pings = 0;
  /** Whether this server answers a ping with a pong, as RFC 6455 says it must. */
  answersPings = true;
  constructor(
    readonly url: string,
    readonly headers: Record<string, string>,
    readonly handlers: SocketHandlers,
  ) {}
  open(): void {
    this.handlers.open();
  }
  frame(data: string | Buffer | object): void {
    this.handlers.message(
      typeof data === "string" || Buffer.isBuffer(data) ? data : JSON.stringify(data),
    );
  }
  ping(): void {
    this.handlers.ping();
  }
  drop(): void {
    this.handlers.close(1006, "");
  }
  reject(status: number, message = "", location?: string): void {
    this.handlers.rejected(status, message, location);
  }
  subscriptions(): string[] {
    return this.sent
      .map((s) => JSON.parse(s))
      .filter((m) => m.type === "subscribe")
      .map((m) => m.stream);
  }
}

/**
 * One factory for every transport (WebSocket and server-sent events): the URL tells them apart.
 * `pingable`: the sockets can be pinged, as a real WebSocket can (a server-sent events stream cannot).
 */
export function fakeSocketFactory(opts: { pingable?: boolean } = {}): {
  factory: SocketFactory;
  sockets: FakeServerSide[];
} {
  const sockets: FakeServerSide[] = [];
  const factory: SocketFactory = (url, headers, handlers) => {
    const side = new FakeServerSide(url, headers, handlers);
    sockets.push(side);
    const socket: StreamSocket = {
      send: (text) => side.sent.push(text),
      terminate: () => {
        side.terminated = true;
      },
    };
    if (opts.pingable)
      socket.ping = () => {
        side.pings++;
        if (side.answersPings && !side.terminated) handlers.ping();
      };
    return socket;
  };
  return { factory, sockets };
}

export function statusJson(
  id: string,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  // Numeric test ids are seconds into 2026, so created_at agrees with the server's order.
  const seconds = /^\d+$/.test(id) ? Number(id) : 0;
  return {
    id,
    created_at: new Date(Date.UTC(2026, 0, 1) + seconds * 1000).toISOString(),
    content: `<p>status ${id}</p>`,
    spoiler_text: "",
    reblog: null,
    account: { id: "1", username: "alice", acct: "alice", display_name: "Alice" },
    ...extra,
  };
}

export function updateFrame(stream: string[], id: string, event = "update"): string {
  return JSON.stringify({ stream, event, payload: JSON.stringify(statusJson(id)) });
}
