// Reaching the bottom of a pane shows the older page at once, page after page, and once the
// server has nothing older no more requests go out.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { FIRST_PAGE_LIMIT } from "../../src/timeline/first-pages.js";
import {
  ARRIVAL_MS,
  CONNECTED,
  command,
  e2eInstance,
  NEEDS_STREAM,
  pressUntil,
  until,
} from "../helpers/e2e.js";

const e2e = e2eInstance({ generate: false, seedCount: 2 });
/** Statuses in each page after the first, which has FIRST_PAGE_LIMIT. */
const PAGE = 40;

interface Timeline {
  key: string;
  title: string;
  path: string;
  query: string;
  /** Whether a logged request is one of this timeline's. */
  mine(q: string): boolean;
}

const TIMELINES: Timeline[] = [
  { key: "1", title: "Home", path: "/api/v1/timelines/home", query: "", mine: () => true },
  {
    key: "2",
    title: "Local",
    path: "/api/v1/timelines/public",
    query: "local=true&",
    mine: (q) => /local=true/.test(q),
  },
  {
    key: "3",
    title: "Federated",
    path: "/api/v1/timelines/public",
    query: "",
    mine: (q) => !/local=true/.test(q),
  },
];

/** The whole timeline as the server pages it (newest first), read over HTTP like a client. */
async function wholeTimeline(t: Timeline): Promise<Array<{ id: string; content: string }>> {
  const out: Array<{ id: string; content: string }> = [];
  let maxId = "";
  for (;;) {
    const url = `${e2e.demo.url}${t.path}?${t.query}limit=${PAGE}${maxId ? `&max_id=${maxId}` : ""}`;
    const res = await fetch(url, { headers: { Authorization: `Bearer ${e2e.demo.token}` } });
    const page = (await res.json()) as Array<{ id: string; content: string }>;
    if (page.length === 0) return out;
    out.push(...page);
    maxId = page.at(-1)!.id;
  }
}

const markerOf = (content: string) => /\b(?:pg|hm)\d{3}\b/.exec(content)?.[0];

function olderRequests(t: Timeline, from = 0) {
  return e2e.demo.control
    .requestLog()
    .slice(from)
    .filter((e) => e.path === t.path && t.mine(e.query) && /max_id=/.test(e.query));
}

describe("paging to older toots", () => {
  test("G at the bottom of Home, Local and Federated shows every older page, then stops asking", async () => {
    for (let i = 0; i < 110; i++) {
      const n = String(i).padStart(3, "0");
      e2e.demo.control.publish("local", { spoiler_text: "", content: `<p>pg${n}</p>` });
      e2e.demo.control.publish("home", { spoiler_text: "", content: `<p>hm${n}</p>` });
    }
    const timelines = [];
    for (const t of TIMELINES) timelines.push({ t, all: await wholeTimeline(t) });
    const base = e2e.logLength();
    const tui = e2e.start({ cols: 100, rows: 40 });
    await tui.waitForText(`Home · ${CONNECTED}`, 15_000);
    for (const { t, all } of timelines) {
      assert.ok(all.length > 2 * PAGE, `${t.title} has more than two pages (${all.length})`);
      tui.send(t.key);
      await tui.waitFor((s) => s.includes(`${t.title} · ${CONNECTED}`), `the ${t.title} tab`);
      // G lands on the oldest toot held: for each older page whose oldest toot is one of ours,
      // that toot must come into view (the seeded history below ours is not recognisable).
      // The older pages, as tootty asks for them: after the first page, PAGE at a time.
      const older: Array<typeof all> = [];
      for (let at = FIRST_PAGE_LIMIT; at < all.length; at += PAGE)
        older.push(all.slice(at, at + PAGE));
      let seen = 0;
      for (const [p, page] of older.entries()) {
        const marker = markerOf(page.at(-1)?.content ?? "");
        if (!marker) continue;
        await pressUntil(tui, "G", marker, `${t.title} page ${p + 2}`);
        seen++;
      }
      assert.ok(seen >= 2, `${t.title}: at least two older pages seen on screen (${seen})`);
      // The last page may hold no marked toot: go on to the bottom until the server answers
      // the request past the oldest toot (empty), which is one request per older page and one.
      const pages = older.length + 1;
      await pressUntil(tui, "G", () => olderRequests(t, base).length >= pages, `${t.title}'s end`);
      const from = e2e.logLength();
      for (let i = 0; i < 4; i++) tui.send("G", "j");
      // R asks for newer toots through the same queue as paging: any page asked for by the
      // keys above would reach the server before it.
      tui.send("R");
      await until(
        `${t.title}'s refresh`,
        () =>
          e2e.demo.control
            .requestLog()
            .slice(from)
            .some((e) => e.path === t.path && t.mine(e.query) && /min_id=/.test(e.query)),
        10_000,
        tui,
      );
      assert.equal(olderRequests(t, from).length, 0, `${t.title} asked for nothing older`);
      assert.equal(olderRequests(t, base).length, pages, `${t.title}: one request per page`);
    }
    tui.send("q");
    assert.equal(await tui.waitForExit(), 0);
  });
});

describe("the hashtag view is the live feed a pane is", () => {
  test("it pages at the bottom, follows edits, and its title says the connection's state", async () => {
    const tagged = [];
    for (let i = 0; i < 90; i++) {
      tagged.push(
        e2e.demo.control.publish("local", {
          spoiler_text: "",
          content: `<p>fv${String(i).padStart(3, "0")}</p>`,
          tags: ["pagetag"],
        }),
      );
    }
    const tui = e2e.start({ cols: 100, rows: 40 });
    await tui.waitForText(`Home · ${CONNECTED}`, 15_000);
    await command(tui, "tag pagetag");
    await tui.waitForText(`#pagetag · ${CONNECTED}`);
    await tui.waitForText("fv089");
    // 90 toots, a first page of 20 (FIRST_PAGE_LIMIT), then 40 a page: the oldest of the
    // second page, then of the third.
    assert.equal(FIRST_PAGE_LIMIT, 20);
    await pressUntil(tui, "G", "fv030", "the second page");
    await pressUntil(tui, "G", "fv000", "the third page");

    tui.send("g");
    await tui.waitForText("fv089");
    // From the stream, or without one by the next poll's newest page.
    e2e.demo.control.editStatus(tagged.at(-1)!.id, "<p>fv089 edited in place</p>");
    await tui.waitForText("fv089 edited in place", ARRIVAL_MS + 5_000);

    if (!NEEDS_STREAM) {
      e2e.demo.control.refuseUpgrades(60_000);
      e2e.demo.control.dropSockets();
      await tui.waitFor((s) => /#pagetag · reconnecting/.test(s), "the title says reconnecting");
      e2e.demo.control.clearFaults();
    }
    tui.send("Escape");
    await tui.waitFor((s) => !s.includes("#pagetag"), "the view closed");
    tui.send("q");
    assert.equal(await tui.waitForExit(), 0);
  });
});
