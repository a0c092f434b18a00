// Where a toot leads: o with a terminal browser on a machine without a display, and O's
// mentions and hashtags, which open the profile and the hashtag timeline in tootty itself.
import assert from "node:assert/strict";
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { e2eInstance } from "../helpers/e2e.js";
import type { TmuxSession } from "../helpers/tmux.js";

const e2e = e2eInstance({ generate: false, seedCount: 20 });

/** Goes to the newest toot of Home (past a saved read position) and waits for `text`. */
async function openNewest(tui: TmuxSession, text: string): Promise<void> {
  await tui.waitForText("Home ·", 15_000);
  for (let i = 0; ; i++) {
    tui.send("g");
    try {
      await tui.waitForText(text, 500);
      return;
    } catch (err) {
      if (i >= 20) throw err;
    }
  }
}

test("o with $BROWSER and no display runs the browser in this terminal, then comes back", async () => {
  const dir = mkdtempSync(join(tmpdir(), "tootty-w3m-"));
  const opened = join(dir, "argv.txt");
  const browser = join(dir, "w3m.sh");
  // A terminal browser: it draws on the terminal it was given, and the user quits it.
  writeFileSync(browser, `#!/bin/sh\nprintf '%s\\n' "$@" > '${opened}'\necho "W3M SHOWS $1"\nread key\n`);
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
  await tui.waitFor((s) => s.includes("Home ·") && s.includes("openterminal read this"), "the panes again");
  tui.send("q");
  assert.equal(await tui.waitForExit(), 0);
});
