// The instance's flavours behave like the servers they play (see src/demo/flavour.ts).
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import {
  type DemoFlavourName,
  type DemoInstance,
  startDemoInstance,
} from "../../src/demo/index.js";
import { auth, getJson, linkTarget, openSocket, streamingUrl } from "./support.js";

type Json = Record<string, unknown>;

function withInstance(flavour: DemoFlavourName): () => DemoInstance {
  let demo: DemoInstance | undefined;
  before(async () => {
    demo = await startDemoInstance({ flavour, generate: false, seedCount: 30 });
  });
  after(() => demo?.close());
  return () => {
    if (!demo) throw new Error("starts in before()");
    return demo;
  };
}

async function upgradeStatus(url: string, headers: Record<string, string> = {}): Promise<number> {
  try {
    const s = await openSocket(url, { headers });
    s.close();
    return 101;
  } catch (err) {
    return (err as { statusCode?: number }).statusCode ?? 0;
  }
}

async function postStatus(demo: DemoInstance, body: string, type: string) {
  const res = await fetch(`${demo.url}/api/v1/statuses`, {
    method: "POST",
    headers: { ...auth(demo), "Content-Type": type },
    body,
  });
  return { status: res.status, body: (await res.json()) as Json };
}

/** A text of exactly `max` characters with a long URL is taken, one more is refused. */
async function assertUrlsCountWhole(
  demo: DemoInstance,
  max: number,
  pathLength: number,
  refusal = 422,
) {
  const url = `https://example.com/${"p".repeat(pathLength)}`;
  const fits = `${url} ${"x".repeat(max - url.length - 1)}`;
  const ok = await postStatus(demo, JSON.stringify({ status: fits }), "application/json");
  assert.equal(ok.status, 200);
  const long = await postStatus(demo, JSON.stringify({ status: `${fits}y` }), "application/json");
  assert.equal(long.status, refusal);
}

const IDS: Record<DemoFlavourName, RegExp> = {
  mastodon: /^\d{17,19}$/,
  gotosocial: /^[0-9A-HJKMNP-TV-Z]{26}$/,
  pleroma: /^[0-9A-Za-z]{18}$/,
  hollo: /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
  sharkey: /^[0-9a-z]{16}$/,
  snac: /^\d{10}[0-9a-f]{32}$/,
};

for (const flavour of ["mastodon", "gotosocial", "pleroma", "hollo", "sharkey", "snac"] as const) {
  describe(`demo flavour ${flavour}`, () => {
    const demo = withInstance(flavour);

    test("status ids are of the server's kind and newest comes first", async () => {
      const { body } = await getJson<Json[]>(demo(), "/api/v1/timelines/public?local=true");
      assert.ok(body.length > 5);
      for (const s of body) assert.match(String(s.id), IDS[flavour]);
      const times = body.map((s) => Date.parse(String(s.created_at)));
      assert.deepEqual(
        times,
        [...times].sort((a, b) => b - a),
      );
    });

    test("nodeinfo names the software", async () => {
      const index = await getJson<{ links: { href: string }[] }>(demo(), "/.well-known/nodeinfo");
      const href = new URL(index.body.links[0]!.href);
      const info = await getJson<{ software: { name: string } }>(demo(), href.pathname);
      assert.equal(info.body.software.name, flavour);
    });
  });
}

