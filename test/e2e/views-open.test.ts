// Views go where the user points, in a real terminal: Enter on a reply opens its thread with
// that reply selected and marked; every account, hashtag and toot a search found can be opened.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { CONNECTED, command, e2eInstance, openNewest } from "../helpers/e2e.js";
import type { TerminalSession } from "../helpers/terminal.js";

const e2e = e2eInstance({ generate: false, seedCount: 20 });

/** The gutter (the two cells before the text) of the screen line holding `text`. */
function gutterOf(screen: string, text: string): string {
  const line = screen.split("\n").find((l) => l.includes(text));
  assert.ok(line, `"${text}" on screen:\n${screen}`);
  // The view's frame: "│" then the gutter ("▌ ", "┃ " or two spaces) then the toot's lines.
  const frame = line.indexOf("│");
  return line.slice(frame + 1, frame + 3).trim();
}

describe("Enter on a reply", () => {
  test("opens the thread with that reply selected and marked: ancestors above, replies below", async () => {
    const root = e2e.demo.control.publish("home", {
      spoiler_text: "",
      account: "yuki",
      content: "<p>thr0root question</p>",
    });
    const middle = e2e.demo.control.publish("home", {
      spoiler_text: "",
      account: "farid",
      content: "<p>thr1middle answer</p>",
      in_reply_to_id: root.id,
    });
    e2e.demo.control.publish("home", {
      spoiler_text: "",
      account: "noa",
      content: "<p>thr2below nested</p>",
      in_reply_to_id: middle.id,
    });
    const tui = e2e.start({ cols: 100, rows: 40 });
    await openNewest(tui, "thr2below nested");
    // Newest first: the nested reply, then the middle one.
    tui.send("j");
    await tui.waitFor((s) => gutterOf(s, "thr1middle answer") === "▌", "the middle toot selected");
    tui.send("Enter");
    const thread = await tui.waitForText("Thread · 1 above · 1 reply");
    const rows = thread.split("\n");
    const row = (text: string) => rows.findIndex((l) => l.includes(text));
    assert.ok(row("thr0root question") < row("thr1middle answer"), "the ancestor above");
    assert.ok(row("thr1middle answer") < row("thr2below nested"), "the reply below");
    assert.equal(
      gutterOf(thread, "thr1middle answer"),
      "▌",
      `the opened toot selected:\n${thread}`,
    );
    assert.equal(gutterOf(thread, "thr0root question"), "", "the root not selected");
    // Moved away from, the opened toot keeps a mark of its own.
    tui.send("k");
    const moved = await tui.waitFor(
      (s) => gutterOf(s, "thr0root question") === "▌",
      "the root selected after k",
    );
    assert.equal(gutterOf(moved, "thr1middle answer"), "┃", `the opened toot marked:\n${moved}`);
    // Actions work on the selection: the reply's thread is where Enter was pressed.
    tui.send("j");
    await tui.waitFor((s) => gutterOf(s, "thr1middle answer") === "▌", "back on the opened toot");
    tui.send("Escape");
    await tui.waitFor((s) => !s.includes("Thread ·"), "back to the panes");
    tui.send("q");
    assert.equal(await tui.waitForExit(), 0);
  });
});

