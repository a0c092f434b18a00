// The demo's grouped notifications, policy and requests answer as Mastodon 4.3's do
// (docs: methods/grouped_notifications, methods/notifications; the controllers cited in
// src/demo/notification-routes.ts).
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { type DemoInstance, startDemoInstance } from "../../src/demo/index.js";
import { auth, getJson, linkTarget, subscribedSocket } from "./support.js";

interface Group {
  group_key: string;
  notifications_count: number;
  type: string;
  most_recent_notification_id: string;
  page_min_id?: string;
  page_max_id?: string;
  latest_page_notification_at?: string;
  sample_account_ids: string[];
  status_id?: string;
}
interface Results {
  accounts: { id: string; acct: string; display_name?: string }[];
  partial_accounts?: { id: string; acct: string; display_name?: string }[];
  statuses: { id: string }[];
  notification_groups: Group[];
}

async function send(demo: DemoInstance, method: string, path: string, body: unknown = {}) {
  const res = await fetch(`${demo.url}${path}`, {
    method,
    headers: { ...auth(demo), "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

describe("grouped notifications (v2)", () => {
  let demo: DemoInstance;
  let post: string;
  before(async () => {
    demo = await startDemoInstance({ generate: false, seedCount: 6 });
    post = demo.control.publish("local", { account: "demo", content: "<p>mine</p>" }).id;
    for (const who of ["alice", "lou", "mina"])
      demo.control.notify("favourite", { account: who, status_id: post });
    demo.control.notify("mention", { account: "yuki" });
  });
  after(() => demo.close());

  test("three favourites of one post are one group; accounts and statuses once at the top", async () => {
    const { status, body, headers } = await getJson<Results>(demo, "/api/v2/notifications?limit=5");
    assert.equal(status, 200);
    const favs = body.notification_groups.filter(
      (g) => g.type === "favourite" && g.status_id === post,
    );
    assert.equal(favs.length, 1);
    const g = favs[0]!;
    assert.equal(g.notifications_count, 3);
    const acct = (id: string) => body.accounts.find((a) => a.id === id)?.acct;
    assert.deepEqual(g.sample_account_ids.map(acct), ["mina", "lou", "alice"], "newest first");
    assert.equal(g.page_max_id, g.most_recent_notification_id);
    assert.ok(g.page_min_id && g.latest_page_notification_at);
    assert.equal(body.statuses.filter((s) => s.id === post).length, 1, "the status once");
    assert.equal(new Set(body.accounts.map((a) => a.id)).size, body.accounts.length);
    // The mention is newest and a group of its own.
    assert.equal(body.notification_groups[0]!.type, "mention");
    assert.match(body.notification_groups[0]!.group_key, /^ungrouped-/);
    assert.ok(linkTarget(headers, "next")?.includes("max_id="));
  });

  test("grouped_types[] without favourite: each favourite is its own group", async () => {
    const { body } = await getJson<Results>(demo, "/api/v2/notifications?grouped_types[]=reblog");
    const favs = body.notification_groups.filter(
      (g) => g.type === "favourite" && g.status_id === post,
    );
    // paginate_groups still takes one per stored group key: the page shows the newest only.
    assert.equal(favs.length, 1);
    assert.match(favs[0]!.group_key, /^ungrouped-/);
    assert.equal(favs[0]!.notifications_count, 1);
  });

  test("expand_accounts=partial_avatars: the newest account in full, the others partial", async () => {
    const { body } = await getJson<Results>(
      demo,
      "/api/v2/notifications?expand_accounts=partial_avatars",
    );
    const g = body.notification_groups.find((x) => x.status_id === post)!;
    const full = body.accounts.map((a) => a.id);
    const partial = body.partial_accounts!.map((a) => a.id);
    assert.ok(full.includes(g.sample_account_ids[0]!));
    for (const id of g.sample_account_ids.slice(1))
      assert.ok(partial.includes(id) || full.includes(id));
    assert.ok(body.partial_accounts!.every((a) => a.display_name === undefined && a.acct));
    const bad = await getJson(demo, "/api/v2/notifications?expand_accounts=all");
    assert.equal(bad.status, 400);
  });

  test("a group's accounts, and dismissing it", async () => {
    const { body } = await getJson<Results>(demo, "/api/v2/notifications");
    const key = body.notification_groups.find((g) => g.status_id === post)!.group_key;
    const accounts = await getJson<{ acct: string }[]>(
      demo,
      `/api/v2/notifications/${key}/accounts`,
    );
    assert.deepEqual(
      accounts.body.map((a) => a.acct),
      ["mina", "lou", "alice"],
    );
    const one = await getJson<Results>(demo, `/api/v2/notifications/${key}`);
    assert.equal(one.body.notification_groups[0]!.notifications_count, 3);
    assert.equal(one.body.notification_groups[0]!.page_min_id, undefined, "not paginated");
    assert.equal((await send(demo, "POST", `/api/v2/notifications/${key}/dismiss`)).status, 200);
    const afterDismiss = await getJson<Results>(demo, "/api/v2/notifications");
    assert.ok(!afterDismiss.body.notification_groups.some((g) => g.group_key === key));
  });

  test("unread_count counts groups newer than the notifications marker", async () => {
    const all = await getJson<Results>(demo, "/api/v2/notifications");
    const newest = all.body.notification_groups[0]!.most_recent_notification_id;
    demo.control.notify("follow", { account: "wei" });
    demo.control.notify("follow", { account: "noa" });
    await send(demo, "POST", "/api/v1/markers", { notifications: { last_read_id: newest } });
    const count = await getJson<{ count: number }>(demo, "/api/v2/notifications/unread_count");
    assert.deepEqual(count.body, { count: 1 }, "two follows are one group");
  });

  test("paging: max_id from the Link header reaches older groups, then an empty page", async () => {
    const seen = new Set<string>();
    let path: string | null = "/api/v2/notifications?limit=2";
    for (let i = 0; i < 50 && path; i++) {
      const page: { body: Results; headers: Headers } = await getJson<Results>(
        demo,
        path.replace(demo.url, ""),
      );
      if (page.body.notification_groups.length === 0) break;
      for (const g of page.body.notification_groups) {
        assert.ok(!seen.has(g.most_recent_notification_id), "no notification twice");
        seen.add(g.most_recent_notification_id);
      }
      path = linkTarget(page.headers, "next");
    }
    assert.ok(seen.size >= 4);
  });
});

describe("notification policy and requests", () => {
  let demo: DemoInstance;
  before(async () => {
    demo = await startDemoInstance({ generate: false, seedCount: 6 });
  });
  after(() => demo.close());

  test("a filtered mention goes to the requests inbox, unstreamed; accepting merges it back", async () => {
    const socket = await subscribedSocket(demo, ["user"]);
    try {
      const policy = await send(demo, "PATCH", "/api/v2/notifications/policy", {
        for_not_following: "filter",
      });
      assert.equal(policy.status, 200);
      assert.equal(policy.body.for_not_following, "filter");
      assert.equal(
        (await send(demo, "PATCH", "/api/v2/notifications/policy", { for_new_accounts: "x" }))
          .status,
        422,
      );
      // lou is not followed by the demo user: a follow, then a mention, both filtered.
      demo.control.notify("follow", { account: "lou" });
      const mention = demo.control.notify("mention", { account: "lou" });
      const list = await getJson<{ id: string }[]>(demo, "/api/v1/notifications");
      assert.ok(!list.body.some((n) => n.id === mention.id), "not in the list");
      const summary = await getJson<{ summary: Record<string, number> }>(
        demo,
        "/api/v2/notifications/policy",
      );
      assert.deepEqual(summary.body.summary, {
        pending_requests_count: 1,
        pending_notifications_count: 2,
      });
      const requests = await getJson<
        { id: string; notifications_count: string; account: { acct: string } }[]
      >(demo, "/api/v1/notifications/requests");
      assert.equal(requests.body.length, 1);
      assert.equal(requests.body[0]!.account.acct, "lou");
      assert.equal(requests.body[0]!.notifications_count, "2", "a string, as Mastodon sends it");
      const fromLou = await getJson<{ id: string }[]>(
        demo,
        `/api/v1/notifications?account_id=${mention.account.id}`,
      );
      assert.ok(
        fromLou.body.some((n) => n.id === mention.id),
        "a request's notifications include filtered ones",
      );
      assert.ok(
        !socket.frames.some((f) => f.payload?.includes(`"id":"${mention.id}"`)),
        "never streamed",
      );

      const id = requests.body[0]!.id;
      assert.equal(
        (await send(demo, "POST", `/api/v1/notifications/requests/${id}/accept`)).status,
        200,
      );
      await socket.next((f) => f.event === "notifications_merged");
      const merged = await getJson<{ id: string }[]>(demo, "/api/v1/notifications");
      assert.ok(
        merged.body.some((n) => n.id === mention.id),
        "back in the list",
      );
      assert.equal((await getJson(demo, `/api/v1/notifications/requests/${id}`)).status, 404);
      // Accepted from now on.
      const next = demo.control.notify("mention", { account: "lou" });
      await socket.next((f) => f.event === "notification" && f.payload!.includes(next.id));
    } finally {
      socket.close();
    }
  });

  test("dismissing a request deletes its filtered notifications", async () => {
    await send(demo, "PATCH", "/api/v2/notifications/policy", { for_not_following: "filter" });
    const mention = demo.control.notify("mention", { account: "fossgroup" });
    const requests = await getJson<{ id: string }[]>(demo, "/api/v1/notifications/requests");
    assert.equal(
      (await send(demo, "POST", `/api/v1/notifications/requests/${requests.body[0]!.id}/dismiss`))
        .status,
      200,
    );
    const from = await getJson<{ id: string }[]>(
      demo,
      `/api/v1/notifications?account_id=${mention.account.id}`,
    );
    assert.ok(!from.body.some((n) => n.id === mention.id));
  });

  test("drop: no notification at all", async () => {
    await send(demo, "PATCH", "/api/v2/notifications/policy", { for_not_following: "drop" });
    const n = demo.control.notify("mention", { account: "newsbot" });
    const from = await getJson<{ id: string }[]>(
      demo,
      `/api/v1/notifications?account_id=${n.account.id}`,
    );
    assert.ok(!from.body.some((x) => x.id === n.id));
  });

  test("the fault controls apply to the new endpoints as to the rest", async () => {
    demo.control.failHttp({ pathPrefix: "/api/v2/notifications", status: 503, count: 2 });
    const down = await fetch(`${demo.url}/api/v2/notifications/policy`, { headers: auth(demo) });
    assert.equal(down.status, 503);
    assert.match(down.headers.get("content-type") ?? "", /text\/html/, "nginx's page");
    const again = await fetch(`${demo.url}/api/v2/notifications`, { headers: auth(demo) });
    assert.equal(again.status, 503);
    assert.equal((await getJson(demo, "/api/v2/notifications")).status, 200, "two, then served");
    demo.control.failHttp({ pathPrefix: "/api/v1/notifications/requests", status: 429, count: 1 });
    const limited = await fetch(`${demo.url}/api/v1/notifications/requests`, {
      headers: auth(demo),
    });
    assert.equal(limited.status, 429);
    assert.ok(limited.headers.get("x-ratelimit-reset"));
    demo.control.clearFaults();
  });

  test("servers before 4.3 have none of it", async () => {
    const gts = await startDemoInstance({ generate: false, seedCount: 6, flavour: "gotosocial" });
    try {
      assert.equal((await getJson(gts, "/api/v2/notifications")).status, 404);
      assert.equal((await getJson(gts, "/api/v2/notifications/policy")).status, 404);
      assert.equal((await getJson(gts, "/api/v1/notifications/requests")).status, 404);
      const n = gts.control.notify("favourite");
      assert.equal(
        (n as { group_key?: string }).group_key,
        undefined,
        "no group_key without api_versions",
      );
    } finally {
      gts.close();
    }
  });
});
