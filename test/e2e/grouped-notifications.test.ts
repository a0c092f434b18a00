// Notifications grouped as Mastodon 4.3 groups them, in a real terminal: three favourites of
// one post from three people are one row, a live favourite joins it, s opens it to the people,
// d dismisses it. On Mastodon (api_versions.mastodon 2) the server groups them
// (/api/v2/notifications); on a server without grouped notifications (GoToSocial here) the
// client groups the v1 list by the same rule, and the rows read the same.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { DemoFlavourName } from "../../src/demo/index.js";
import { e2eInstance } from "../helpers/e2e.js";

function groupedRows(flavour: DemoFlavourName) {
  const e2e = e2eInstance({ generate: false, seedCount: 20, flavour });
  const v2 = flavour === "mastodon";
  test(`three favourites of one post from three people show as one row; a fourth joins it live (${v2 ? "v2, the server's groups" : "v1, the client's"})`, async () => {
    const mine = e2e.demo.control.publish("local", {
      account: "demo",
      spoiler_text: "",
      content: "<p>groupedpost my words</p>",
    });
    for (const who of ["alice", "lou", "mina"])
      e2e.demo.control.notify("favourite", { account: who, status_id: mine.id });
    const tui = e2e.start({ cols: 100, rows: 34 });
    await tui.waitForText("Home ·", 15_000);
    tui.send("n");
    await tui.waitForText("Notifications ·");
    tui.send("g");
    // Newest first: Mina, Lou and 1 other.
    const screen = await tui.waitForText("and 1 other favourited your post: groupedpost my words");
    const rows = screen.split("\n").filter((l) => l.includes("groupedpost my words"));
    assert.equal(rows.length, 1, `one row for the three:\n${screen}`);
    assert.match(rows[0]!, /ミナ.*, Lou.* and 1 other favourited your post/);
    const log = () => e2e.demo.control.requestLog().map((r) => `${r.method} ${r.path}`);
    assert.equal(
      log().includes("GET /api/v2/notifications"),
      v2,
      "v2 exactly where the server has it",
    );
    // The server's unread count (no notifications marker saved yet: every group).
    if (v2)
      await tui.waitFor(
        (s) => new RegExp(`Notifications · ${e2e.connected} · \\d+ unread`).test(s),
        "the unread count",
      );

    // A live favourite from a fourth person joins the group instead of adding a row.
    e2e.demo.control.notify("favourite", { account: "wei", status_id: mine.id });
    const after = await tui.waitForText("and 2 others favourited your post: groupedpost my words");
    assert.equal(after.split("\n").filter((l) => l.includes("groupedpost my words")).length, 1);

    // s opens the row to everyone in it (the server's list of the group's accounts on v2).
    tui.type("s");
    const opened = await tui.waitForText("@alice@demo.tootty.example");
    for (const acct of [
      "@lou@demo.tootty.example",
      "@mina@demo.tootty.example",
      "@wei@bamboo.example",
    ])
      assert.ok(opened.includes(acct), `${acct} listed:\n${opened}`);
    // The names may already be on screen from the row itself: wait for the request.
    if (v2)
      await tui.waitFor(
        () => log().some((l) => /^GET \/api\/v2\/notifications\/favourite-.*\/accounts$/.test(l)),
        "the group's accounts asked of the server",
      );

    // d dismisses the group on the server: the row goes, and stays gone on a fresh page.
    tui.type("d");
    await tui.waitFor((s) => !s.includes("groupedpost my words"), "the dismissed row gone");
    const res = await fetch(`${e2e.demo.url}/api/v1/notifications?limit=80`, {
      headers: { Authorization: `Bearer ${e2e.demo.token}` },
    });
    const left = (await res.json()) as Array<{ status?: { id: string } | null }>;
    assert.ok(!left.some((n) => n.status?.id === mine.id), "dismissed on the server");
    tui.send("q");
    assert.equal(await tui.waitForExit(), 0);
  });
}

describe("on Mastodon 4.3 (grouped by the server)", () => groupedRows("mastodon"));
describe("on a server without grouped notifications (grouped by the client)", () =>
  groupedRows("gotosocial"));