describe("search results", () => {
  test("every account, every hashtag and every toot found can be opened", async () => {
    // Five accounts whose names share "srchpal", two hashtags, two toots.
    e2e.demo.control.publish("home", {
      spoiler_text: "",
      account: "alice",
      content: "<p>srchtoot one #srchtaga</p>",
      tags: ["srchtaga"],
    });
    e2e.demo.control.publish("home", {
      spoiler_text: "",
      account: "wei",
      content: "<p>srchtoot two #srchtagb</p>",
      tags: ["srchtagb"],
    });
    const tui = e2e.start({ cols: 100, rows: 40 });
    await tui.waitForText("Home ·", 15_000);
    await command(tui, "search srch");
    const results = await tui.waitForText("Search: srch");
    await tui.waitForText("Toots (2):");
    assert.match(results, /Hashtags \(2\):/);
    // Every hashtag: move onto it and Enter.
    for (const tag of ["srchtaga", "srchtagb"]) {
      await selectRow(tui, `#${tag}`);
      tui.send("Enter");
      await tui.waitForText(`#${tag} · ${CONNECTED}`);
      tui.send("Escape");
      await tui.waitFor((s) => !s.includes(`#${tag} · ${CONNECTED}`), `#${tag} closed`);
    }
    // Every toot: Enter opens its thread.
    for (const text of ["srchtoot one", "srchtoot two"]) {
      await selectRow(tui, text);
      tui.send("Enter");
      await tui.waitForText("Thread ·");
      tui.send("Escape");
      await tui.waitFor((s) => !s.includes("Thread ·"), "thread closed");
    }
    tui.send("Escape");
    await tui.waitFor((s) => !s.includes("Search: srch"), "search closed");

    // Accounts: a search that finds several; each one opens its profile.
    await command(tui, "search f");
    await tui.waitForText("Search: f");
    const found = await tui.waitForText("Hashtags (");
    const accts = [...found.matchAll(/│[ ▌]\s+@([\w.@-]+) — /g)].map((m) => m[1]!);
    assert.ok(accts.length >= 2, `several accounts found:\n${found}`);
    for (const acct of accts) {
      await selectRow(tui, `@${acct} — `);
      tui.send("Enter");
      await tui.waitFor((s) => s.includes(`Profile @${acct}`), `the profile of @${acct}`);
      tui.send("Escape");
      await tui.waitFor((s) => !s.includes("Profile @"), "profile closed");
    }
    tui.send("Escape");
    await tui.waitFor((s) => !s.includes("Search: f"), "search closed");
    tui.send("q");
    assert.equal(await tui.waitForExit(), 0);
  });
});

/** The gutter of one screen row ("▌" where the row belongs to the selected item). */
function rowGutter(line: string): string {
  const frame = line.indexOf("│");
  return frame < 0 ? "" : line.slice(frame + 1, frame + 3).trim();
}

/** Where the selection is: the first selected row's index and the selected rows' text. */
function selection(screen: string): string {
  const rows = screen.split("\n");
  const first = rows.findIndex((l) => rowGutter(l) === "▌");
  return `${first}:${rows.filter((l) => rowGutter(l) === "▌").join("\n")}`;
}

/**
 * Moves the selection (j, or k where the row is above it) until the row holding `text` is
 * marked selected. One key at a time, each waited for until the selection has moved: keys
 * sent ahead of the screen overshoot the row when the machine is slow.
 */
async function selectRow(tui: TerminalSession, text: string): Promise<void> {
  for (let i = 0; i < 40; i++) {
    const screen = tui.capture();
    const rows = screen.split("\n");
    const target = rows.findIndex((l) => l.includes(text));
    if (target >= 0 && rowGutter(rows[target]!) === "▌") return;
    const selected = rows.findIndex((l) => rowGutter(l) === "▌");
    const before = selection(screen);
    tui.send(target >= 0 && selected > target ? "k" : "j");
    await tui.waitFor((s) => selection(s) !== before, `the selection moving towards ${text}`);
  }
  throw new Error(`could not select ${text}:\n${tui.capture()}`);
}