describe("demo flavour hollo: no streaming, JSON-only arrays, composite notification ids", () => {
  const demo = withInstance("hollo");

  test("the streaming upgrade and health answer 404 and the instance names no streaming URL", async () => {
    assert.equal(await upgradeStatus(streamingUrl(demo()), auth(demo())), 404);
    assert.equal((await getJson(demo(), "/api/v1/streaming/health")).status, 404);
    const v2 = await getJson<{ configuration: Json }>(demo(), "/api/v2/instance");
    assert.equal(v2.body.configuration.urls, undefined);
    assert.equal((v2.body.configuration.statuses as Json).characters_reserved_per_url, 256);
  });

  test("form-encoded media_ids[] and poll[options][] do not arrive; JSON does", async () => {
    const form = await postStatus(
      demo(),
      "status=hi&poll[options][]=a&poll[options][]=b&poll[expires_in]=600",
      "application/x-www-form-urlencoded",
    );
    assert.equal(form.status, 200);
    assert.equal(form.body.poll, null);
    const sent = await postStatus(
      demo(),
      JSON.stringify({ status: "hi", poll: { options: ["a", "b"], expires_in: 600 } }),
      "application/json",
    );
    assert.equal(sent.status, 200);
    assert.equal(((sent.body.poll as Json).options as unknown[]).length, 2);
  });

  test("notification ids are time/type/uuid and page by the Link cursor", async () => {
    const first = await getJson<Json[]>(demo(), "/api/v1/notifications?limit=3");
    for (const n of first.body)
      assert.match(String(n.id), /^\d{4}-\d\d-\d\dT[\d:.]+Z\/[a-z_.]+\/[0-9a-f-]{36}$/);
    const next = linkTarget(first.headers, "next");
    assert.ok(next);
    const older = await getJson<Json[]>(demo(), new URL(next).pathname + new URL(next).search);
    assert.ok(older.body.length > 0);
    const newestOlder = Date.parse(String(older.body[0]!.created_at));
    assert.ok(newestOlder <= Date.parse(String(first.body.at(-1)!.created_at)));
  });

  test("a cursor that is not a UUID is refused on timelines; there is no rel=prev", async () => {
    const bad = await getJson(demo(), "/api/v1/timelines/public?max_id=123");
    assert.equal(bad.status, 400);
    const page = await getJson(demo(), "/api/v1/timelines/public?limit=5");
    assert.equal(linkTarget(page.headers, "prev"), null);
    assert.ok(linkTarget(page.headers, "next"));
  });

  test("min_id answers the newest page above the cursor; since_id is not applied", async () => {
    // Hollo before 0.9.0 (CHANGES.md, "Fixed `min_id` handling"): a DESC query with a
    // "newer than" filter, and since_id declared but never applied.
    const all = await getJson<Json[]>(demo(), "/api/v1/timelines/public?local=true&limit=40");
    const ids = all.body.map((s) => String(s.id));
    assert.ok(ids.length >= 12, `${ids.length} toots`);
    const cursor = ids.at(-1)!;
    const q = (p: string) =>
      getJson<Json[]>(demo(), `/api/v1/timelines/public?local=true&limit=3&${p}`);
    const forward = await q(`min_id=${cursor}`);
    assert.deepEqual(
      forward.body.map((s) => s.id),
      ids.slice(0, 3),
    );
    const between = await q(`min_id=${cursor}&max_id=${ids[5]}`);
    assert.deepEqual(
      between.body.map((s) => s.id),
      ids.slice(6, 9),
    );
    const since = await q(`since_id=${ids[1]}`);
    assert.deepEqual(
      since.body.map((s) => s.id),
      ids.slice(0, 3),
    );
  });

  test("endpoints Hollo lacks answer 404", async () => {
    for (const p of ["/api/v2/filters", "/api/v1/conversations", "/api/v1/scheduled_statuses"])
      assert.equal((await getJson(demo(), p)).status, 404, p);
  });
});

describe("demo flavour pleroma: scheduled statuses are there", () => {
  const demo = withInstance("pleroma");

  test("GET /api/v1/scheduled_statuses answers a list, and a scheduled toot is in it", async () => {
    const at = new Date(Date.now() + 3_600_000).toISOString();
    const sent = await postStatus(
      demo(),
      JSON.stringify({ status: "later", scheduled_at: at }),
      "application/json",
    );
    assert.equal(sent.status, 200);
    const list = await getJson<Json[]>(demo(), "/api/v1/scheduled_statuses");
    assert.equal(list.status, 200);
    assert.ok(
      list.body.some((s) => s.id === sent.body.id),
      JSON.stringify(list.body),
    );
  });
});

