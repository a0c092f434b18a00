import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { type ApiStatus, type DemoInstance, startDemoInstance } from "../../src/demo/index.js";
import {
  auth,
  control,
  getJson,
  openSocket,
  streamingUrl,
  subscribedSocket,
  waitFor,
  waitForAsync,
} from "./support.js";

const PING_MS = 60;

describe("fault controls", () => {
  let demo: DemoInstance;
  before(async () => {
    demo = await startDemoInstance({ generate: false, seedCount: 10, pingIntervalMs: PING_MS });
  });
  after(() => demo.close());

  test("dropSockets cuts every streaming socket abruptly", async () => {
    const a = await subscribedSocket(demo, ["public"]);
    const b = await subscribedSocket(demo, ["user"]);
    assert.equal(demo.control.streamClientCount(), 2);
    demo.control.dropSockets();
    const [ca, cb] = await Promise.all([waitFor(() => a.closed), waitFor(() => b.closed)]);
    assert.equal(ca.code, 1006);
    assert.equal(cb.code, 1006);
    await waitFor(
      () => demo.control.streamClientCount() === 0,
      2000,
      "server to forget the sockets",
    );
  });

  test("a silent socket stays open but receives no frames and no pings until the silence ends", async () => {
    const socket = await subscribedSocket(demo, ["public:local"]);
    try {
      await waitFor(() => socket.pings > 0, 2000, "a first ping");
      demo.control.setSilent(true);
      const pingsAtSilence = socket.pings;
      demo.control.publish("local");
      // Observation window: five ping intervals in which a live server would have pinged.
      await new Promise((r) => setTimeout(r, PING_MS * 5));
      assert.ok(
        socket.pings <= pingsAtSilence + 1,
        "no pings while silent (one may have been in flight)",
      );
      assert.equal(socket.frames.length, 0);
      assert.equal(socket.closed, null);
      demo.control.setSilent(false);
      const status = demo.control.publish("local");
      const frame = await socket.next((f) => f.event === "update");
      assert.equal((JSON.parse(frame.payload!) as ApiStatus).id, status.id);
      const pingsAfter = socket.pings;
      await waitFor(() => socket.pings > pingsAfter, 2000, "pings to resume");
    } finally {
      socket.close();
    }
  });

  test("refuseUpgrades answers upgrades with the given status for a while, then accepts again", async () => {
    const started = Date.now();
    demo.control.refuseUpgrades(200, 502);
    await assert.rejects(
      openSocket(streamingUrl(demo), { protocols: [demo.token] }),
      (err: { statusCode: number; body: string }) => {
        assert.equal(err.statusCode, 502);
        assert.match(err.body, /<center>nginx<\/center>/);
        return true;
      },
    );
    const socket = await waitForAsync(
      () => openSocket(streamingUrl(demo), { protocols: [demo.token] }).catch(() => null),
      3000,
      "upgrades to be accepted again",
    );
    assert.ok(Date.now() - started >= 200);
    socket.close();
  });

  test("failHttp 429 answers JSON with Remaining 0 and Reset at the end of the window", async () => {
    const before = Date.now();
    demo.control.failHttp({ pathPrefix: "/api/v1/timelines", status: 429, forMs: 5_000 });
    const res = await getJson<{ error: string }>(demo, "/api/v1/timelines/home");
    assert.equal(res.status, 429);
    assert.deepEqual(res.body, { error: "Too many requests" });
    assert.equal(res.headers.get("x-ratelimit-remaining"), "0");
    const reset = Date.parse(res.headers.get("x-ratelimit-reset") ?? "");
    assert.ok(reset >= before + 5_000 - 50 && reset <= Date.now() + 5_000 + 50);
    // Other paths are untouched.
    assert.equal((await getJson(demo, "/api/v1/notifications")).status, 200);
    demo.control.clearFaults();
    assert.equal((await getJson(demo, "/api/v1/timelines/home")).status, 200);
  });

  test("slowHttp answers the paths it names late, in parallel, until cleared; others at once", async () => {
    demo.control.slowHttp({ pathPrefix: "/api/v1/accounts", delayMs: 600 });
    const started = Date.now();
    const [a, b, quick] = await Promise.all([
      getJson(demo, "/api/v1/accounts/verify_credentials").then((r) => ({ r, at: Date.now() })),
      getJson(demo, "/api/v1/accounts/verify_credentials").then((r) => ({ r, at: Date.now() })),
      getJson(demo, "/api/v1/notifications").then((r) => ({ r, at: Date.now() })),
    ]);
    assert.equal(a.r.status, 200);
    assert.ok(a.at - started >= 600 && b.at - started >= 600, "both slow answers waited");
    // Delays run side by side: two slow requests take one delay, not two.
    assert.ok(Math.max(a.at, b.at) - started < 1_200, "slow answers overlapped");
    assert.ok(quick.at < a.at, "another path was answered first");
    demo.control.clearFaults();
    const again = Date.now();
    await getJson(demo, "/api/v1/accounts/verify_credentials");
    assert.ok(Date.now() - again < 600, "cleared");
  });

  test("failHttp 503 by count sends nginx's HTML page exactly that many times", async () => {
    demo.control.failHttp({ pathPrefix: "/api/v1/timelines/public", status: 503, count: 2 });
    for (let i = 0; i < 2; i++) {
      const res = await fetch(`${demo.url}/api/v1/timelines/public`, { headers: auth(demo) });
      assert.equal(res.status, 503);
      assert.match(res.headers.get("content-type") ?? "", /^text\/html/);
      const html = await res.text();
      assert.match(html, /<title>503 Service Temporarily Unavailable<\/title>/);
      assert.match(html, /<hr><center>nginx<\/center>/);
    }
    assert.equal((await getJson(demo, "/api/v1/timelines/public")).status, 200);
  });

  test("failHttp 503 by time fails every request until the window ends", async () => {
    // On the instance's own clock: a real 200 ms window can close between two requests on
    // a busy machine.
    let now = Date.parse("2026-01-01T12:00:00Z");
    const timed = await startDemoInstance({ generate: false, seedCount: 5, now: () => now });
    try {
      timed.control.failHttp({ pathPrefix: "/api/v1/instance", status: 503, forMs: 200 });
      assert.equal((await fetch(`${timed.url}/api/v1/instance`)).status, 503);
      now += 199;
      assert.equal((await fetch(`${timed.url}/api/v1/instance`)).status, 503);
      now += 1;
      assert.equal((await fetch(`${timed.url}/api/v1/instance`)).status, 200, "the window ended");
    } finally {
      await timed.close();
    }
  });
});

