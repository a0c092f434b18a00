// The views and panels of commands, read in the Arabic interface in tmux (no bidi: tootty
// draws visual order): search, :list, :policy, :requests, :account and a confirmation. Their
// titles and rows run right to left against the right edge, what the server or the user wrote
// (a handle, a list's title, an account) keeps its own order, columns stay columns, and a
// command named in a message reads as typed.
import assert from "node:assert/strict";
import { test } from "node:test";
import { AccountStore } from "../../src/config/accounts.js";
// Writing stored accounts goes through conf, as `tootty login` does.
import "../../src/config/conf-writer.js";
import { ar } from "../../src/i18n/ar.js";
import { rtl, seen } from "../helpers/arabic.js";
import {
  BIN,
  CONNECTED,
  command,
  e2eInstance,
  needsEndpoint,
  newConfigDir,
} from "../helpers/e2e.js";
import { startTerminal } from "../helpers/terminal.js";
import type { TerminalSession } from "../helpers/terminal-session.js";

const e2e = e2eInstance({ generate: false, seedCount: 3 });
const ARABIC = { LANG: "ar_EG.UTF-8", LC_ALL: "" };

/** Each row of the screen between its outermost borders, presentation forms read back. */
function rows(screen: string): string[] {
  return seen(screen)
    .split("\n")
    .map((l) => (l.includes("│") ? l.slice(l.indexOf("│") + 1, l.lastIndexOf("│")) : l));
}
const rowWith = (screen: string, text: string) => rows(screen).find((l) => l.includes(text));

async function arabic(config?: unknown): Promise<TerminalSession> {
  const tui = e2e.start({ cols: 100, rows: 30, env: ARABIC, emulator: "tmux", config });
  // "live", or "polling" on a server without streaming (its words cut to fit the status line).
  const state = CONNECTED === "live" ? ar["state.live"] : ar["state.polling"];
  await tui.waitFor((s) => seen(s).includes(rtl(state)), "the Arabic interface, live", 20_000);
  return tui;
}

async function closed(tui: TerminalSession, text: string): Promise<void> {
  tui.send("\x1b");
  await tui.waitFor((s) => !seen(s).includes(text), `${text} closed`);
}

