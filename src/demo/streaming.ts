// The streaming WebSocket at /api/v1/streaming, routed like Mastodon's streaming server:
// one socket, many subscriptions, frames {"stream":[...],"event":...,"payload":"<JSON string>"}.

import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { WebSocket, WebSocketServer } from "ws";
import { nginxErrorPage } from "./faults.js";
import type { StreamingMode } from "./flavour.js";
import { localiseMediaUrls, requestOrigin } from "./pictures.js";
import { anonymousView } from "./present.js";
import { bearerToken, type TokenRegistry } from "./tokens.js";
import { type DemoWorld, isPublicEligible, type StoredStatus, type WorldEvent } from "./world.js";

const PUBLIC_STREAMS = new Set([
  "public",
  "public:local",
  "public:remote",
  "public:media",
  "public:local:media",
  "public:remote:media",
]);
const KNOWN_STREAMS = new Set([
  ...PUBLIC_STREAMS,
  "user",
  "user:notification",
  "hashtag",
  "hashtag:local",
  "list",
  "direct",
]);

/** The one list the demo user owns (GET /api/v1/lists in social.ts). */
const FRIENDS_LIST_ID = "1";

interface Subscription {
  /** What goes into the frame's `stream` array, e.g. ["hashtag", "Rust"]. */
  streamArray: string[];
  key: string;
}

interface Client {
  socket: WebSocket;
  token: string;
  subscriptions: Map<string, Subscription>;
  /** Pings sent since the last pong. */
  unanswered: number;
  /** Where this client reached us: attachment URLs in its frames point there. */
  origin: string | undefined;
  /** What it sent while the socket was silent: it arrives when the socket heals. */
  held: string[];
}

/** A bound on what a silent socket holds back (a client resends nothing it is not asked for). */
const MAX_HELD = 100;

export interface StreamingOptions {
  world: DemoWorld;
  tokens: TokenRegistry;
  pingIntervalMs: number;
  now: () => number;
  /** How this server streams (flavour.ts); Mastodon's multiplexed socket by default. */
  mode?: StreamingMode;
  /** timelines_access of the live feeds: a disabled side streams nothing on public streams. */
  liveFeeds?: () => { local: boolean; remote: boolean };
  /** The same for the hashtag streams (`timelines_access.hashtag_feeds`). */
  hashtagFeeds?: () => { local: boolean; remote: boolean };
  /** The flavour's reshaping of entities (flavour.ts reshapeBody), as its REST answers have. */
  shape?: (entity: unknown) => unknown;
}

export class StreamingServer {
  private readonly wss = new WebSocketServer({
    noServer: true,
    autoPong: false,
    handleProtocols: (protocols) => [...protocols][0] ?? false,
  });
  private readonly clients = new Set<Client>();
  /** Misskey-protocol sockets (flavour "misskey"): open, answering pings, carrying nothing. */
  private readonly silentSockets = new Set<WebSocket>();
  private silent = false;
  private refuse: { until: number; status: number } | null = null;
  private readonly pingTimer: NodeJS.Timeout;
  private readonly unsubscribeWorld: () => void;

  constructor(private readonly opts: StreamingOptions) {
    this.unsubscribeWorld = opts.world.onEvent((e) => this.route(e));
    opts.tokens.onRevoke((token) => {
      // Mastodon closes a revoked token's sockets without a close code (clients see 1005).
      for (const c of this.clients) if (c.token === token) c.socket.close();
    });
    this.pingTimer = setInterval(() => this.pingAll(), opts.pingIntervalMs);
    this.pingTimer.unref();
  }

  get clientCount(): number {
    return this.clients.size + this.silentSockets.size;
  }

  setSilent(silent: boolean): void {
    this.silent = silent;
    // A half-open connection that heals delivers what was sent meanwhile (TCP retransmits
    // it): the subscriptions a client sent while nothing answered take effect now.
    if (!silent)
      for (const c of this.clients) for (const m of c.held.splice(0)) this.onMessage(c, m);
  }

  refuseUpgrades(ms: number, status = 503): void {
    this.refuse = { until: this.opts.now() + ms, status };
  }

