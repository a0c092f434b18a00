// The REST client's HTTP layer over node:http, against real local servers: what fetch did
// (redirects as the Fetch standard follows them, decoded bodies, keep-alive, aborts) and
// what tootty adds (plain http only to loopback, a bound on the body).
import assert from "node:assert/strict";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { after, before, describe, test } from "node:test";
import { brotliCompressSync, gzipSync } from "node:zlib";
import { NetworkError, RateLimitedError } from "../../src/api/errors.js";
import { exchange } from "../../src/api/http-exchange.js";
import { createRestClient } from "../../src/api/rest.js";

type Handler = (req: IncomingMessage, res: ServerResponse, body: string) => void;

interface Local {
  url: string;
  server: Server;
  /** Each request as the server saw it. */
  seen: Array<{ method: string; path: string; headers: IncomingMessage["headers"]; body: string }>;
  connections: number;
  handle: Handler;
}

async function local(): Promise<Local> {
  const l: Local = {
    url: "",
    server: undefined as unknown as Server,
    seen: [],
    connections: 0,
    handle: (_q, r) => r.end(),
  };
  l.server = createServer((req, res) => {
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (c: string) => {
      body += c;
    });
    req.on("end", () => {
      l.seen.push({ method: req.method!, path: req.url!, headers: req.headers, body });
      l.handle(req, res, body);
    });
  });
  l.server.on("connection", () => {
    l.connections++;
  });
  await new Promise<void>((resolve) => l.server.listen(0, "127.0.0.1", resolve));
  l.url = `http://127.0.0.1:${(l.server.address() as AddressInfo).port}`;
  return l;
}

const close = (l: Local) =>
  new Promise<void>((resolve) => {
    l.server.closeAllConnections();
    l.server.close(() => resolve());
  });

let a: Local;
let b: Local;
before(async () => {
  a = await local();
  b = await local();
});
after(async () => {
  await close(a);
  await close(b);
});

const get = (url: string, headers: Record<string, string> = {}, signal?: AbortSignal) =>
  exchange({ method: "GET", url: new URL(url), headers, ...(signal ? { signal } : {}) });

describe("answers", () => {
  test("status, body and headers (any case) of a JSON answer", async () => {
    a.handle = (_q, res) => {
      res.writeHead(206, { "Content-Type": "application/json", "X-RateLimit-Remaining": "299" });
      res.end('{"ok":true}');
    };
    const answer = await get(`${a.url}/api/v1/x`);
    assert.equal(answer.status, 206);
    assert.equal(answer.text, '{"ok":true}');
    assert.equal(answer.headers.get("x-ratelimit-remaining"), "299");
    assert.equal(answer.headers.get("Content-Type"), "application/json");
    assert.equal(answer.headers.get("link"), null);
  });

  test("gzip and br bodies are decoded; a byte order mark is dropped as Response.text() does", async () => {
    const text = '{"name":"Zoë 🐘"}';
    for (const [coding, bytes] of [
      ["gzip", gzipSync(`\ufeff${text}`)],
      ["br", brotliCompressSync(text)],
    ] as const) {
      a.handle = (_q, res) => {
        res.writeHead(200, { "content-type": "application/json", "content-encoding": coding });
        res.end(bytes);
      };
      assert.equal((await get(`${a.url}/`)).text, text, coding);
    }
    assert.match(String(a.seen.at(-1)!.headers["accept-encoding"]), /gzip/);
  });

  test("an answer over the bound is cut off with an error, not read into memory", async () => {
    a.handle = (_q, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end("x".repeat(5_000));
    };
    await assert.rejects(
      exchange({ method: "GET", url: new URL(a.url), headers: {}, maxBytes: 1_000 }),
      (err: unknown) => err instanceof NetworkError && err.detail === "ERR_ANSWER_TOO_LARGE",
    );
  });

  test("sequential requests reuse one kept-alive connection", async () => {
    a.handle = (_q, res) => res.end("{}");
    await get(`${a.url}/one`);
    const before = a.connections;
    await get(`${a.url}/two`);
    await get(`${a.url}/three`);
    assert.equal(a.connections, before);
  });

  test("a refused connection is a NetworkError with the socket's code", async () => {
    const gone = await local();
    const url = gone.url;
    await close(gone);
    await assert.rejects(
      get(url),
      (err: unknown) => err instanceof NetworkError && err.detail === "ECONNREFUSED",
    );
  });
});

describe("aborts", () => {
  test("before the answer: the request is given up with the signal's reason", async () => {
    a.handle = () => {};
    const controller = new AbortController();
    const pending = get(`${a.url}/slow`, {}, controller.signal);
    while (!a.seen.some((s) => s.path === "/slow")) await new Promise((r) => setImmediate(r));
    controller.abort();
    await assert.rejects(pending, (err: unknown) => (err as Error).name === "AbortError");
  });

  test("in the middle of the body", async () => {
    a.handle = (_q, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.write('{"half":');
    };
    const controller = new AbortController();
    const pending = get(`${a.url}/half`, {}, controller.signal);
    while (!a.seen.some((s) => s.path === "/half")) await new Promise((r) => setImmediate(r));
    await new Promise((r) => setTimeout(r, 50));
    controller.abort(new Error("given up"));
    await assert.rejects(pending, /given up/);
  });

  test("an aborted signal sends nothing", async () => {
    const count = a.seen.length;
    await assert.rejects(
      get(`${a.url}/never`, {}, AbortSignal.abort()),
      (err: unknown) => (err as Error).name === "AbortError",
    );
    assert.equal(a.seen.length, count);
  });
});

