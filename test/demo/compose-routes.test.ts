// The simulated instance's posting extras: the dropped answer, uploads that process,
// search, scheduling, and a length rule that agrees with the composer's counter.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { countLikeMastodon } from "../../src/compose/counter.js";
import { mastodonLength } from "../../src/demo/compose.js";
import { type DemoInstance, startDemoInstance } from "../../src/demo/index.js";

let demo: DemoInstance;
before(async () => {
  demo = await startDemoInstance({ generate: false, seedCount: 20 });
});
after(() => demo.close());

function call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  return fetch(`${demo.url}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${demo.token}`,
      ...(body ? { "content-type": "application/json" } : {}),
      ...headers,
    },
    body: body ? JSON.stringify(body) : undefined,
  });
}

const mine = (text: string) =>
  demo.control.requestLog().length >= 0 &&
  // The world is read through the public API: the home timeline holds own toots.
  call("GET", "/api/v1/timelines/home?limit=40")
    .then((r) => r.json() as Promise<{ content: string }[]>)
    .then((list) => list.filter((s) => s.content.includes(text)).length);

describe("POST /api/v1/statuses with a dropped answer", () => {
  test("the toot is stored once although the first answer never arrives and the retry reuses the key", async () => {
    demo.control.dropPostAfterStore(1);
    const key = "key-drop-1";
    await assert.rejects(
      call("POST", "/api/v1/statuses", { status: "dropped once" }, { "idempotency-key": key }),
    );
    assert.equal(await mine("dropped once"), 1, "the server stored it before the drop");
    const retry = await call(
      "POST",
      "/api/v1/statuses",
      { status: "dropped once" },
      { "idempotency-key": key },
    );
    assert.equal(retry.status, 200);
    assert.equal(await mine("dropped once"), 1, "the retry returned the same toot");
  });
});

describe("media uploads", () => {
  test("an upload answers 202, polls 206 while processing, then 200 with a url; alt text is kept", async () => {
    const up = await call("POST", "/api/v2/media", { description: "" });
    assert.equal(up.status, 202);
    const { id, url } = (await up.json()) as { id: string; url: string | null };
    assert.equal(url, null);
    assert.equal((await call("GET", `/api/v1/media/${id}`)).status, 206);
    const ready = await call("GET", `/api/v1/media/${id}`);
    assert.equal(ready.status, 200);
    // The demo is its own media host: the attachment's picture is served where the URL says.
    const { url: served } = (await ready.json()) as { url: string };
    assert.ok(served.startsWith(`${demo.url}/system/`), served);
    const picture = await fetch(served);
    assert.equal(picture.headers.get("content-type"), "image/png");
    assert.deepEqual(
      [...new Uint8Array(await picture.arrayBuffer()).slice(0, 4)],
      [0x89, 0x50, 0x4e, 0x47],
    );
    const described = await call("PUT", `/api/v1/media/${id}`, { description: "a cat" });
    assert.equal(((await described.json()) as { description: string }).description, "a cat");
    const posted = await call("POST", "/api/v1/statuses", {
      status: "with a cat",
      media_ids: [id],
    });
    const status = (await posted.json()) as {
      media_attachments: { id: string; description: string }[];
    };
    assert.deepEqual(
      status.media_attachments.map((m) => [m.id, m.description]),
      [[id, "a cat"]],
    );
  });

  test("an unknown media id is refused with 422", async () => {
    const res = await call("POST", "/api/v1/statuses", { status: "x", media_ids: ["999"] });
    assert.equal(res.status, 422);
  });
});

describe("scheduled statuses", () => {
  test("scheduled_at answers a ScheduledStatus and posts nothing yet", async () => {
    const at = new Date(Date.now() + 3_600_000).toISOString();
    const res = await call("POST", "/api/v1/statuses", {
      status: "later, please",
      scheduled_at: at,
    });
    const body = (await res.json()) as {
      id: string;
      scheduled_at: string;
      params: { text: string };
    };
    assert.equal(res.status, 200);
    assert.equal(body.params.text, "later, please");
    assert.equal(body.scheduled_at, at);
    assert.equal(await mine("later, please"), 0);
    const listed = (await (await call("GET", "/api/v1/scheduled_statuses")).json()) as {
      id: string;
    }[];
    assert.ok(listed.some((s) => s.id === body.id));
  });

  test("a time less than five minutes ahead is refused", async () => {
    const res = await call("POST", "/api/v1/statuses", {
      status: "too soon",
      scheduled_at: new Date(Date.now() + 60_000).toISOString(),
    });
    assert.equal(res.status, 422);
  });
});

describe("search for autocomplete", () => {
  test("@prefix finds accounts, #prefix finds hashtags", async () => {
    const accounts = (await (
      await call("GET", "/api/v2/search?q=%40ali&type=accounts")
    ).json()) as {
      accounts: { acct: string }[];
    };
    assert.ok(
      accounts.accounts.some((a) => a.acct.startsWith("ali")),
      JSON.stringify(accounts),
    );
    const tags = (await (await call("GET", "/api/v2/search?q=%23&type=hashtags")).json()) as {
      hashtags: unknown[];
    };
    const names = (tags.hashtags as { name: string }[]).map((t) => t.name);
    assert.deepEqual(names, [], "a bare # finds nothing");
    const some = (await (await call("GET", "/api/v2/search?q=%23r&type=hashtags")).json()) as {
      hashtags: { name: string }[];
    };
    assert.ok(some.hashtags.length > 0, "#r finds a tag");
    assert.ok(some.hashtags.every((t) => t.name.startsWith("r")));
  });
});

describe("the server's length rule agrees with the composer's counter", () => {
  const cases: [string, string, string][] = [
    ["plain ASCII", "hello world", ""],
    ["one URL counts 23", "see https://example.com/a/very/long/path?with=query", ""],
    ["URL with a trailing full stop", "read https://example.com/x.", ""],
    ["URL in parentheses", "(https://en.wikipedia.org/wiki/Foo_(bar))", ""],
    ["localhost is not a URL", "http://localhost:3000/abc", ""],
    ["URL glued to a word", "foohttps://example.com/abcdefghijklmnopqrstuvwxyz", ""],
    ["remote mention counts as local", "hi @alice@mastodon.example and @bob", ""],
    ["ZWJ family emoji is one", "👨‍👩‍👧‍👦 family", ""],
    ["CJK", "日本語のテキスト", ""],
    ["combining marks", "e\u0301te\u0301", ""],
    ["CW counted too", "body", "content warning"],
    ["email is not a mention", "mail me@example.com", ""],
  ];
  for (const [name, text, cw] of cases) {
    test(name, () => {
      assert.equal(mastodonLength(text, cw), countLikeMastodon(text, cw));
    });
  }

  test("over the limit the server refuses with the 422 text", async () => {
    const res = await call("POST", "/api/v1/statuses", { status: "x".repeat(501) });
    assert.equal(res.status, 422);
    assert.match(((await res.json()) as { error: string }).error, /character limit of 500/);
  });
});
