// Where a toot leads: o with a terminal browser on a machine without a display, and O's
// mentions and hashtags, which open the profile and the hashtag timeline in tootty itself.
import assert from "node:assert/strict";
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { DEMO_DOMAIN } from "../../src/demo/accounts.js";
import { hashtagHtml, mentionHtml } from "../../src/demo/html.js";
import { e2eInstance, openNewest, until } from "../helpers/e2e.js";

const e2e = e2eInstance({ generate: false, seedCount: 20 });

test("o with $BROWSER and no display runs the browser in this terminal, then comes back", async () => {
  const dir = mkdtempSync(join(tmpdir(), "tootty-w3m-"));
  const opened = join(dir, "argv.txt");
  const browser = join(dir, "w3m.sh");
  // A terminal browser: it draws on the terminal it was given, and the user quits it.
  writeFileSync(
    browser,
    `#!/bin/sh\nprintf '%s\\n' "$@" > '${opened}'\necho "W3M SHOWS $1"\nread key\n`,
  );
  chmodSync(browser, 0o755);
  const toot = e2e.demo.control.publish("home", {
    spoiler_text: "",
    account: "alice",
    content: "<p>openterminal read this</p>",
  });
  const tui = e2e.start({ env: { BROWSER: browser, DISPLAY: "", WAYLAND_DISPLAY: "" } });
  await openNewest(tui, "openterminal read this");
  tui.type("o");
  await tui.waitForText(`W3M SHOWS ${toot.url}`);
  assert.equal(readFileSync(opened, "utf8"), `${toot.url}\n`);
  tui.send("Enter");
  // tootty's screen is back, whole.
  await tui.waitFor(
    (s) => s.includes("Home ·") && s.includes("openterminal read this"),
    "the panes again",
  );
  tui.send("q");
  assert.equal(await tui.waitForExit(), 0);
});

test("O lists the toot's mentions and hashtags; a mention opens the profile, a hashtag its timeline", async () => {
  const wei = e2e.demo.control.publish("local", { account: "wei", content: "<p>hi</p>" }).account;
  const toot = e2e.demo.control.publish("home", {
    spoiler_text: "",
    account: "alice",
    content: `<p>openinside ask ${mentionHtml(wei)} about ${hashtagHtml("TerminalLife", DEMO_DOMAIN)}</p>`,
    mentions: ["wei"],
    tags: ["TerminalLife"],
  });
  assert.equal(toot.mentions[0]?.acct, wei.acct);
  const tui = e2e.start();
  await openNewest(tui, "openinside ask");
  tui.type("O");
  const list = await tui.waitForText("Links, media, people and tags");
  const number = (label: string) =>
    list
      .split("\n")
      .find((l) => l.includes(label))
      ?.match(/(\d)\. /)?.[1];
  assert.ok(number(`@${wei.acct}`), `the mention is listed:\n${list}`);
  const from = e2e.logLength();
  tui.type(number(`@${wei.acct}`)!);
  await e2e.requested("GET", `/api/v1/accounts/${wei.id}`, 200, from);
  await tui.waitForText("Relationship:");
  tui.send("Escape");
  await tui.waitForText("openinside ask");
  tui.type("O");
  await tui.waitForText("Links, media, people and tags");
  const again = e2e.logLength();
  tui.type(number("#terminallife")!);
  await until(
    "the hashtag's timeline to be asked for",
    () =>
      e2e.demo.control
        .requestLog()
        .slice(again)
        .some((e) => /^\/api\/v1\/timelines\/tag\/terminallife$/i.test(e.path)),
    8000,
    tui,
  );
  await tui.waitForText("#terminallife");
  tui.send("Escape");
  await tui.waitForText("Home ·");
  tui.send("q");
  assert.equal(await tui.waitForExit(), 0);
});
