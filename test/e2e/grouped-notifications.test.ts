// Notifications grouped as Mastodon 4.3 groups them, in a real terminal: three favourites of
// one post from three people are one row, a live favourite joins it, s opens it to the people.
import assert from "node:assert/strict";
import { test } from "node:test";
import { e2eInstance } from "../helpers/e2e.js";

const e2e = e2eInstance({ generate: false, seedCount: 20 });

test("three favourites of one post from three people show as one row; a fourth joins it live", async () => {
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

  // A live favourite from a fourth person joins the group instead of adding a row.
  e2e.demo.control.notify("favourite", { account: "wei", status_id: mine.id });
  const after = await tui.waitForText("and 2 others favourited your post: groupedpost my words");
  assert.equal(after.split("\n").filter((l) => l.includes("groupedpost my words")).length, 1);

  // s opens the row to everyone in it.
  tui.type("s");
  const opened = await tui.waitForText("@alice@demo.tootty.example");
  for (const acct of [
    "@lou@demo.tootty.example",
    "@mina@demo.tootty.example",
    "@wei@bamboo.example",
  ])
    assert.ok(opened.includes(acct), `${acct} listed:\n${opened}`);
  tui.send("q");
  assert.equal(await tui.waitForExit(), 0);
});
