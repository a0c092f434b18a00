// People and the world outside, in a real terminal: muting and blocking from a profile (a
// refusal leaves the relationship as it was), the bell and OSC 9 alert on a new mention
// (captured as raw terminal bytes), and opening a toot's media in $BROWSER or, over SSH,
// showing its URL instead.
import assert from "node:assert/strict";
import { chmodSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, test } from "node:test";
import type { ApiMediaAttachment } from "../../src/demo/types.js";
import { CONNECTED, e2eInstance, FLAVOUR, openNewest, until } from "../helpers/e2e.js";
import type { TerminalSession } from "../helpers/terminal.js";

const e2e = e2eInstance({ generate: false, seedCount: 20 });
const requested = e2e.requested;
const logLength = e2e.logLength;

const relationshipLine = (screen: string) =>
  screen.split("\n").find((l) => l.includes("Relationship:")) ?? "";

/** Presses `key` on the open profile and waits for the flash that answers it. */
async function press(tui: TerminalSession, key: string, flash: RegExp): Promise<string> {
  tui.type(key);
  return tui.waitFor((s) => flash.test(s), String(flash));
}

describe("relationships from a profile", () => {
  test("M mutes and unmutes, X blocks and unblocks; a refused one leaves the relationship as it was", async () => {
    const toot = e2e.demo.control.publish("home", {
      spoiler_text: "",
      account: "wei",
      content: "<p>socialwei hello</p>",
    });
    const id = toot.account.id;
    // confirm.block off: X blocks without asking (views-open tests the question).
    const tui = e2e.start({ config: { confirm: { block: false } } });
    await openNewest(tui, "socialwei hello");
    tui.send("p");
    await tui.waitFor((s) => /Relationship: you follow them/.test(s), "the relationship");

    let from = logLength();
    let screen = await press(tui, "M", /Muted @wei/);
    await requested("POST", `/api/v1/accounts/${id}/mute`, 200, from);
    assert.match(relationshipLine(screen), /muted/);
    from = logLength();
    screen = await press(tui, "M", /Unmuted @wei/);
    await requested("POST", `/api/v1/accounts/${id}/unmute`, 200, from);
    assert.doesNotMatch(relationshipLine(screen), /muted/);

    from = logLength();
    screen = await press(tui, "X", /Blocked @wei/);
    await requested("POST", `/api/v1/accounts/${id}/block`, 200, from);
    assert.match(relationshipLine(screen), /blocked/);
    from = logLength();
    screen = await press(tui, "X", /Unblocked @wei/);
    await requested("POST", `/api/v1/accounts/${id}/unblock`, 200, from);
    assert.doesNotMatch(relationshipLine(screen), /blocked/);

    // Blocking also ended the follow (as on Mastodon); refusals must leave this line as is.
    const settled = relationshipLine(screen);
    e2e.demo.control.failHttp({ pathPrefix: `/api/v1/accounts/${id}/mute`, status: 500 });
    from = logLength();
    screen = await press(tui, "M", /Could not mute/);
    await requested("POST", `/api/v1/accounts/${id}/mute`, 500, from);
    assert.equal(relationshipLine(screen), settled, "still not muted");

    e2e.demo.control.failHttp({ pathPrefix: `/api/v1/accounts/${id}/block`, status: 503 });
    from = logLength();
    screen = await press(tui, "X", /Could not block/);
    await requested("POST", `/api/v1/accounts/${id}/block`, 503, from);
    assert.equal(relationshipLine(screen), settled, "still not blocked");
    e2e.demo.control.clearFaults();
    tui.send("Escape");
    await tui.waitFor((s) => !s.includes("Profile @"), "profile closed");
    tui.send("q");
    await tui.waitForExit();
  });
});

const OSC = /\x1b\]([^\x07\x1b]*)(?:\x07|\x1b\\)/g;

