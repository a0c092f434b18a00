import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import {
  type ApiAccount,
  type ApiStatus,
  type DemoInstance,
  startDemoInstance,
} from "../../src/demo/index.js";
import type { instanceV1, instanceV2 } from "../../src/demo/instance-info.js";
import { auth, getJson } from "./support.js";

describe("demo instance: metadata, credentials and rate limits", () => {
  let demo: DemoInstance;
  before(async () => {
    demo = await startDemoInstance({ generate: false, seedCount: 40 });
  });
  after(() => demo.close());

  test("listens on a random loopback port", () => {
    assert.match(demo.url, /^http:\/\/127\.0\.0\.1:\d+$/);
  });

  test("v2 instance tells the client where to stream and how long a toot may be", async () => {
    const { status, body } = await getJson<ReturnType<typeof instanceV2>>(
      demo,
      "/api/v2/instance",
      {},
    );
    assert.equal(status, 200);
    assert.equal(body.domain, "demo.tootty.example");
    assert.match(body.version, /^4\.5\.\d+$/);
    assert.equal(body.configuration.urls?.streaming, demo.url.replace("http://", "ws://"));
    assert.equal(body.configuration.statuses.max_characters, 500);
    assert.equal(body.configuration.statuses.characters_reserved_per_url, 23);
    assert.equal(typeof body.configuration.statuses.max_media_attachments, "number");
    assert.equal(typeof body.configuration.polls.max_options, "number");
    // Mastodon 4.5: API version 7 (quote posts), and who may read the live feeds.
    assert.equal(body.api_versions?.mastodon, 7);
    assert.deepEqual(body.configuration.timelines_access?.live_feeds, {
      local: "public",
      remote: "public",
    });
  });

  test("v1 instance carries the streaming URL under urls.streaming_api", async () => {
    const { body } = await getJson<ReturnType<typeof instanceV1>>(demo, "/api/v1/instance", {});
    assert.equal(body.urls?.streaming_api, demo.url.replace("http://", "ws://"));
    assert.equal(body.uri, "demo.tootty.example");
  });

  test("rules are a list of id/text pairs", async () => {
    const { body } = await getJson<Array<{ id: string; text: string }>>(
      demo,
      "/api/v1/instance/rules",
      {},
    );
    assert.ok(body.length > 0);
    for (const rule of body) {
      assert.equal(typeof rule.id, "string");
      assert.equal(typeof rule.text, "string");
    }
  });

  test("streaming health answers a plain OK", async () => {
    const res = await fetch(`${demo.url}/api/v1/streaming/health`);
    assert.equal(res.status, 200);
    assert.equal(await res.text(), "OK");
  });

  test("verify_credentials returns the demo user with source", async () => {
    const { status, body } = await getJson<ApiAccount>(demo, "/api/v1/accounts/verify_credentials");
    assert.equal(status, 200);
    assert.equal(body.acct, "demo");
    assert.equal(typeof body.source?.privacy, "string");
  });

  test("home, notifications and credentials refuse a missing or unknown token with 401", async () => {
    for (const path of [
      "/api/v1/timelines/home",
      "/api/v1/notifications",
      "/api/v1/accounts/verify_credentials",
    ]) {
      const missing = await getJson<{ error: string }>(demo, path, {});
      assert.equal(missing.status, 401, path);
      assert.deepEqual(missing.body, { error: "The access token is invalid" });
      const wrong = await getJson<{ error: string }>(demo, path, {
        Authorization: "Bearer not-a-token",
      });
      assert.equal(wrong.status, 401, path);
    }
  });

  test("public timelines need no token and then omit the viewer's own flags", async () => {
    const anonymous = await getJson<ApiStatus[]>(demo, "/api/v1/timelines/public?limit=1", {});
    assert.equal(anonymous.status, 200);
    assert.equal("favourited" in anonymous.body[0]!, false);
    const signedIn = await getJson<ApiStatus[]>(demo, "/api/v1/timelines/public?limit=1");
    assert.equal(signedIn.body[0]!.favourited, false);
  });

  test("every response reports the rate limit, and the budget counts down per token", async () => {
    const first = await getJson(demo, "/api/v1/timelines/home?limit=1");
    const second = await getJson(demo, "/api/v1/timelines/home?limit=1");
    assert.equal(first.headers.get("x-ratelimit-limit"), "300");
    const a = Number(first.headers.get("x-ratelimit-remaining"));
    const b = Number(second.headers.get("x-ratelimit-remaining"));
    assert.equal(b, a - 1);
    const reset = Date.parse(second.headers.get("x-ratelimit-reset") ?? "");
    assert.ok(reset > Date.now() && reset <= Date.now() + 5 * 60_000);
    const notFound = await getJson(demo, "/api/v1/nothing-here");
    assert.equal(notFound.status, 404);
    assert.ok(notFound.headers.get("x-ratelimit-remaining"));
  });
});

describe("demo instance: the rate limit is real", () => {
  test("the request after the budget is spent gets 429 with Remaining 0 until the window resets", async () => {
    const demo = await startDemoInstance({
      generate: false,
      seedCount: 5,
      rateLimit: { limit: 3, windowMs: 60_000 },
    });
    try {
      for (let i = 0; i < 3; i++)
        assert.equal((await getJson(demo, "/api/v1/timelines/home")).status, 200);
      const limited = await getJson<{ error: string }>(demo, "/api/v1/timelines/home");
      assert.equal(limited.status, 429);
      assert.equal(limited.body.error, "Too many requests");
      assert.equal(limited.headers.get("x-ratelimit-remaining"), "0");
      assert.ok(Date.parse(limited.headers.get("x-ratelimit-reset") ?? "") > Date.now() - 1000);
      // Another token has its own budget.
      const other = await getJson(demo, "/api/v1/timelines/public", {});
      assert.equal(other.status, 200);
    } finally {
      await demo.close();
    }
  });
});

describe("demo instance: requests are logged for tests", () => {
  test("requestLog records method, path, query and status", async () => {
    const demo = await startDemoInstance({ generate: false, seedCount: 5 });
    try {
      await fetch(`${demo.url}/api/v1/timelines/public?local=true&limit=2`, {
        headers: auth(demo),
      });
      const entry = demo.control.requestLog().at(-1);
      assert.equal(entry?.method, "GET");
      assert.equal(entry?.path, "/api/v1/timelines/public");
      assert.equal(entry?.query, "local=true&limit=2");
      assert.equal(entry?.status, 200);
    } finally {
      await demo.close();
    }
  });
});

describe("demo instance: the rate-limit window resets", () => {
  test("after the window ends the budget is full again", async () => {
    let clock = Date.UTC(2026, 0, 1, 12, 0, 0);
    const demo = await startDemoInstance({ generate: false, seedCount: 5, now: () => clock });
    try {
      const first = await getJson(demo, "/api/v1/timelines/home");
      assert.equal(first.headers.get("x-ratelimit-remaining"), "299");
      assert.equal(first.headers.get("x-ratelimit-reset"), "2026-01-01T12:05:00.000Z");
      await getJson(demo, "/api/v1/timelines/home");
      clock += 5 * 60_000;
      const later = await getJson(demo, "/api/v1/timelines/home");
      assert.equal(later.headers.get("x-ratelimit-remaining"), "299");
      assert.equal(later.headers.get("x-ratelimit-reset"), "2026-01-01T12:10:00.000Z");
    } finally {
      await demo.close();
    }
  });
});