describe("demo flavour gotosocial: the stream takes the token and the stream in the query", () => {
  const demo = withInstance("gotosocial");

  test("a header-only upgrade is refused; the query form opens one stream", async () => {
    assert.equal(await upgradeStatus(streamingUrl(demo()), auth(demo())), 401);
    const q = `?access_token=${demo().token}`;
    assert.equal(await upgradeStatus(streamingUrl(demo(), q)), 400);
    assert.equal(await upgradeStatus(streamingUrl(demo(), `${q}&stream=user`)), 101);
  });

  test("statuses have no edited_at and no text; limits from v2", async () => {
    const { body } = await getJson<Json[]>(demo(), "/api/v1/timelines/home");
    for (const s of body) {
      assert.equal("edited_at" in s, false);
      assert.equal("text" in s, false);
    }
    const v2 = await getJson<{ configuration: { statuses: Json } }>(demo(), "/api/v2/instance");
    assert.equal(v2.body.configuration.statuses.characters_reserved_per_url, 25);
  });
});

describe("demo flavour pleroma: v1 only, max_toot_chars and poll_limits", () => {
  const demo = withInstance("pleroma");

  test("v2 instance is missing; v1 has Pleroma's limit names and no configuration", async () => {
    assert.equal((await getJson(demo(), "/api/v2/instance")).status, 404);
    const v1 = await getJson<Json>(demo(), "/api/v1/instance");
    assert.equal(v1.body.max_toot_chars, 5000);
    assert.equal((v1.body.poll_limits as Json).max_options, 20);
    assert.equal(v1.body.configuration, undefined);
  });

  test("a text of 5001 characters is refused and one of 5000 with URLs counted whole is taken", () =>
    assertUrlsCountWhole(demo(), 5000, 80));
});

describe("demo flavour sharkey: Misskey's ids, v1 only, a socket that carries nothing", () => {
  const demo = withInstance("sharkey");

  test("the instance is v1 only, says it is like Akkoma, and has Sharkey's limits", async () => {
    const v2 = await fetch(`${demo().url}/api/v2/instance`, { headers: auth(demo()) });
    assert.equal(v2.status, 404);
    assert.deepEqual(await v2.json(), {
      error: {
        message: "Unknown API endpoint.",
        code: "UNKNOWN_API_ENDPOINT",
        id: "2ca3b769-540a-4f08-9dd5-b5a825b6d0f1",
        kind: "client",
      },
    });
    const v1 = await getJson<Json>(demo(), "/api/v1/instance");
    assert.match(String(v1.body.version), /^3\.0\.0 \(compatible; Sharkey [\d.]+; like Akkoma\)$/);
    const conf = v1.body.configuration as { statuses: Json; polls: Json };
    assert.equal(conf.statuses.max_media_attachments, 16);
    assert.equal(conf.statuses.max_characters, 3000);
    // The length of the instance's URL, not a URL allowance the server applies.
    assert.equal(conf.statuses.characters_reserved_per_url, "https://demo.tootty.example".length);
    assert.equal(conf.polls.max_options, 10);
    assert.equal(conf.polls.max_characters_per_option, 150);
  });

  test("a URL counts at its full length: 3000 characters with a long URL are refused past it", () =>
    // Misskey's ApiError MAX_LENGTH through Sharkey's Mastodon API is a 400.
    assertUrlsCountWhole(demo(), 3000, 200, 400));

  test("any path upgrades, with or without a token, and a subscription brings nothing", async () => {
    const other = `${demo().url.replace(/^http/, "ws")}/streaming`;
    assert.equal(await upgradeStatus(other), 101);
    const s = await openSocket(streamingUrl(demo()), { headers: auth(demo()) });
    const frames: string[] = [];
    s.ws.on("message", (d) => frames.push(String(d)));
    s.ws.send(JSON.stringify({ type: "subscribe", stream: "public:local" }));
    const pong = new Promise<void>((resolve) => s.ws.once("pong", () => resolve()));
    s.ws.ping();
    await pong;
    await postStatus(demo(), JSON.stringify({ status: "after the subscribe" }), "application/json");
    // The pong after the toot shows the server has handled everything sent before it.
    const pong2 = new Promise<void>((resolve) => s.ws.once("pong", () => resolve()));
    s.ws.ping();
    await pong2;
    assert.deepEqual(frames, []);
    s.close();
  });

  test("a favourite is listed twice with one id: as a reaction, then as a favourite", async () => {
    const { body } = await getJson<Json[]>(demo(), "/api/v1/notifications?limit=40");
    const at = body.findIndex((n) => n.type === "reaction");
    assert.ok(at >= 0, "the seed has favourites");
    assert.equal(body[at + 1]?.type, "favourite");
    assert.equal(body[at + 1]?.id, body[at]!.id);
    assert.equal(
      body.filter((n) => n.type === "favourite").length,
      body.filter((n) => n.type === "reaction").length,
    );
  });

  test("missing endpoints: a GET's Misskey error, another method's fastify 404", async () => {
    for (const p of ["/api/v1/markers", "/api/v2/filters", "/api/v1/scheduled_statuses"])
      assert.equal((await getJson(demo(), p)).status, 404, p);
    const post = await fetch(`${demo().url}/api/v1/statuses/1/translate`, {
      method: "POST",
      headers: auth(demo()),
    });
    assert.equal(post.status, 404);
    assert.equal(((await post.json()) as Json).error, "Not Found");
    assert.equal((await getJson(demo(), "/api/v1/conversations")).status, 200);
  });
});

