// A profile, the bookmarks and the favourites are feeds like a pane's, in a real terminal: they
// page to the end and then stop asking, follow edits and deletes, and say in the title that no
// stream carries them. A profile shows its pinned toots on top, marked. Bookmarks page by the
// cursors of the Link header (their max_id are not status ids).
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import {
  CONNECTED,
  command,
  e2eInstance,
  NEEDS_STREAM,
  pressUntil,
  until,
} from "../helpers/e2e.js";

const e2e = e2eInstance({ generate: false, seedCount: 2 });

const requestsTo = (path: string, from: number, query: RegExp) =>
  e2e.demo.control
    .requestLog()
    .slice(from)
    .filter((e) => e.method === "GET" && e.path === path && query.test(e.query));

async function api(method: string, path: string): Promise<void> {
  const res = await fetch(`${e2e.demo.url}${path}`, {
    method,
    headers: { Authorization: `Bearer ${e2e.demo.token}` },
  });
  assert.equal(res.status, 200, `${method} ${path}`);
}

describe("a profile", () => {
  test("pages to its oldest toot and stops, follows edits and deletes, shows its pinned toot on top", async () => {
    const mine = [];
    for (let i = 0; i < 90; i++) {
      mine.push(
        e2e.demo.control.publish("home", {
          account: "demo",
          spoiler_text: "",
          content: `<p>pf${String(i).padStart(3, "0")} own toot</p>`,
        }),
      );
    }
    await api("POST", `/api/v1/statuses/${mine[5]!.id}/pin`);
    const path = `/api/v1/accounts/${mine[0]!.account.id}/statuses`;
    const tui = e2e.start({ cols: 100, rows: 40 });
    await tui.waitForText(`Home · ${CONNECTED}`, 15_000);
    const base = e2e.logLength();
    await command(tui, "profile demo");
    // Honest: no stream carries a profile.
    const first = await tui.waitFor(
      (s) => s.includes("Profile @demo · not live · R refreshes") && s.includes("pf089"),
      "the profile with its newest toot",
    );
    // The pinned toot comes first, above the newest, and says it is pinned.
    const rows = first.split("\n");
    const pinnedRow = rows.findIndex((l) => l.includes("pf005 own toot"));
    assert.ok(pinnedRow >= 0 && pinnedRow < rows.findIndex((l) => l.includes("pf089")), first);
    assert.match(rows.slice(pinnedRow - 2, pinnedRow + 3).join("\n"), /pinned/);
    assert.ok(
      requestsTo(path, base, /pinned=true/).length === 1,
      "the pinned toots were asked for",
    );

    // Edits and deletes reach the profile, as the stream tells them (status.update, delete):
    // where there is none, nothing tells a client that a toot it holds has changed.
    if (!NEEDS_STREAM) {
      e2e.demo.control.editStatus(mine[89]!.id, "<p>pf089 edited in place</p>");
      await tui.waitForText("pf089 edited in place");
      e2e.demo.control.deleteStatus(mine[88]!.id);
      await tui.waitFor((s) => !s.includes("pf088"), "the deleted toot gone");
    }

    // 90 toots and the seeded ones, a first page of 20 then 40 a page: G until the oldest of
    // ours is on screen.
    await pressUntil(tui, "G", () => tui.capture().includes("pf000 own toot"), "the oldest toot");
    // Then to the end the server reports (an empty page), and no further asking.
    await pressUntil(
      tui,
      "G",
      () => requestsTo(path, base, /max_id=/).length >= 3,
      "the request past the oldest toot",
    );
    const asked = requestsTo(path, base, /max_id=/).length;
    const from = e2e.logLength();
    for (let i = 0; i < 5; i++) tui.send("G", "j");
    // R goes through the same queue as paging would: once it is answered, the keys above
    // have been handled.
    tui.send("R");
    await until("the refresh", () => requestsTo(path, from, /min_id=/).length > 0, 10_000, tui);
    assert.equal(requestsTo(path, from, /max_id=/).length, 0, "nothing older asked for");
    assert.ok(asked <= 4, `one request per page (${asked})`);
    tui.send("Escape");
    await tui.waitFor((s) => !s.includes("Profile @demo"), "the profile closed");
    tui.send("q");
    assert.equal(await tui.waitForExit(), 0);
  });
});

describe("bookmarks", () => {
  test("page by the Link header's cursors, in the order they were saved, to the end", async () => {
    const toots = [];
    for (let i = 0; i < 90; i++) {
      toots.push(
        e2e.demo.control.publish("local", {
          account: "alice",
          spoiler_text: "",
          content: `<p>bk${String(i).padStart(3, "0")} saved toot</p>`,
        }),
      );
    }
    // Saved in an order of their own: the first saved (bk011) is the oldest bookmark, the
    // last saved (bk064) the newest, whatever the toots' own times.
    const order = toots.map((_, i) => (i * 37 + 11) % 90);
    for (const n of order) await api("POST", `/api/v1/statuses/${toots[n]!.id}/bookmark`);
    const ids = new Set(toots.map((t) => t.id));
    const tui = e2e.start({ cols: 100, rows: 40 });
    await tui.waitForText(`Home · ${CONNECTED}`, 15_000);
    const base = e2e.logLength();
    await command(tui, "bookmarks");
    const top = await tui.waitFor(
      (s) => s.includes("Bookmarks · not live · R refreshes") && s.includes("bk"),
      "the bookmarks",
    );
    const firstShown = /bk(\d{3}) saved toot/.exec(top)?.[1];
    assert.equal(firstShown, "064", `the newest saved on top:\n${top}`);
    await pressUntil(tui, "G", () => tui.capture().includes("bk011 saved toot"), "the first saved");
    const older = requestsTo("/api/v1/bookmarks", base, /max_id=/);
    assert.equal(older.length, 2, "90 bookmarks are three pages: two older ones asked for");
    for (const e of older) {
      const cursor = new URLSearchParams(e.query).get("max_id") ?? "";
      assert.ok(!ids.has(cursor), `max_id ${cursor} is the Link header's, not a status id`);
    }
    // The last page had no `next` link: the end, nothing more is asked.
    for (let i = 0; i < 5; i++) tui.send("G", "j");
    tui.send("R");
    await until(
      "the refresh",
      () => requestsTo("/api/v1/bookmarks", base, /^(?!.*max_id)/).length >= 2,
      10_000,
      tui,
    );
    assert.equal(requestsTo("/api/v1/bookmarks", base, /max_id=/).length, 2, "no more pages");
    tui.send("Escape");
    await tui.waitFor((s) => !s.includes("Bookmarks ·"), "the bookmarks closed");
    tui.send("q");
    assert.equal(await tui.waitForExit(), 0);
  });
});