// The notification policy and requests are Mastodon 4.3's (GoToSocial, Pleroma have neither).
test("in Arabic, search, :list, :policy and :requests read right to left", {
  skip: needsEndpoint("PATCH", "/api/v2/notifications/policy", "notification policy"),
}, async () => {
  // A request from Lou waits in the inbox: new accounts' notifications are filtered.
  const res = await fetch(`${e2e.demo.url}/api/v2/notifications/policy`, {
    method: "PATCH",
    headers: { Authorization: `Bearer ${e2e.demo.token}`, "Content-Type": "application/json" },
    body: JSON.stringify({ for_not_following: "filter" }),
  });
  assert.equal(res.status, 200);
  const status = e2e.demo.control.publish("home", {
    account: "lou",
    visibility: "direct",
    content: "<p>@demo a filtered word</p>",
    mentions: ["demo"],
  });
  e2e.demo.control.notify("mention", { account: "lou", status_id: status.id });
  const tui = await arabic();

  // Search: the title on the right, the query in its order; a found account's handle on the
  // right of its name, the section titles against the right edge.
  await command(tui, "search alice");
  const accounts = rtl("الحسابات");
  const search = await tui.waitFor((s) => seen(s).includes(accounts), "the search view");
  const top = seen(search).split("\n")[0]!;
  assert.match(top, new RegExp(`alice :${rtl("بحث")} ─┐$`), `the title on the right:\n${search}`);
  assert.match(rowWith(search, accounts)!, new RegExp(`^ {20,}:\\([٠-٩]+\\) ${accounts}$`));
  assert.match(
    rowWith(search, "@alice")!,
    / {20,}Alice :blobcat: — @alice$/,
    `the account row:\n${search}`,
  );
  await closed(tui, accounts);

  // :list: the key on the right, the title, the id as typed on the left.
  await command(tui, "list");
  const lists = await tui.waitFor((s) => seen(s).includes("(list:"), "the lists");
  assert.match(rowWith(lists, "(list:")!, / {20,}\(list:\w+\) {2}\S.* {2}1 $/, lists);
  assert.ok(
    rows(lists).some((r) => r.endsWith(`:pane add list:ID :${rtl("افتح إحداها في لوحة")} `)),
    `the command as typed:\n${lists}`,
  );
  await closed(tui, "(list:");

  // :policy: the selected row's mark on the right pointing left, every value in one column.
  await command(tui, "policy");
  const first = rtl("من لا تتابعهم");
  const policy = await tui.waitFor((s) => seen(s).includes(first), "the policy");
  const rowsOfPolicy = rows(policy).slice(1, 6);
  assert.equal(rowsOfPolicy.length, 5, policy);
  assert.ok(rowWith(policy, first)!.endsWith(`${first} ◀ `), `the mark on the right:\n${policy}`);
  // The values' right edges: one column (the rows are right-aligned, the labels beside them).
  const valueEnds = rowsOfPolicy.map((r) => {
    const start = r.length - r.trimStart().length;
    return start + r.trimStart().search(/ {2}/);
  });
  assert.equal(new Set(valueEnds).size, 1, `the values in one column:\n${policy}`);
  await closed(tui, first);

  // :requests: Lou's request, the handle on its name's left, the count further left.
  await command(tui, "requests");
  const inbox = await tui.waitFor((s) => seen(s).includes("@lou@"), "Lou's request");
  assert.match(
    rowWith(inbox, "@lou@")!,
    / · @lou@demo\.tootty\.example Lou\b.* ◀ $/,
    `the request read right to left:\n${inbox}`,
  );
  assert.match(seen(inbox).split("\n")[0]!, new RegExp(`${rtl("طلبات الإشعارات")} ─┐$`));
  await closed(tui, "@lou@");

  // A command in a message reads as typed (an LRM first in the line was dropped).
  await command(tui, "tag");
  const needs = await tui.waitFor((s) => seen(s).includes(rtl("يحتاج إلى")), "the error");
  assert.ok(
    seen(needs)
      .trimEnd()
      .endsWith(`${rtl("وسم")} ${rtl("يحتاج إلى")} :tag`),
    needs,
  );
  tui.send("q");
  assert.equal(await tui.waitForExit(), 0);
});

test("in Arabic a confirmation's question stands on the right of its box", async () => {
  const tui = await arabic({ confirm: { quit: true } });
  tui.send("q");
  const question = rtl("الخروج من");
  const asked = await tui.waitFor((s) => seen(s).includes(question), "the question");
  // The box is small and centred: its row is the part between its own borders.
  const inBox = seen(asked)
    .split(/[\n│]/)
    .find((segment) => segment.includes(question));
  assert.match(inBox ?? "", new RegExp(`^ {3,}\\(y/n\\) ؟tootty ${question} $`), asked);
  tui.send("y");
  assert.equal(await tui.waitForExit(), 0);
});

test("in Arabic :account lists the stored accounts from the right, each in its order", async () => {
  const config = newConfigDir();
  const store = new AccountStore(config, { env: {} });
  store.add({ acct: "me@first.example", instance_url: e2e.demo.url, access_token: e2e.demo.token });
  store.add({
    acct: "me@second.example",
    instance_url: e2e.demo.url,
    access_token: e2e.demo.token,
  });
  const tui = startTerminal(
    {
      command: [process.execPath, BIN],
      cols: 100,
      rows: 30,
      env: { TOOTTY_CONFIG_DIR: config, ...ARABIC },
    },
    "tmux",
  );
  try {
    await tui.waitFor((s) => seen(s).includes(rtl("مباشر")), "the Arabic interface", 20_000);
    await command(tui, "account");
    const picker = await tui.waitFor((s) => seen(s).includes("me@second.example"), "the picker");
    assert.match(
      rowWith(picker, "me@first.example")!,
      new RegExp(` {20,}\\(${rtl("الحالي")}\\) {2}me@first\\.example {2}1 $`),
      `the current account, read from the right:\n${picker}`,
    );
    assert.match(rowWith(picker, "me@second.example")!, / {20,}me@second\.example {2}2 $/);
    tui.send("\x1b");
    await tui.waitFor((s) => !seen(s).includes("me@second.example"), "the picker closed");
    tui.send("q");
    assert.equal(await tui.waitForExit(), 0);
  } finally {
    tui.kill();
  }
});