describe("redirects, as fetch follows them", () => {
  test("same origin: 307 keeps the method, the body and the token", async () => {
    a.handle = (req, res) => {
      if (req.url === "/from") res.writeHead(307, { location: "/to" }).end();
      else res.writeHead(200, { "content-type": "application/json" }).end("{}");
    };
    const answer = await exchange({
      method: "POST",
      url: new URL(`${a.url}/from`),
      headers: { Authorization: "Bearer t", "Content-Type": "application/json" },
      body: '{"status":"hi"}',
    });
    assert.equal(answer.url.pathname, "/to");
    const last = a.seen.at(-1)!;
    assert.deepEqual([last.method, last.path, last.body], ["POST", "/to", '{"status":"hi"}']);
    assert.equal(last.headers.authorization, "Bearer t");
  });

  test("303 after a POST becomes a GET without the body or its type", async () => {
    a.handle = (req, res) => {
      if (req.url === "/post") res.writeHead(303, { location: "/result" }).end();
      else res.writeHead(200, { "content-type": "application/json" }).end("{}");
    };
    await exchange({
      method: "POST",
      url: new URL(`${a.url}/post`),
      headers: { "Content-Type": "application/json" },
      body: "{}",
    });
    const last = a.seen.at(-1)!;
    assert.deepEqual([last.method, last.path, last.body], ["GET", "/result", ""]);
    assert.equal(last.headers["content-type"], undefined);
  });

  test("to another origin: followed without the Authorization header", async () => {
    a.handle = (_q, res) => res.writeHead(302, { location: `${b.url}/elsewhere` }).end();
    b.handle = (_q, res) => res.writeHead(200, { "content-type": "application/json" }).end("[]");
    const answer = await get(`${a.url}/api/v1/x`, { Authorization: "Bearer secret" });
    assert.equal(answer.text, "[]");
    const there = b.seen.at(-1)!;
    assert.equal(there.path, "/elsewhere");
    assert.equal(there.headers.authorization, undefined, "the token stays with its server");
  });

  test("to plain http off this machine: refused, nothing sent there", async () => {
    a.handle = (_q, res) =>
      res.writeHead(301, { location: "http://mastodon.example/api/v1/x" }).end();
    await assert.rejects(
      get(`${a.url}/api/v1/x`, { Authorization: "Bearer secret" }),
      (err: unknown) => err instanceof NetworkError && err.detail === "ERR_NOT_HTTPS",
    );
    a.handle = (_q, res) => res.writeHead(301, { location: "file:///etc/passwd" }).end();
    await assert.rejects(get(`${a.url}/`), NetworkError);
  });

  test("a loop stops after fetch's 20 redirects", async () => {
    const count = a.seen.length;
    a.handle = (_q, res) => res.writeHead(302, { location: "/again" }).end();
    await assert.rejects(
      get(`${a.url}/again`),
      (err: unknown) => err instanceof NetworkError && err.detail === "ERR_TOO_MANY_REDIRECTS",
    );
    assert.equal(a.seen.length - count, 21);
  });

  test("a first address of plain http off this machine is refused", async () => {
    await assert.rejects(get("http://mastodon.example/"), NetworkError);
  });
});

describe("through the REST client", () => {
  test("a 429 says until when, from its X-RateLimit-Reset read off this layer's headers", async () => {
    const reset = new Date(Date.now() + 60_000);
    reset.setMilliseconds(0);
    a.handle = (_q, res) => {
      res.writeHead(429, {
        "content-type": "application/json",
        "x-ratelimit-reset": reset.toISOString(),
      });
      res.end('{"error":"Too many requests"}');
    };
    const rest = createRestClient({ instanceUrl: a.url, accessToken: "t", maxRetries: 0 });
    try {
      await assert.rejects(
        // A POST without an Idempotency-Key: the queue gives the 429 back instead of waiting.
        rest.request({ method: "POST", path: "/api/v1/statuses/1/favourite" }),
        (err: unknown) =>
          err instanceof RateLimitedError && err.until.getTime() === reset.getTime(),
      );
      assert.equal(a.seen.at(-1)!.headers.authorization, "Bearer t");
    } finally {
      rest.close();
    }
  });

  test("a JSON body is sent snake_cased with its type, and the answer camelCased", async () => {
    a.handle = (_q, res) =>
      res.writeHead(200, { "content-type": "application/json" }).end('{"spoiler_text":"cw"}');
    const rest = createRestClient({ instanceUrl: a.url, accessToken: "t", maxRetries: 0 });
    try {
      const data = await rest.request<{ spoilerText: string }>({
        method: "POST",
        path: "/api/v1/statuses",
        params: { spoilerText: "cw", status: "hi" },
        idempotencyKey: "k1",
      });
      assert.equal(data.spoilerText, "cw");
      const sent = a.seen.at(-1)!;
      assert.deepEqual(JSON.parse(sent.body), { spoiler_text: "cw", status: "hi" });
      assert.equal(sent.headers["content-type"], "application/json");
      assert.equal(sent.headers["idempotency-key"], "k1");
    } finally {
      rest.close();
    }
  });
});
