import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import {
  type ApiNotification,
  type ApiStatus,
  compareIds,
  type DemoInstance,
  startDemoInstance,
} from "../../src/demo/index.js";
import { pageById } from "../../src/demo/paging.js";
import { auth, getJson, linkTarget } from "./support.js";

const ids = (list: Array<{ id: string }>) => list.map((s) => s.id);

function isNewestFirst(list: string[]): boolean {
  return list.every((id, i) => i === 0 || compareIds(list[i - 1]!, id) > 0);
}

async function walk(demo: DemoInstance, start: string, rel: "next" | "prev"): Promise<string[][]> {
  const pages: string[][] = [];
  let url: string | null = `${demo.url}${start}`;
  while (url) {
    const res = await fetch(url, { headers: auth(demo) });
    const body = (await res.json()) as ApiStatus[];
    if (body.length === 0) break;
    pages.push(ids(body));
    url = linkTarget(res.headers, rel);
  }
  return pages;
}

describe("paging like Mastodon", () => {
  let demo: DemoInstance;
  before(async () => {
    demo = await startDemoInstance({ generate: false, seedCount: 60 });
  });
  after(() => demo.close());

  test("ids are snowflake-style decimal strings, 18–19 digits, newest first", async () => {
    const { body } = await getJson<ApiStatus[]>(demo, "/api/v1/timelines/public");
    assert.equal(body.length, 20);
    for (const s of body) assert.match(s.id, /^\d{18,19}$/);
    assert.ok(isNewestFirst(ids(body)));
  });

  test("following rel=next walks the whole timeline with no overlap and no hole", async () => {
    const everything = (
      await walk(demo, "/api/v1/timelines/public?local=true&limit=40", "next")
    ).flat();
    const pages = await walk(demo, "/api/v1/timelines/public?local=true&limit=7", "next");
    assert.ok(pages.length > 3);
    assert.deepEqual(pages.flat(), everything);
    assert.equal(new Set(everything).size, everything.length);
    assert.ok(isNewestFirst(everything));
  });

  test("Link URLs are absolute and keep the timeline's own parameters", async () => {
    const { headers } = await getJson(demo, "/api/v1/timelines/public?local=true&limit=5");
    const next = new URL(linkTarget(headers, "next") ?? "");
    assert.equal(next.origin, demo.url);
    assert.equal(next.searchParams.get("local"), "true");
    assert.equal(next.searchParams.get("limit"), "5");
    assert.ok(next.searchParams.get("max_id"));
    assert.ok(new URL(linkTarget(headers, "prev") ?? "").searchParams.get("min_id"));
  });

  test("the last page has no rel=next; an empty page has no Link at all", async () => {
    const all = (await walk(demo, "/api/v1/timelines/public?remote=true&limit=40", "next")).flat();
    const oldest = all.at(-1)!;
    const second = all.at(-2)!;
    const last = await getJson<ApiStatus[]>(
      demo,
      `/api/v1/timelines/public?remote=true&max_id=${second}`,
    );
    assert.deepEqual(ids(last.body), [oldest]);
    assert.equal(linkTarget(last.headers, "next"), null);
    assert.ok(linkTarget(last.headers, "prev"));
    const empty = await getJson<ApiStatus[]>(
      demo,
      `/api/v1/timelines/public?remote=true&max_id=${oldest}`,
    );
    assert.deepEqual(empty.body, []);
    assert.equal(empty.headers.get("link"), null);
  });

  test("max_id is strictly older; min_id pages forward from the cursor; since_id gives the newest", async () => {
    const all = (await walk(demo, "/api/v1/timelines/home?limit=40", "next")).flat();
    const cursor = all[30]!;
    const older = await getJson<ApiStatus[]>(
      demo,
      `/api/v1/timelines/home?max_id=${cursor}&limit=5`,
    );
    assert.deepEqual(ids(older.body), all.slice(31, 36));
    // min_id: the five immediately newer than the cursor (still newest first).
    const forward = await getJson<ApiStatus[]>(
      demo,
      `/api/v1/timelines/home?min_id=${cursor}&limit=5`,
    );
    assert.deepEqual(ids(forward.body), all.slice(25, 30));
    // since_id: the five newest of those newer than the cursor.
    const since = await getJson<ApiStatus[]>(
      demo,
      `/api/v1/timelines/home?since_id=${cursor}&limit=5`,
    );
    assert.deepEqual(ids(since.body), all.slice(0, 5));
  });

  test("following rel=prev from an old cursor catches up to the newest with no hole", async () => {
    const all = (await walk(demo, "/api/v1/timelines/home?limit=40", "next")).flat();
    const cursor = all[33]!;
    const pages = await walk(demo, `/api/v1/timelines/home?min_id=${cursor}&limit=4`, "prev");
    const caughtUp = pages.reverse().flat();
    assert.deepEqual(caughtUp, all.slice(0, 33));
  });

  test("limit defaults to 20 and caps at 40", async () => {
    assert.equal((await getJson<ApiStatus[]>(demo, "/api/v1/timelines/public")).body.length, 20);
    assert.equal(
      (await getJson<ApiStatus[]>(demo, "/api/v1/timelines/public?limit=500")).body.length,
      40,
    );
  });

  test("notifications default to 40, cap at 80, and their ids grow in length across a page", async () => {
    const { body } = await getJson<ApiNotification[]>(demo, "/api/v1/notifications?limit=200");
    assert.ok(body.length > 0 && body.length <= 80);
    const more = await getJson<ApiNotification[]>(demo, "/api/v1/notifications");
    assert.equal(more.body.length, Math.min(40, body.length));
    // The seeded ids cross from 7 to 8 digits: lexical order would put "9999999" first.
    const lengths = new Set(body.map((n) => n.id.length));
    assert.ok(lengths.size > 1);
    assert.ok(isNewestFirst(ids(body)));
  });

  test("notifications can be filtered by type", async () => {
    const { body } = await getJson<ApiNotification[]>(
      demo,
      "/api/v1/notifications?types[]=follow&limit=80",
    );
    assert.ok(body.length > 0);
    assert.ok(body.every((n) => n.type === "follow" && n.status === undefined));
  });

  test("a newly published status is the newest on its timeline and in min_id paging", async () => {
    const { body: before } = await getJson<ApiStatus[]>(
      demo,
      "/api/v1/timelines/public?local=true&limit=1",
    );
    const created = demo.control.publish("local", { content: "<p>hello from the test</p>" });
    assert.ok(compareIds(created.id, before[0]!.id) > 0);
    const { body } = await getJson<ApiStatus[]>(
      demo,
      `/api/v1/timelines/public?local=true&min_id=${before[0]!.id}`,
    );
    assert.deepEqual(ids(body), [created.id]);
  });
});

describe("pageById", () => {
  const list = ["9", "10", "11", "99", "100", "101"].map((id) => ({ id }));

  test("orders ids by length first, so 100 is newer than 99", () => {
    const page = pageById(list, { limit: 2 });
    assert.deepEqual(ids(page.items), ["101", "100"]);
    assert.equal(page.hasOlder, true);
  });

  test("max_id and since_id together bound the page on both sides", () => {
    const page = pageById(list, { max_id: "101", since_id: "10", limit: 10 });
    assert.deepEqual(ids(page.items), ["100", "99", "11"]);
  });

  test("min_id wins over since_id and returns the items right after the cursor", () => {
    const page = pageById(list, { min_id: "9", since_id: "99", limit: 2 });
    assert.deepEqual(ids(page.items), ["11", "10"]);
  });
});