describe("keep-alive pings", () => {
  test("sockets that answer pings stay; a socket that stops answering is terminated", async () => {
    const demo = await startDemoInstance({
      generate: false,
      seedCount: 5,
      pingIntervalMs: PING_MS,
    });
    try {
      const polite = await openSocket(streamingUrl(demo), { protocols: [demo.token] });
      const deaf = await openSocket(streamingUrl(demo), {
        protocols: [demo.token],
        autoPong: false,
      });
      const closed = await waitFor(() => deaf.closed, 10_000, "the deaf socket to be cut");
      assert.equal(closed.code, 1006);
      assert.ok(deaf.pings >= 1);
      await waitFor(() => polite.pings >= 4, 10_000, "several pings to the polite socket");
      assert.equal(polite.closed, null);
      polite.close();
    } finally {
      await demo.close();
    }
  });
});

describe("keep-alive under load", () => {
  test("a client whose pong is still unread when the next ping is due is not cut", async () => {
    const demo = await startDemoInstance({
      generate: false,
      seedCount: 5,
      pingIntervalMs: PING_MS,
    });
    try {
      const busy = await openSocket(streamingUrl(demo), { protocols: [demo.token] });
      // The pong goes out before "ping" is emitted; blocking the event loop here for longer
      // than the interval makes the server's timer fire before it has read that pong — as a
      // busy machine does.
      let stalls = 0;
      busy.ws.on("ping", () => {
        if (stalls++ >= 2) return;
        const until = Date.now() + PING_MS * 3;
        while (Date.now() < until) {
          // a busy event loop
        }
      });
      await waitFor(() => busy.pings >= 6 || busy.closed !== null, 10_000, "six pings");
      assert.equal(busy.closed, null, "a live client is not cut for a pong it already sent");
      busy.ws.close();
    } finally {
      await demo.close();
    }
  });
});

describe("HTTP control endpoints", () => {
  let demo: DemoInstance;
  before(async () => {
    demo = await startDemoInstance({ generate: false, seedCount: 5 });
  });
  after(() => demo.close());

  test("without the right secret they answer 404, as if they did not exist", async () => {
    const wrong = await control(demo, "publish", { target: "local" }, "guess");
    assert.equal(wrong.status, 404);
    const missing = await fetch(`${demo.url}/_demo/clear`, { method: "POST" });
    assert.equal(missing.status, 404);
  });

  test("with the secret they publish, fail and clear", async () => {
    const published = await control(demo, "publish", {
      target: "local",
      status: { content: "<p>via http</p>" },
    });
    assert.equal(published.status, 200);
    const status = (await published.json()) as ApiStatus;
    assert.equal(status.content, "<p>via http</p>");
    const { body } = await getJson<ApiStatus[]>(
      demo,
      "/api/v1/timelines/public?local=true&limit=1",
    );
    assert.equal(body[0]!.id, status.id);

    assert.equal(
      (await control(demo, "fail", { pathPrefix: "/api/v1/timelines", status: 502, count: 1 }))
        .status,
      200,
    );
    assert.equal((await fetch(`${demo.url}/api/v1/timelines/public`)).status, 502);
    assert.equal(
      (await control(demo, "fail", { pathPrefix: "/api/v1/timelines", status: 500 })).status,
      200,
    );
    assert.equal((await fetch(`${demo.url}/api/v1/timelines/public`)).status, 500);
    assert.equal((await control(demo, "clear")).status, 200);
    assert.equal((await fetch(`${demo.url}/api/v1/timelines/public`)).status, 200);
  });

  test("revoke over HTTP makes the token invalid", async () => {
    assert.equal((await control(demo, "revoke", { token: demo.token })).status, 200);
    assert.equal((await getJson(demo, "/api/v1/timelines/home")).status, 401);
  });
});