  clearFaults(): void {
    this.refuse = null;
    this.setSilent(false);
  }

  dropAll(): void {
    for (const c of this.clients) c.socket.terminate();
    for (const s of this.silentSockets) s.terminate();
  }

  close(): void {
    clearInterval(this.pingTimer);
    this.unsubscribeWorld();
    for (const c of this.clients) c.socket.terminate();
    for (const s of this.silentSockets) s.terminate();
    this.wss.close();
  }

  /**
   * Pings every open socket; one that answered neither of the last two pings is cut. One
   * unanswered ping is not enough: after a busy moment the interval can fire before the
   * event loop has read a pong already waiting in the socket, and a live client would be cut.
   */
  private pingAll(): void {
    if (this.silent) return;
    for (const c of this.clients) {
      if (c.unanswered >= 2) {
        c.socket.terminate();
        continue;
      }
      c.unanswered++;
      c.socket.ping();
    }
  }

  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    // Once node emits 'upgrade' the socket's errors are ours: a client that resets while it is
    // answered or handed to ws (a TUI quitting mid-handshake) must not end the server.
    socket.on("error", () => socket.destroy());
    const url = new URL(req.url ?? "/", "http://localhost");
    const mode = this.opts.mode ?? "multiplexed";
    if (mode === "none") {
      // No streaming route at all: the framework's plain 404, upgrade or not (Hollo).
      rejectUpgrade(socket, 404, "404 Not Found", "text/plain");
      return;
    }
    if (mode === "misskey") {
      // Misskey's StreamingApiServerService upgrades whatever the path, with or without a
      // token, and speaks only its own protocol: the socket is open and says nothing.
      this.wss.handleUpgrade(req, socket, head, (ws) => this.acceptSilent(ws));
      return;
    }
    if (url.pathname !== "/api/v1/streaming" && url.pathname !== "/api/v1/streaming/") {
      rejectUpgrade(
        socket,
        400,
        JSON.stringify({ error: "Unknown channel requested" }),
        "application/json",
      );
      return;
    }
    if (this.refuse && this.opts.now() < this.refuse.until) {
      const status = this.refuse.status;
      rejectUpgrade(socket, status, nginxErrorPage(status), "text/html");
      return;
    }
    const protocol = req.headers["sec-websocket-protocol"]?.split(",")[0]?.trim();
    // A query-token server reads `access_token` only: the Authorization header goes unseen.
    const token =
      mode === "query-token"
        ? url.searchParams.get("access_token")
        : (bearerToken(req.headers.authorization) ??
          protocol ??
          url.searchParams.get("access_token"));
    if (!token || !this.opts.tokens.lookup(token)) {
      const message = token ? "Invalid access token" : "Missing access token";
      rejectUpgrade(socket, 401, JSON.stringify({ error: message }), "application/json", message);
      return;
    }
    if (mode === "query-token" && !url.searchParams.get("stream")) {
      // One stream per socket, named in the query; without one there is nothing to open.
      rejectUpgrade(
        socket,
        400,
        JSON.stringify({ error: "missing stream type" }),
        "application/json",
      );
      return;
    }
    const origin = requestOrigin(req.headers.host);
    this.wss.handleUpgrade(req, socket, head, (ws) => this.accept(ws, token, url, origin));
  }

  /** A socket that answers pings (ws does) and ignores every message: no client, no events. */
  private acceptSilent(socket: WebSocket): void {
    this.silentSockets.add(socket);
    socket.on("ping", (data) => socket.pong(data));
    socket.on("message", () => {});
    socket.on("close", () => this.silentSockets.delete(socket));
    socket.on("error", () => this.silentSockets.delete(socket));
  }

  private accept(socket: WebSocket, token: string, url: URL, origin: string | undefined): void {
    const client: Client = {
      socket,
      token,
      subscriptions: new Map(),
      unanswered: 0,
      origin,
      held: [],
    };
    this.clients.add(client);
    socket.on("pong", () => {
      client.unanswered = 0;
    });
    socket.on("ping", (data) => {
      // A half-open socket answers nothing, not even pings.
      if (!this.silent) socket.pong(data);
    });
    socket.on("message", (data) => {
      // A query-token server has no subscribe messages: its socket carries the one stream.
      if (this.opts.mode === "query-token") return;
      if (!this.silent) this.onMessage(client, data.toString());
      else if (client.held.length < MAX_HELD) client.held.push(data.toString());
    });
    socket.on("close", () => this.clients.delete(client));
    socket.on("error", () => this.clients.delete(client));
    const single = url.searchParams.get("stream");
    if (single)
      this.subscribe(client, single, url.searchParams.get("tag"), url.searchParams.get("list"));
  }

  private onMessage(client: Client, text: string): void {
    let message: { type?: unknown; stream?: unknown; tag?: unknown; list?: unknown };
    try {
      message = JSON.parse(text);
    } catch {
      return; // Mastodon ignores frames it cannot parse.
    }
    if (typeof message !== "object" || message === null || typeof message.stream !== "string")
      return;
    const tag = typeof message.tag === "string" ? message.tag : null;
    const list =
      typeof message.list === "string" || typeof message.list === "number"
        ? String(message.list)
        : null;
    if (message.type === "subscribe") this.subscribe(client, message.stream, tag, list);
    else if (message.type === "unsubscribe") {
      const sub = describe(message.stream, tag, list);
      if (sub) client.subscriptions.delete(sub.key);
    }
  }

  private subscribe(client: Client, stream: string, tag: string | null, list: string | null): void {
    if (!KNOWN_STREAMS.has(stream)) {
      sendError(client.socket, "Unknown stream type", 400);
      return;
    }
    if (stream.startsWith("hashtag") && !tag) {
      sendError(client.socket, "No tag for stream provided", 400);
      return;
    }
    // The demo user owns one list, "1" (Friends: everyone followed); any other id is not theirs.
    if (stream === "list" && list !== FRIENDS_LIST_ID) {
      sendError(client.socket, "Not authorized to stream this list", 401);
      return;
    }
    const sub = describe(stream, tag, list);
    if (sub && !client.subscriptions.has(sub.key)) client.subscriptions.set(sub.key, sub);
  }

  /** An entity as this server's REST would send it, as a frame's payload string. */
  private json(entity: unknown): string {
    return JSON.stringify(this.opts.shape ? this.opts.shape(entity) : entity);
  }

  private route(e: WorldEvent): void {
    if (this.silent || this.clients.size === 0) return;
    if (e.type === "notification") {
      const payload = this.json(e.notification);
      this.broadcast(
        (sub) => sub.key === "user" || sub.key === "user:notification",
        "notification",
        payload,
      );
      return;
    }
    if (e.type === "notifications_merged") {
      // UnfilterNotificationsWorker publishes it on the notifications channel, payload "1".
      this.broadcast(
        (sub) => sub.key === "user" || sub.key === "user:notification",
        "notifications_merged",
        "1",
      );
      return;
    }
    if (e.type === "filters_changed") {
      // The one event without a payload key at all.
      for (const c of this.clients) {
        if (c.socket.readyState === WebSocket.OPEN && c.subscriptions.has("user")) {
          c.socket.send(JSON.stringify({ stream: ["user"], event: "filters_changed" }));
        }
      }
      return;
    }
    if (
      e.type === "update" &&
      e.stored.status.visibility === "direct" &&
      e.stored.status.reblog === null
    ) {
      this.broadcast(
        (sub) => sub.key === "direct",
        "conversation",
        this.json(conversationOf(e.stored)),
      );
    }
    const wanted = streamKeysFor(e.stored);
    const open = this.opts.liveFeeds?.() ?? { local: true, remote: true };
    if (!(e.stored.local ? open.local : open.remote))
      for (const key of [...wanted]) if (key.startsWith("public")) wanted.delete(key);
    const tags = this.opts.hashtagFeeds?.() ?? { local: true, remote: true };
    if (!(e.stored.local ? tags.local : tags.remote))
      for (const key of [...wanted]) if (key.startsWith("hashtag")) wanted.delete(key);
    if (this.isFriend(e.stored)) wanted.add(`list\u0000${FRIENDS_LIST_ID}`);
    const userPayload = e.type === "delete" ? e.stored.id : this.json(e.stored.status);
    const publicPayload =
      e.type === "delete" ? e.stored.id : this.json(anonymousView(e.stored.status));
    this.broadcast(
      (sub) => wanted.has(sub.key),
      e.type,
      (sub) => (sub.key === "user" ? userPayload : publicPayload),
    );
  }

  /** Posted by someone the demo user follows: it belongs in the Friends list. */
  private isFriend(stored: StoredStatus): boolean {
    const author = stored.status.account.id;
    return this.opts.world.accounts.some((a) => a.followed && a.account.id === author);
  }

  /**
   * Sends `text` verbatim as one frame to every socket subscribed to `stream` (e.g.
   * "public:local"): a buggy or hostile server's frames, for the client's robustness tests.
   */
  sendRaw(stream: string, text: string): void {
    for (const c of this.clients) {
      if (c.socket.readyState !== WebSocket.OPEN) continue;
      if ([...c.subscriptions.values()].some((s) => s.streamArray[0] === stream))
        c.socket.send(text);
    }
  }

  private broadcast(
    match: (sub: Subscription) => boolean,
    event: string,
    payload: string | ((sub: Subscription) => string),
  ): void {
    for (const c of this.clients) {
      if (c.socket.readyState !== WebSocket.OPEN) continue;
      for (const sub of c.subscriptions.values()) {
        if (!match(sub)) continue;
        const body = localiseMediaUrls(
          typeof payload === "string" ? payload : payload(sub),
          c.origin,
        );
        c.socket.send(JSON.stringify({ stream: sub.streamArray, event, payload: body }));
      }
    }
  }
}