describe("block and unfollow", () => {
  test("ask first; a block takes the account's toots, boosts and notifications off every pane at once", async () => {
    const control = e2e.demo.control;
    const mine = control.publish("home", {
      account: "demo",
      spoiler_text: "",
      content: "<p>blkmine toot</p>",
    });
    control.publish("home", { account: "wei", spoiler_text: "", content: "<p>blkwei home</p>" });
    control.publish("local", { account: "wei", spoiler_text: "", content: "<p>blkwei local</p>" });
    control.notify("favourite", { account: "wei", status_id: mine.id });
    control.publish("home", {
      account: "alice",
      spoiler_text: "",
      content: "<p>blkother stays</p>",
    });
    const weiId = control.publish("home", { account: "wei", spoiler_text: "" }).account.id;
    const tui = e2e.start({ cols: 100, rows: 40 });
    await openNewest(tui, "blkwei home");
    tui.send("4");
    await tui.waitFor(
      (s) => s.includes("Notifications ·") && s.includes("王伟"),
      "wei's notifications",
    );
    tui.send("1");
    await tui.waitForText("blkwei home");

    const posts = (verb: string, id: string) =>
      control
        .requestLog()
        .filter((e) => e.method === "POST" && e.path === `/api/v1/accounts/${id}/${verb}`);
    await command(tui, "profile wei@bamboo.example");
    await tui.waitForText("Relationship: you follow them");
    tui.type("X");
    await tui.waitForText("Block @wei@bamboo.example? (y/n)");
    tui.send("n");
    await tui.waitForText("Not blocked: @wei@bamboo.example");
    assert.equal(posts("block", weiId).length, 0, "n sent nothing");
    tui.type("X");
    await tui.waitForText("Block @wei@bamboo.example? (y/n)");
    tui.send("y");
    await tui.waitForText("Blocked @wei@bamboo.example");
    await e2e.requested("POST", `/api/v1/accounts/${weiId}/block`, 200);
    tui.send("Escape");
    // At once: no refresh, no new page, the panes already hold nothing of theirs.
    const home = await tui.waitFor((s) => s.includes("Home ·") && !s.includes("Profile @"), "home");
    assert.ok(home.includes("blkother stays"), `others' toots stay:\n${home}`);
    assert.ok(!home.includes("blkwei") && !home.includes("王伟"), `wei gone from Home:\n${home}`);
    tui.send("2");
    const local = await tui.waitForText("Local ·");
    assert.ok(!local.includes("blkwei local"), `wei gone from Local:\n${local}`);
    tui.send("4");
    const notes = await tui.waitForText("Notifications ·");
    assert.ok(!notes.includes("王伟"), `wei's notifications gone:\n${notes}`);
    tui.send("1");
    await tui.waitForText("blkother stays");

    // F on a followed account asks before unfollowing.
    const noaId = control.publish("home", { account: "noa", spoiler_text: "" }).account.id;
    await command(tui, "profile noa@galil.example");
    await tui.waitForText("Relationship: you follow them");
    tui.type("F");
    await tui.waitForText("Unfollow @noa@galil.example? (y/n)");
    tui.send("n");
    await tui.waitForText("Still following @noa@galil.example");
    assert.equal(posts("unfollow", noaId).length, 0, "n sent nothing");
    tui.type("F");
    await tui.waitForText("Unfollow @noa@galil.example? (y/n)");
    tui.send("y");
    await tui.waitForText("Unfollowed @noa@galil.example");
    await e2e.requested("POST", `/api/v1/accounts/${noaId}/unfollow`, 200);
    tui.send("Escape");
    await tui.waitFor((s) => !s.includes("Profile @"), "profile closed");
    tui.send("q");
    assert.equal(await tui.waitForExit(), 0);
  });
});

describe("a toot action that asks, inside a view", () => {
  test("d in a thread asks (confirm.delete) and y deletes: the answer is not stuck behind the question", async () => {
    const mine = e2e.demo.control.publish("home", {
      account: "demo",
      spoiler_text: "",
      content: "<p>delview own toot</p>",
    });
    const tui = e2e.start({ cols: 100, rows: 40 });
    await openNewest(tui, "delview own toot");
    tui.send("Enter");
    await tui.waitForText("Thread ·");
    tui.send("d");
    await tui.waitForText("Delete this toot? (y/n)");
    tui.send("y");
    await e2e.requested("DELETE", `/api/v1/statuses/${mine.id}`, 200);
    await tui.waitFor((s) => !s.includes("delview own toot"), "the toot gone from the thread");
    tui.send("Escape");
    await tui.waitFor((s) => !s.includes("Thread ·"), "back to the panes");
    tui.send("q");
    assert.equal(await tui.waitForExit(), 0);
  });
});