describe("demo flavour snac: time-and-md5 ids, v1 only, stubs and HTML 404s", () => {
  const demo = withInstance("snac");

  test("the instance names a streaming URL that does not stream", async () => {
    const v1 = await getJson<Json>(demo(), "/api/v1/instance");
    assert.equal(v1.body.version, "4.0.0 (not true; really snac/2.94)");
    assert.ok((v1.body.urls as Json).streaming_api);
    const conf = v1.body.configuration as { statuses: Json; polls: Json };
    assert.equal(conf.statuses.characters_reserved_per_url, 32);
    assert.equal(conf.statuses.max_characters, 100_000);
    assert.equal(conf.polls.max_options, 8);
    assert.equal(await upgradeStatus(streamingUrl(demo()), auth(demo())), 404);
  });

  test("what snac does not handle is its HTML 404", async () => {
    for (const p of [
      "/api/v2/instance",
      "/api/v1/streaming/user",
      "/api/v1/notifications/unread_count",
    ]) {
      const res = await fetch(`${demo().url}${p}`, { headers: auth(demo()) });
      assert.equal(res.status, 404, p);
      assert.match(res.headers.get("content-type") ?? "", /^text\/html/);
      assert.equal(await res.text(), "<h1>404 Not Found (snac/2.94)</h1>");
    }
  });

  test("conversations and scheduled statuses answer an empty list whatever there is", async () => {
    const at = new Date(Date.now() + 3_600_000).toISOString();
    await postStatus(
      demo(),
      JSON.stringify({ status: "later", scheduled_at: at }),
      "application/json",
    );
    for (const p of ["/api/v1/conversations", "/api/v1/scheduled_statuses", "/api/v2/filters"]) {
      const r = await getJson<unknown[]>(demo(), p);
      assert.equal(r.status, 200, p);
      assert.deepEqual(r.body, [], p);
    }
  });

  test("only home pages carry a Link header, its prev by since_id", async () => {
    const home = await getJson(demo(), "/api/v1/timelines/home?limit=5");
    assert.match(linkTarget(home.headers, "prev") ?? "", /[?&]since_id=/);
    assert.match(linkTarget(home.headers, "next") ?? "", /[?&]max_id=/);
    const local = await getJson(demo(), "/api/v1/timelines/public?local=true&limit=5");
    assert.equal(local.headers.get("link"), null);
    const notifications = await getJson(demo(), "/api/v1/notifications?limit=5");
    assert.equal(notifications.headers.get("link"), null);
  });

  test("notifications' min_id answers the newest page above the cursor", async () => {
    const all = await getJson<Json[]>(demo(), "/api/v1/notifications?limit=40");
    const ids = all.body.map((n) => String(n.id));
    assert.ok(ids.length >= 8, `${ids.length} notifications`);
    const above = await getJson<Json[]>(
      demo(),
      `/api/v1/notifications?limit=3&min_id=${ids.at(-1)}`,
    );
    assert.deepEqual(
      above.body.map((n) => n.id),
      ids.slice(0, 3),
    );
  });

  test("notification ids are 16 digits", async () => {
    const { body } = await getJson<Json[]>(demo(), "/api/v1/notifications?limit=5");
    assert.ok(body.length > 0);
    for (const n of body) assert.match(String(n.id), /^\d{16}$/);
  });
});