function describe(stream: string, tag: string | null, list: string | null): Subscription | null {
  if (stream.startsWith("hashtag")) {
    if (!tag) return null;
    // Tags match case-insensitively; the frame echoes the tag as the client sent it.
    return { streamArray: [stream, tag], key: `${stream}\u0000${tag.toLowerCase()}` };
  }
  if (stream === "list")
    return list ? { streamArray: [stream, list], key: `list\u0000${list}` } : null;
  return { streamArray: [stream], key: stream };
}

/** The subscription keys that receive events about this status, as Mastodon's fan-out does. */
export function streamKeysFor(stored: StoredStatus): Set<string> {
  const keys = new Set<string>();
  const s = stored.status;
  if (stored.inHome) keys.add("user");
  if (isPublicEligible(s)) {
    const origin = stored.local ? "public:local" : "public:remote";
    keys.add("public").add(origin);
    if (s.media_attachments.length > 0) keys.add("public:media").add(`${origin}:media`);
    for (const t of s.tags) {
      keys.add(`hashtag\u0000${t.name.toLowerCase()}`);
      if (stored.local) keys.add(`hashtag:local\u0000${t.name.toLowerCase()}`);
    }
  }
  return keys;
}

/** A Conversation entity for a direct message, as the `direct` stream sends it. */
function conversationOf(stored: StoredStatus) {
  const s = stored.status;
  return {
    id: String(800_000 + (Number(s.id.slice(-5)) % 100_000)),
    unread: true,
    accounts: [s.account],
    last_status: s,
  };
}

function sendError(socket: WebSocket, error: string, status: number): void {
  // Error frames carry no `stream` key; the socket stays open.
  socket.send(JSON.stringify({ error, status }));
}

const REASONS: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  429: "Too Many Requests",
  500: "Internal Server Error",
  502: "Bad Gateway",
  503: "Service Unavailable",
  504: "Gateway Timeout",
};

function rejectUpgrade(
  socket: Duplex,
  status: number,
  body: string,
  type: string,
  errorMessage?: string,
): void {
  const headers = [
    `HTTP/1.1 ${status} ${REASONS[status] ?? "Error"}`,
    `Content-Type: ${type}`,
    `Content-Length: ${Buffer.byteLength(body)}`,
    "Connection: close",
  ];
  if (errorMessage) headers.push(`X-Error-Message: ${errorMessage}`);
  socket.end(`${headers.join("\r\n")}\r\n\r\n${body}`);
}