describe("mention alerts", () => {
  test("a new mention rings the bell and sends an OSC 9 notification with clean text", async () => {
    const raw = join(mkdtempSync(join(tmpdir(), "tootty-raw-")), "out.bin");
    writeFileSync(raw, "");
    const tui = e2e.start({ config: { notifications: { bell: true, osc: "osc9" } } });
    tui.recordOutput(raw);
    // Streaming is live (a mention before that is only in the REST history).
    await tui.waitForText(`demo.tootty.example · ${CONNECTED}`, 15_000);
    // Let the notifications' first page (history, never an alert) arrive before the mention.
    // Mastodon 4.3+ (api_versions.mastodon 2) pages groups (v2); the other flavours the v1 list.
    const firstPage =
      FLAVOUR && FLAVOUR !== "mastodon" ? "/api/v1/notifications" : "/api/v2/notifications";
    await e2e.requested("GET", firstPage, 200);
    const bytes = () => readFileSync(raw, "latin1");
    const osc9 = () => [...bytes().matchAll(OSC)].filter((m) => m[1]?.startsWith("9;"));
    const bells = () => bytes().replace(OSC, "").split("\x07").length - 1;
    assert.equal(osc9().length, 0, "no alert for history");

    // The spoof account's display name carries a right-to-left override.
    e2e.demo.control.notify("mention", { account: "admin_notreally" });
    await until("an OSC 9 notification", () => osc9().length > 0, 5000, tui);
    await until("a bell", () => bells() > 0, 5000, tui);
    const text = Buffer.from(osc9()[0]![1]!.slice(2), "latin1").toString("utf8");
    assert.match(text, /admin_notreally.*mentioned you/);
    assert.doesNotMatch(text, /[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/);
    tui.send("q");
    await tui.waitForExit();
  });
});

describe("opening a toot's media", () => {
  const media = (n: number, url: string): ApiMediaAttachment => ({
    id: `99000${n}`,
    type: "image",
    url,
    preview_url: null,
    remote_url: null,
    preview_remote_url: null,
    text_url: null,
    meta: null,
    description: `picture ${n}`,
    blurhash: null,
  });

  test("O lists links and media; a picture opens in the viewer, whose o opens it in $BROWSER, or over SSH shows it", async () => {
    const dir = mkdtempSync(join(tmpdir(), "tootty-browser-"));
    const opened = join(dir, "argv.txt");
    const browser = join(dir, "browser.sh");
    writeFileSync(browser, `#!/bin/sh\nprintf '%s\\n' "$@" >> '${opened}'\n`);
    chmodSync(browser, 0o755);
    const cat = "https://files.example/media/cat.png";
    e2e.demo.control.publish("home", {
      spoiler_text: "",
      account: "alice",
      content: '<p>socialmedia look <a href="https://example.com/story">example.com/story</a></p>',
      media_attachments: [media(1, cat), media(2, "javascript:alert(1)")],
    });
    const env = { BROWSER: browser, DISPLAY: ":0" };

    let tui = e2e.start({ env });
    await openNewest(tui, "socialmedia look");
    tui.type("O");
    const list = await tui.waitForText(`2. [image] ${cat}: picture 1`);
    assert.match(list, /1\. https:\/\/example\.com\/story/);
    assert.doesNotMatch(list, /javascript:|3\. /, "only http(s) URLs are offered");
    tui.send("2");
    await tui.waitForText("image 1 of 2");
    await tui.waitForText("picture 1");
    tui.type("o");
    await until("$BROWSER to get the media URL", () =>
      existsSync(opened) ? readFileSync(opened, "utf8") === `${cat}\n` : false,
    );
    tui.send("Escape");
    await tui.waitFor((s) => !s.includes("image 1 of 2"), "the viewer closed");
    tui.send("q");
    await tui.waitForExit();

    tui = e2e.start({ env: { ...env, SSH_CONNECTION: "10.0.0.1 5000 10.0.0.2 22" } });
    await openNewest(tui, "socialmedia look");
    tui.type("O");
    await tui.waitForText("2. [image]");
    tui.send("2");
    await tui.waitForText("image 1 of 2");
    tui.type("o");
    await tui.waitForText(`Over SSH — ${cat}`);
    assert.equal(readFileSync(opened, "utf8"), `${cat}\n`, "nothing opened over SSH");
    tui.send("Escape");
    await tui.waitFor((s) => !s.includes("image 1 of 2"), "the viewer closed");
    tui.send("q");
    await tui.waitForExit();
  });
});
