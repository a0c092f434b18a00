// Acting on toots in a real terminal against the simulated instance: each action sends the
// right request, the screen shows the new state at once, and a refusal rolls it back.
import assert from "node:assert/strict";
import { chmodSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, test } from "node:test";
import { e2eInstance, flavourHas, until } from "../helpers/e2e.js";

const e2e = e2eInstance({ generate: false, seedCount: 20 });
const start = (env: Record<string, string> = {}) => e2e.start({ env });
const requested = e2e.requested;
const logLength = e2e.logLength;

/** The top toot's count line, e.g. "↩ 0  ↻ 3  ★ 5  favourited". */
function countsOf(screen: string, marker: string): string {
  const lines = screen.split("\n");
  const at = lines.findIndex((l) => l.includes(marker));
  const line = lines.slice(at).find((l) => /↻ \d+/.test(l));
  return line ?? "";
}

/** Whether the instance offers translation (`configuration.translation.enabled`, v2 only). */
async function translates(): Promise<boolean> {
  const res = await fetch(`${e2e.demo.url}/api/v2/instance`);
  // A v1-only server (Pleroma, Akkoma) does not say: tootty asks, and it translates if it can.
  if (!res.ok) return flavourHas("POST", "/api/v1/statuses/1/translate");
  const info = (await res.json()) as { configuration?: { translation?: { enabled?: unknown } } };
  return info.configuration?.translation?.enabled === true;
}

describe("actions on the selected toot", () => {
  test("favourite, bookmark and refused boost: shown at once, sent, rolled back on refusal", async () => {
    // A followers-only toot: Mastodon refuses to boost it (422), so the boost must roll back.
    const target = e2e.demo.control.publish("home", {
      spoiler_text: "",
      account: "alice",
      visibility: "private",
      content: "<p>acttarget one</p>",
    });
    const tui = start();
    await tui.waitForText("acttarget one", 15_000);
    const before = countsOf(tui.capture(), "acttarget one");

    let from = logLength();
    tui.send("f");
    await tui.waitFor((s) => countsOf(s, "acttarget one").includes("favourited"), "favourited");
    await requested("POST", `/api/v1/statuses/${target.id}/favourite`, 200, from);
    const favsBefore = Number(before.match(/[☆★] (\d+)/)?.[1]);
    assert.match(countsOf(tui.capture(), "acttarget one"), new RegExp(`★ ${favsBefore + 1}\\b`));

    from = logLength();
    tui.type("B");
    await tui.waitForText("bookmarked");
    await requested("POST", `/api/v1/statuses/${target.id}/bookmark`, 200, from);

    from = logLength();
    tui.send("b");
    await tui.waitForText("Could not boost");
    await requested("POST", `/api/v1/statuses/${target.id}/reblog`, 422, from);
    const after = countsOf(tui.capture(), "acttarget one");
    assert.ok(!after.includes("boosted"), `rolled back: ${after}`);
    assert.match(after, new RegExp(`↻ ${before.match(/↻ (\d+)/)?.[1]}`), "boost count restored");

    // A server error rolls back too.
    e2e.demo.control.failHttp({
      pathPrefix: `/api/v1/statuses/${target.id}/unfavourite`,
      status: 500,
      count: 10,
    });
    tui.send("f");
    await tui.waitForText("Could not unfavourite");
    assert.match(countsOf(tui.capture(), "acttarget one"), /favourited/, "still favourited");
    e2e.demo.control.clearFaults();
  });

  test("delete own after confirming, edit history, translation, links, open and copy", async () => {
    const browserLog = join(mkdtempSync(join(tmpdir(), "tootty-browser-")), "opened.txt");
    const browser = join(tmpdir(), `tootty-fake-browser-${process.pid}.sh`);
    writeFileSync(browser, `#!/bin/sh\nprintf '%s\\n' "$1" >> '${browserLog}'\n`);
    chmodSync(browser, 0o755);
    const other = e2e.demo.control.publish("home", {
      spoiler_text: "",
      account: "mina",
      language: "de",
      content: '<p>acttarget two <a href="https://example.com/read">example.com/read</a></p>',
    });
    e2e.demo.control.editStatus(
      other.id,
      '<p>acttarget two edited <a href="https://example.com/read">example.com/read</a></p>',
    );
    const mine = e2e.demo.control.publish("home", {
      spoiler_text: "",
      account: "demo",
      content: "<p>acttarget mine</p>",
    });
    const tui = start({ BROWSER: browser, DISPLAY: ":0" });
    await tui.waitForText("acttarget mine", 15_000);

    let from = logLength();
    tui.send("d");
    await tui.waitForText("Delete this toot?");
    tui.send("y");
    await tui.waitForText("Deleted");
    await requested("DELETE", `/api/v1/statuses/${mine.id}`, 200, from);
    await tui.waitFor((s) => !s.includes("acttarget mine"), "the deleted toot gone");

    // Now the edited toot is on top.
    tui.type("H");
    if (flavourHas("GET", `/api/v1/statuses/${other.id}/history`)) {
      await tui.waitForText("Edit history (2 versions)");
      const history = tui.capture();
      assert.match(history, /original/);
      assert.match(history, /acttarget two edited/);
      tui.send("Escape");
      await tui.waitFor((s) => !s.includes("Edit history"), "history closed");
    } else {
      // The endpoint is missing (its 404 may read like a deleted toot's): H says so.
      const said = await tui.waitForText("not supported by this server");
      // The status line's words (a toot on screen may say its quoted post was deleted).
      const line = said.split("\n").find((r) => r.includes("not supported by this server"));
      assert.doesNotMatch(line ?? "", /deleted|not found/i, said);
    }

    from = logLength();
    tui.type("T");
    if (await translates()) {
      await tui.waitForText("Translation from de by DemoTranslate");
      await requested("POST", `/api/v1/statuses/${other.id}/translate`, 200, from);
      tui.send("Escape");
      await tui.waitFor((s) => !s.includes("Translation from"), "translation closed");
    } else {
      // The server says it does not translate: T says so, and the server is not asked.
      await tui.waitForText("Could not translate: not supported by this server");
      const asked = e2e.demo.control
        .requestLog()
        .slice(from)
        .some((e) => e.path.endsWith("/translate"));
      assert.ok(!asked, "no translation asked of a server that has none");
    }

    tui.type("O");
    await tui.waitForText("1. https://example.com/read");
    tui.send("1");
    await waitForFile(browserLog, "https://example.com/read");

    tui.send("o");
    await waitForFile(browserLog, String(other.url));

    tui.send("y");
    await tui.waitForText("Copied");
    tui.send("q");
    await tui.waitForExit();
  });
});

async function waitForFile(path: string, text: string): Promise<void> {
  await until(`$BROWSER to get ${text}`, () =>
    existsSync(path) ? readFileSync(path, "utf8").includes(text) : false,
  );
}
