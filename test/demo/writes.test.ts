import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import {
  type ApiPoll,
  type ApiStatus,
  type DemoInstance,
  startDemoInstance,
} from "../../src/demo/index.js";
import { auth, getJson, subscribedSocket } from "./support.js";

async function send(
  demo: DemoInstance,
  method: string,
  path: string,
  body: unknown = {},
  headers: Record<string, string> = {},
) {
  const res = await fetch(`${demo.url}${path}`, {
    method,
    headers: { ...auth(demo), "Content-Type": "application/json", ...headers },
    body: JSON.stringify(body),
  });
  return {
    status: res.status,
    body: (await res.json()) as ApiStatus & { error?: string; text?: string },
  };
}

describe("posting and acting on statuses", () => {
  let demo: DemoInstance;
  before(async () => {
    demo = await startDemoInstance({ generate: false, seedCount: 20 });
  });
  after(() => demo.close());

  test("a notification shows its toot as it is now, edited, as Mastodon renders it per request", async () => {
    const { control } = demo;
    const toot = control.publish("home", { account: "yuki", content: "<p>@demo before</p>" });
    const made = control.notify("mention", { account: "yuki", status_id: toot.id });
    control.editStatus(toot.id, "<p>@demo after</p>");
    const { body: list } = await getJson<Array<{ id: string; status?: ApiStatus }>>(
      demo,
      "/api/v1/notifications?limit=40",
    );
    const shown = list.find((n) => n.id === made.id);
    assert.equal(shown?.status?.content, "<p>@demo after</p>");
    assert.ok(shown?.status?.edited_at, "with its edit time");
  });

  test("a post is linkified like Mastodon and streams to user and public:local", async () => {
    const socket = await subscribedSocket(demo, ["user", "public:local"]);
    try {
      const { status, body } = await send(demo, "POST", "/api/v1/statuses", {
        status:
          "Hello @alice and @yuki@kaiju.example #TootTTY https://example.com/a/very/long/path/that/keeps/going",
      });
      assert.equal(status, 200);
      assert.equal(body.account.acct, "demo");
      assert.match(body.content, /class="u-url mention">@<span>alice<\/span>/);
      assert.match(body.content, /class="u-url mention">@<span>yuki<\/span>/);
      assert.match(body.content, /class="mention hashtag" rel="tag">#<span>TootTTY<\/span>/);
      assert.match(body.content, /<span class="ellipsis">/);
      assert.deepEqual(body.mentions.map((m) => m.acct).sort(), ["alice", "yuki@kaiju.example"]);
      const user = await socket.next((f) => f.stream?.[0] === "user");
      assert.equal((JSON.parse(user.payload!) as ApiStatus).id, body.id);
      await socket.next((f) => f.stream?.[0] === "public:local");
    } finally {
      socket.close();
    }
  });

  test("the same Idempotency-Key never posts twice", async () => {
    const key = "draft-1234";
    const a = await send(
      demo,
      "POST",
      "/api/v1/statuses",
      { status: "only once" },
      { "Idempotency-Key": key },
    );
    const b = await send(
      demo,
      "POST",
      "/api/v1/statuses",
      { status: "only once" },
      { "Idempotency-Key": key },
    );
    assert.equal(a.body.id, b.body.id);
    const { body } = await getJson<ApiStatus[]>(demo, "/api/v1/timelines/home?limit=5");
    assert.equal(body.filter((s) => s.content.includes("only once")).length, 1);
  });

  test("length is counted like Mastodon: a URL is 23 characters, over 500 is refused", async () => {
    const url = `https://example.com/${"x".repeat(600)}`;
    assert.equal(
      (await send(demo, "POST", "/api/v1/statuses", { status: `${"a".repeat(470)} ${url}` }))
        .status,
      200,
    );
    const tooLong = await send(demo, "POST", "/api/v1/statuses", { status: "a".repeat(501) });
    assert.equal(tooLong.status, 422);
    assert.match(tooLong.body.error ?? "", /character limit/);
    assert.equal((await send(demo, "POST", "/api/v1/statuses", { status: "" })).status, 422);
  });

  test("favourite and bookmark set the viewer's flags", async () => {
    const target = demo.control.publish("local");
    const fav = await send(demo, "POST", `/api/v1/statuses/${target.id}/favourite`);
    assert.equal(fav.body.favourited, true);
    assert.equal(fav.body.favourites_count, target.favourites_count + 1);
    const unfav = await send(demo, "POST", `/api/v1/statuses/${target.id}/unfavourite`);
    assert.equal(unfav.body.favourited, false);
    const bm = await send(demo, "POST", `/api/v1/statuses/${target.id}/bookmark`);
    assert.equal(bm.body.bookmarked, true);
  });

  test("a boost puts a reblog wrapper in home; unboosting deletes it", async () => {
    const target = demo.control.publish("federated");
    const boost = await send(demo, "POST", `/api/v1/statuses/${target.id}/reblog`);
    assert.equal(boost.body.reblog?.id, target.id);
    assert.equal(boost.body.reblog?.reblogged, true);
    const { body: home } = await getJson<ApiStatus[]>(demo, "/api/v1/timelines/home?limit=1");
    assert.equal(home[0]!.id, boost.body.id);
    const socket = await subscribedSocket(demo, ["user"]);
    try {
      const un = await send(demo, "POST", `/api/v1/statuses/${target.id}/unreblog`);
      assert.equal(un.body.reblogged, false);
      const frame = await socket.next((f) => f.event === "delete");
      assert.equal(frame.payload, boost.body.id);
    } finally {
      socket.close();
    }
  });

  test("deleting your own status returns its source text for redrafting", async () => {
    const posted = await send(demo, "POST", "/api/v1/statuses", { status: "delete me" });
    const deleted = await send(demo, "DELETE", `/api/v1/statuses/${posted.body.id}`);
    assert.equal(deleted.status, 200);
    assert.equal(deleted.body.text, "delete me");
    assert.equal((await getJson(demo, `/api/v1/statuses/${posted.body.id}`)).status, 404);
    const other = demo.control.publish("local");
    assert.equal((await send(demo, "DELETE", `/api/v1/statuses/${other.id}`)).status, 404);
  });

  test("editing your own status sets edited_at", async () => {
    const posted = await send(demo, "POST", "/api/v1/statuses", { status: "first try" });
    const edited = await send(demo, "PUT", `/api/v1/statuses/${posted.body.id}`, {
      status: "second try",
    });
    assert.equal(edited.body.content, "<p>second try</p>");
    assert.ok(edited.body.edited_at);
  });

  test("voting in an open poll records the choice once", async () => {
    const poll: ApiPoll = {
      id: "777",
      expires_at: new Date(Date.now() + 60_000).toISOString(),
      expired: false,
      multiple: false,
      votes_count: 0,
      voters_count: 0,
      voted: false,
      own_votes: [],
      options: [
        { title: "yes", votes_count: 0 },
        { title: "no", votes_count: 0 },
      ],
      emojis: [],
    };
    demo.control.publish("local", { content: "<p>vote</p>", poll });
    const res = await fetch(`${demo.url}/api/v1/polls/777/votes`, {
      method: "POST",
      headers: { ...auth(demo), "Content-Type": "application/x-www-form-urlencoded" },
      body: "choices[]=1",
    });
    const voted = (await res.json()) as ApiPoll;
    assert.equal(voted.voted, true);
    assert.deepEqual(voted.own_votes, [1]);
    assert.equal(voted.options[1]!.votes_count, 1);
    const again = await fetch(`${demo.url}/api/v1/polls/777/votes`, {
      method: "POST",
      headers: { ...auth(demo), "Content-Type": "application/json" },
      body: JSON.stringify({ choices: [0] }),
    });
    assert.equal(again.status, 422);
  });

  test("polls posted in the same millisecond get distinct ids", async () => {
    const frozen = await startDemoInstance({ generate: false, seedCount: 0, now: () => 1e12 });
    try {
      const poll = { options: ["a", "b"], expires_in: 3600 };
      const first = await send(frozen, "POST", "/api/v1/statuses", { status: "one", poll });
      const second = await send(frozen, "POST", "/api/v1/statuses", { status: "two", poll });
      assert.equal(first.status, 200);
      assert.equal(second.status, 200);
      assert.notEqual(first.body.poll?.id, second.body.poll?.id);
    } finally {
      await frozen.close();
    }
  });

  test("markers are saved and read back", async () => {
    const saved = await send(demo, "POST", "/api/v1/markers", { home: { last_read_id: "123" } });
    assert.equal(saved.status, 200);
    const { body } = await getJson<{ home: { last_read_id: string; version: number } }>(
      demo,
      "/api/v1/markers?timeline[]=home",
    );
    assert.equal(body.home.last_read_id, "123");
    assert.equal(body.home.version, 1);
  });
});
