// :account switches between stored accounts in the TUI: the other account's server gets the
// session and the streams, the first one's socket closes.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { AccountStore } from "../../src/config/accounts.js";
// Writing stored accounts goes through conf, as `tootty login` does.
import "../../src/config/conf-writer.js";
import { type DemoInstance, startDemoInstance } from "../../src/demo/index.js";
import { BIN, newConfigDir, until } from "../helpers/e2e.js";
import { startTerminal, type TerminalSession } from "../helpers/terminal.js";

let first: DemoInstance;
let second: DemoInstance;
const sessions: TerminalSession[] = [];

before(async () => {
  [first, second] = await Promise.all([
    startDemoInstance({ generate: false, seedCount: 10 }),
    startDemoInstance({ generate: false, seedCount: 10, seed: 7 }),
  ]);
});
after(async () => {
  for (const s of sessions) s.kill();
  await Promise.all([first.close(), second.close()]);
});

test(":account lists the stored accounts, and a digit switches to the other one's server and streams", async () => {
  const config = newConfigDir();
  const store = new AccountStore(config, { env: {} });
  store.add({ acct: "me@first.example", instance_url: first.url, access_token: first.token });
  store.add({ acct: "me@second.example", instance_url: second.url, access_token: second.token });
  const tui = startTerminal({
    command: [process.execPath, BIN],
    cols: 120,
    rows: 34,
    env: { TOOTTY_CONFIG_DIR: config },
  });
  sessions.push(tui);
  await tui.waitForText("Home · live", 15_000);
  await until(
    "the first server's stream",
    () => first.control.streamClientCount() === 1,
    5000,
    tui,
  );
  assert.equal(second.control.streamClientCount(), 0);

  tui.type(":account");
  tui.send("Enter");
  const picker = await tui.waitForText("Accounts");
  assert.match(picker, /1 {2}me@first\.example {2}\(this one\)/);
  assert.match(picker, /2 {2}me@second\.example/);
  tui.send("2");
  await until(
    "the second server's stream",
    () => second.control.streamClientCount() === 1,
    10_000,
    tui,
  );
  await until(
    "the first server's stream closed",
    () => first.control.streamClientCount() === 0,
    10_000,
    tui,
  );
  await tui.waitForText("Home · live", 15_000);
  assert.ok(
    second.control.requestLog().some((e) => e.path === "/api/v1/timelines/home"),
    "the second server serves the panes now",
  );

  tui.type(":account me@first.example");
  tui.send("Enter");
  await until(
    "back on the first server",
    () => first.control.streamClientCount() === 1,
    10_000,
    tui,
  );
  tui.send("q");
  assert.equal(await tui.waitForExit(), 0);
  assert.equal(tui.terminalRestored().alternateScreen, false);
});
