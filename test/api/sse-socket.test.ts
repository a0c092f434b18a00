// The server-sent events transport (Mastodon's HTTP streaming, documentation
// methods/streaming) against a real local server: events become frames, heartbeats count as
// pings, refusals keep their status, message and Location, the token travels only in the
// Authorization header, plain http goes only to loopback, and a stream ended or terminated
// ends the socket once. Then StreamManager over it: a dropped stream reconnects.
import assert from "node:assert/strict";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { networkInterfaces } from "node:os";
import { after, before, describe, test } from "node:test";
import { gzipSync } from "node:zlib";
import { FakeClock } from "../../src/api/clock.js";
import { sseSocketFactory } from "../../src/api/sse-socket.js";
import { StreamManager } from "../../src/api/stream.js";
import type { SocketHandlers, StreamSocket } from "../../src/api/ws-socket.js";
import { runModuleCode } from "../helpers/module-code.js";

const TOKEN = "sse-secret-token";

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

let server: Server;
let base = "";
let handle: Handler = (_q, r) => r.end();
const seen: IncomingMessage[] = [];
/** Responses still open, so a test can write to a stream after it began. */
const open: ServerResponse[] = [];

before(async () => {
  server = createServer((req, res) => {
    seen.push(req);
    open.push(res);
    handle(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, "0.0.0.0", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

after(
  () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
);

/** What a socket reported, in order, as short strings. */
interface Recorder {
  log: string[];
  handlers: SocketHandlers;
  until(pred: (log: string[]) => boolean, what: string, timeoutMs?: number): Promise<void>;
}

function recorder(): Recorder {
  const log: string[] = [];
  const waiters: Array<() => void> = [];
  const push = (s: string) => {
    log.push(s);
    for (const w of waiters.splice(0)) w();
  };
  return {
    log,
    handlers: {
      open: () => push("open"),
      message: (d) => push(`message ${String(d)}`),
      ping: () => push("ping"),
      close: (code, reason) => push(`close ${code} ${reason}`),
      rejected: (status, message, location) =>
        push(`rejected ${status} ${message}${location ? ` ${location}` : ""}`),
      error: (err) => push(`error ${err.message}`),
    },
    until(pred, what, timeoutMs = 10_000) {
      return new Promise<void>((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`timed out waiting for ${what}; got ${JSON.stringify(log)}`)),
          timeoutMs,
        );
        const check = () => {
          if (pred(log)) {
            clearTimeout(timer);
            resolve();
          } else waiters.push(check);
        };
        check();
      });
    },
  };
}

const eventStream = (res: ServerResponse, headers: Record<string, string> = {}) =>
  res.writeHead(200, { "content-type": "text/event-stream; charset=utf-8", ...headers });

function connect(path = "/api/v1/streaming/user"): { r: Recorder; socket: StreamSocket } {
  const r = recorder();
  const socket = sseSocketFactory(
    `${base}${path}`,
    { Authorization: `Bearer ${TOKEN}` },
    r.handlers,
  );
  return { r, socket };
}

describe("server-sent events socket", () => {
  test("events become frames, in order, however the bytes are split; heartbeats are pings", async () => {
    handle = (_q, res) => {
      eventStream(res);
      res.write(":)\n");
      // One event split across writes and through a multi-byte character; CRLF line ends.
      res.write('event: update\r\ndata: {"id":"1","content":"caf');
      setTimeout(() => {
        res.write(Buffer.from([0xc3]));
        setTimeout(() => {
          res.write(Buffer.concat([Buffer.from([0xa9]), Buffer.from('"}\r\n\r\n')]));
          // Two data lines are one payload joined by a newline; no event name is "message".
          res.write("event: delete\ndata: 109\n\ndata: a\ndata: b\n\n: thump\n");
        }, 20);
      }, 20);
    };
    const { r, socket } = connect();
    await r.until((l) => l.length >= 6, "four frames and two pings");
    socket.terminate();
    assert.deepEqual(r.log, [
      "open",
      "ping",
      `message ${JSON.stringify({ event: "update", payload: '{"id":"1","content":"café"}' })}`,
      `message ${JSON.stringify({ event: "delete", payload: "109" })}`,
      `message ${JSON.stringify({ event: "message", payload: "a\nb" })}`,
      "ping",
    ]);
  });

  test("the token goes in the Authorization header, never in the address", async () => {
    handle = (_q, res) => {
      eventStream(res);
      res.write(":)\n");
    };
    const before = seen.length;
    const { r, socket } = connect("/api/v1/streaming/hashtag?tag=cats");
    await r.until((l) => l.includes("ping"), "the first heartbeat");
    socket.terminate();
    const req = seen[before]!;
    assert.equal(req.headers.authorization, `Bearer ${TOKEN}`);
    assert.equal(req.headers.accept, "text/event-stream");
    assert.equal(req.url, "/api/v1/streaming/hashtag?tag=cats");
    assert.ok(!req.url!.includes(TOKEN));
  });

  test("a gzip-encoded stream is decoded", async () => {
    handle = (_q, res) => {
      eventStream(res, { "content-encoding": "gzip" });
      res.end(gzipSync("event: delete\ndata: 7\n\n"));
    };
    const { r } = connect();
    await r.until((l) => l.some((x) => x.startsWith("close")), "the end of the stream");
    assert.deepEqual(r.log, [
      "open",
      `message ${JSON.stringify({ event: "delete", payload: "7" })}`,
      "close 1000 ",
    ]);
  });

  test("refusals keep the status, the server's message and where a redirect points", async () => {
    const answers: Array<[number, Record<string, string>, string]> = [
      [401, { "x-error-message": "Invalid access token" }, "rejected 401 Invalid access token"],
      [
        302,
        { location: "https://streaming.example/api/v1/streaming/user" },
        "rejected 302  https://streaming.example/api/v1/streaming/user",
      ],
      [404, {}, "rejected 404 "],
      [503, { "content-type": "text/html" }, "rejected 503 "],
      // 200 that is not an event stream (a login page in front of the server).
      [200, { "content-type": "text/html" }, "rejected 406 "],
    ];
    for (const [status, headers, expected] of answers) {
      handle = (_q, res) => {
        res.writeHead(status, headers);
        res.end("<html>no</html>");
      };
      const { r } = connect();
      await r.until((l) => l.length > 0, `the answer to ${status}`);
      // Nothing more follows a refusal.
      await new Promise((resolve) => setImmediate(resolve));
      assert.deepEqual(r.log, [expected], `status ${status}`);
    }
  });

  test("a stream the server ends closes the socket once; a terminated one reports nothing more", async () => {
    handle = (_q, res) => {
      eventStream(res);
      res.write(":)\n");
    };
    const { r } = connect();
    await r.until((l) => l.includes("ping"), "the first heartbeat");
    open[open.length - 1]!.end();
    await r.until((l) => l.some((x) => x.startsWith("close")), "the close");
    assert.deepEqual(r.log, ["open", "ping", "close 1000 "]);

    const second = connect();
    await second.r.until((l) => l.includes("ping"), "the first heartbeat");
    const res = open[open.length - 1]!;
    const gone = new Promise<void>((resolve) => res.once("close", () => resolve()));
    second.socket.terminate();
    await gone;
    assert.deepEqual(second.r.log, ["open", "ping"], "the server saw the connection go");
  });

  test("a connection cut mid-stream is an error, which names no token", async () => {
    handle = (_q, res) => {
      eventStream(res);
      res.write(":)\n");
      setTimeout(() => res.socket?.destroy(), 20);
    };
    const { r } = connect();
    await r.until((l) => l.length >= 3, "the cut");
    assert.deepEqual(r.log.slice(0, 2), ["open", "ping"]);
    assert.match(r.log[2]!, /^(error|close)/);
    assert.ok(!r.log.join("\n").includes(TOKEN));
  });

  test("a refused connection is an error that names no token", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const r = recorder();
    sseSocketFactory(
      `http://127.0.0.1:${port}/api/v1/streaming/user`,
      { Authorization: `Bearer ${TOKEN}` },
      r.handlers,
    );
    await r.until((l) => l.length > 0, "the error");
    assert.equal(r.log.length, 1);
    assert.match(r.log[0]!, /^error /);
    assert.ok(!r.log[0]!.includes(TOKEN));
  });

  test("plain http to another machine is refused without a request", async (t) => {
    // This machine's own address on its network: the server listens there too, so only the
    // loopback rule stands between the token and a plain-text request.
    const address = Object.values(networkInterfaces())
      .flat()
      .find((i) => i && !i.internal && i.family === "IPv4")?.address;
    if (!address) {
      t.skip("this machine has no address but loopback");
      return;
    }
    handle = (_q, res) => {
      eventStream(res);
      res.write(":)\n");
    };
    const before = seen.length;
    const r = recorder();
    const socket = sseSocketFactory(
      `http://${address}:${new URL(base).port}/api/v1/streaming/user`,
      { Authorization: `Bearer ${TOKEN}` },
      r.handlers,
    );
    await r.until((l) => l.length > 0, "the refusal");
    socket.terminate();
    assert.equal(r.log.length, 1);
    assert.match(r.log[0]!, /^error /);
    assert.equal(seen.length, before, "no request reached the server");
  });

  test("a line that never ends is dropped instead of filling memory, and the stream goes on", async () => {
    handle = (_q, res) => {
      eventStream(res);
      const chunk = "x".repeat(64 * 1024);
      for (let i = 0; i < 40; i++) res.write(chunk);
      res.write("\n\nevent: delete\ndata: 8\n\n");
    };
    const { r, socket } = connect();
    await r.until((l) => l.some((x) => x.includes('"8"')), "the event after the long line");
    socket.terminate();
    assert.deepEqual(r.log.at(-1), `message ${JSON.stringify({ event: "delete", payload: "8" })}`);
  });

  test("loads no undici: fetch's HTTP parser stays out of the process", () => {
    // In a fresh process, a whole stream read through the socket.
    const code = `
      import { createServer } from "node:http";
      const { sseSocketFactory } = await import(${JSON.stringify(new URL("../../src/api/sse-socket.ts", import.meta.url).href)});
      const server = createServer((_q, res) => {
        res.writeHead(200, { "content-type": "text/event-stream" });
        res.end("event: delete\\ndata: 1\\n\\n");
      });
      server.listen(0, "127.0.0.1", () => {
        const url = "http://127.0.0.1:" + server.address().port + "/api/v1/streaming/user";
        const got = [];
        sseSocketFactory(url, {}, {
          open() {}, ping() {}, rejected() {}, error(e) { got.push(String(e)); },
          message(d) { got.push(d); },
          close() {
            const undici = process.moduleLoadList.some((m) => m.includes("undici"));
            process.stdout.write(JSON.stringify({ undici, got }));
            server.close();
          },
        });
      });`;
    const out = JSON.parse(runModuleCode(code)) as { undici: boolean; got: string[] };
    assert.deepEqual(out.got, [JSON.stringify({ event: "delete", payload: "1" })]);
    assert.equal(out.undici, false, "undici was loaded");
  });
});

describe("StreamManager over server-sent events", () => {
  test("a dropped stream is connected again, with the token in the header each time", async () => {
    handle = (_q, res) => {
      eventStream(res);
      res.write(":)\n");
    };
    const clock = new FakeClock();
    const before = seen.length;
    const manager = new StreamManager({
      streamingUrl: base.replace(/^http/, "ws"),
      accessToken: TOKEN,
      clock,
      // The WebSocket forms are refused (a proxy that passes no upgrades), so the manager
      // falls back to server-sent events.
      socketFactory: (_url, _headers, handlers) => {
        queueMicrotask(() => handlers.rejected(404, ""));
        return { send: () => {}, terminate: () => {} };
      },
      sseFactory: sseSocketFactory,
      random: () => 0.5,
    });
    const kinds: string[] = [];
    manager.onStateChange((s) => kinds.push(s.kind));
    const until = async (pred: () => boolean, what: string) => {
      const deadline = Date.now() + 10_000;
      while (!pred()) {
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${kinds}`);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    };
    try {
      manager.start();
      await until(() => manager.state.kind === "live", "live over SSE");
      const first = seen.length;
      assert.ok(first > before);
      open[open.length - 1]!.socket?.destroy();
      await until(() => manager.state.kind === "reconnecting", "reconnecting");
      // The backoff runs on the fake clock.
      clock.advance(60_000);
      await until(() => manager.state.kind === "live" && seen.length > first, "live again");
      for (const req of seen.slice(before)) {
        assert.equal(req.headers.authorization, `Bearer ${TOKEN}`);
        assert.ok(!req.url!.includes(TOKEN));
      }
    } finally {
      manager.close();
    }
  });
});
