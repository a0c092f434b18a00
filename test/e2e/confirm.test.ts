// The config file's confirmations: boost asks when confirm.boost is on; delete goes straight
// through when confirm.delete is off.
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { type DemoInstance, startDemoInstance } from "../../src/demo/index.js";
import { TmuxSession } from "../helpers/tmux.js";

const BIN = new URL("../../bin/tootty.js", import.meta.url).pathname;
let demo: DemoInstance;
const sessions: TmuxSession[] = [];

before(async () => {
  demo = await startDemoInstance({ generate: false, seedCount: 10 });
});
after(async () => {
  for (const s of sessions) s.kill();
  await demo.close();
});

async function until(what: string, check: () => boolean, tui: TmuxSession): Promise<void> {
  const deadline = Date.now() + 5000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`${what}:\n${tui.capture()}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

test("confirm.boost asks before boosting; confirm.delete off deletes without asking", async () => {
  const mine = demo.control.publish("home", {
    account: "demo",
    spoiler_text: "",
    content: "<p>confirmtest own toot</p>",
  });
  const config = join(mkdtempSync(join(tmpdir(), "tootty-confirm-")), "config");
  mkdirSync(config, { recursive: true, mode: 0o700 });
  writeFileSync(
    join(config, "config.json"),
    JSON.stringify({ confirm: { boost: true, delete: false } }),
  );
  const tui = TmuxSession.start({
    command: [process.execPath, BIN],
    cols: 100,
    rows: 34,
    env: { TOOTTY_INSTANCE: demo.url, TOOTTY_ACCESS_TOKEN: demo.token, TOOTTY_CONFIG_DIR: config },
  });
  sessions.push(tui);
  await tui.waitForText("confirmtest own toot", 15_000);
  const posts = (suffix: string) =>
    demo.control.requestLog().filter((e) => e.method === "POST" && e.path.endsWith(suffix));
  const deletes = () =>
    demo.control
      .requestLog()
      .filter((e) => e.method === "DELETE" && e.path === `/api/v1/statuses/${mine.id}`);

  tui.send("b");
  await tui.waitForText("Boost this toot? (y/n)");
  tui.send("n");
  await tui.waitForText("Not boosted");
  assert.equal(posts("/reblog").length, 0, "n sent nothing");
  tui.send("b");
  await tui.waitForText("Boost this toot? (y/n)");
  tui.send("y");
  await until("y boosts", () => posts("/reblog").length === 1, tui);

  tui.send("d");
  await until("d deletes at once", () => deletes().length === 1, tui);
  assert.ok(!tui.capture().includes("Delete this toot?"), "no question asked");
  await tui.waitFor((s) => !s.includes("confirmtest own toot"), "the toot gone from the screen");
  tui.send("q");
  assert.equal(await tui.waitForExit(), 0);
});
