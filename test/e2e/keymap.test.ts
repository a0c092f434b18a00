// A key remapped in the config file works, and the `?` help shows the live keymap.
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
  demo = await startDemoInstance({ generate: false, seedCount: 20 });
});
after(async () => {
  for (const s of sessions) s.kill();
  await demo.close();
});

test("favourite remapped to * in the config file: * favourites, f does nothing, ? shows *", async () => {
  const config = join(mkdtempSync(join(tmpdir(), "tootty-keymap-")), "config");
  mkdirSync(config, { recursive: true, mode: 0o700 });
  writeFileSync(join(config, "config.json"), JSON.stringify({ keymap: { favourite: "*" } }));
  const tui = TmuxSession.start({
    command: [process.execPath, BIN],
    cols: 100,
    rows: 40,
    env: { TOOTTY_INSTANCE: demo.url, TOOTTY_ACCESS_TOKEN: demo.token, TOOTTY_CONFIG_DIR: config },
  });
  sessions.push(tui);
  await tui.waitForText("Home · live", 15_000);
  const favourites = () =>
    demo.control.requestLog().filter((e) => e.method === "POST" && e.path.endsWith("/favourite"));

  tui.send("f");
  // f is no longer bound to favourite: nothing reaches the instance.
  tui.send("?");
  const help = await tui.waitFor(
    (s) => /favourite/i.test(s) && s.includes("*"),
    "the help overlay",
  );
  const line = help.split("\n").find((l) => /favourite or unfavourite/i.test(l));
  assert.ok(line?.includes("*"), `the help names * for favourite: ${line}`);
  assert.ok(!/\bf\b/.test(line!.replace(/favourite or unfavourite/i, "")), `f is gone: ${line}`);
  assert.equal(favourites().length, 0, "f sent no favourite");
  tui.send("Escape");
  await tui.waitFor((s) => !s.includes("favourite or unfavourite"), "help closed");

  tui.send("*");
  const deadline = Date.now() + 5000;
  while (favourites().length === 0) {
    if (Date.now() > deadline) throw new Error(`* sent no favourite:\n${tui.capture()}`);
    await new Promise((r) => setTimeout(r, 20));
  }
  assert.equal(favourites()[0]!.status, 200);
  tui.send("q");
  assert.equal(await tui.waitForExit(), 0);
});
