// Home answering 206 while Mastodon regenerates the feed (methods/timelines.md): the Home pane
// says so in its title and asks again after the Mastodon-Async-Refresh retry until a 200, then
// shows the toots. Before, the 206 read as a 200: an empty Home that said "live".
import assert from "node:assert/strict";
import { test } from "node:test";
import { CONNECTED, e2eInstance, NEEDS_ASYNC_REFRESH } from "../helpers/e2e.js";

const e2e = e2eInstance({ generate: false, seedCount: 10 });

test("home's 206 shows 'feed is being regenerated' in the title until a 200 fills the pane", {
  skip: NEEDS_ASYNC_REFRESH,
}, async () => {
  const marker = `rg${Date.now().toString(36)}`;
  const { demo } = e2e;
  demo.control.publish("home", { account: "alice", content: `<p>after the rebuild ${marker}</p>` });
  demo.control.regenerateHome(3, 1);
  const from = e2e.logLength();
  const tui = e2e.start({ cols: 110, rows: 34 });
  const during = await tui.waitForText("feed is being regenerated", 15_000);
  assert.match(during, /Home · feed is being regenerated/);
  assert.ok(!during.includes(`after the rebuild ${marker}`));
  const filled = await tui.waitForText(`after the rebuild ${marker}`, 20_000);
  assert.match(filled, new RegExp(`Home · ${CONNECTED}`));
  assert.ok(!filled.includes("feed is being regenerated"));
  const home = demo.control
    .requestLog()
    .slice(from)
    .filter((e) => e.path === "/api/v1/timelines/home");
  assert.deepEqual(
    home.slice(0, 4).map((e) => e.status),
    [206, 206, 206, 200],
  );
  assert.ok(home[1]!.at - home[0]!.at >= 900, "asked again only after retry=1 s");
  tui.send("q");
  assert.equal(await tui.waitForExit(), 0);
});
