// A Mastodon 4.5 server whose admin closed a live feed (`configuration.timelines_access`,
// entities/Instance.md): the default panes go without it and say why once, `:pane add` refuses
// it with that reason, and a config file that names it gets a pane saying the server closed it.
import assert from "node:assert/strict";
import { test } from "node:test";
import { CONNECTED, command, e2eInstance } from "../helpers/e2e.js";

const e2e = e2eInstance({
  generate: false,
  seedCount: 10,
  timelinesAccess: { live_feeds: { remote: "disabled" } },
});

test("a closed federated feed: no Federated pane by default, with one line why; :pane add federated refuses", async () => {
  const tui = e2e.start({ cols: 160, rows: 40 });
  const screen = await tui.waitFor(
    (s) =>
      s.includes(`Home · ${CONNECTED}`) &&
      s.includes(`Local · ${CONNECTED}`) &&
      s.includes("Notifications ·") &&
      s.includes("no Federated pane"),
    "Home, Local and Notifications, and the reason",
    15_000,
  );
  assert.ok(!screen.includes("Federated ·"), "no Federated pane");
  assert.match(screen, /This server has closed its federated timeline: no Federated pane/);

  await command(tui, "pane add federated");
  const refused = await tui.waitForText("This server has closed its federated timeline", 10_000);
  assert.ok(!refused.includes("Federated ·"), "still no Federated pane");
  assert.ok(!refused.includes("Opened"), "nothing opened");
  await command(tui, "pane add local");
  await tui.waitFor(
    (s) =>
      (s.match(new RegExp(`Local · ${CONNECTED}`, "g")) ?? []).length === 2 ||
      s.includes("4 Local"),
    "a second Local pane: the open feed is still offered",
  );
  tui.send("q");
  assert.equal(await tui.waitForExit(), 0);
});

test("a config file naming the closed feed shows it as closed by the server, not as an error", async () => {
  const tui = e2e.start({ cols: 160, rows: 40, config: { panes: ["home", "federated"] } });
  const screen = await tui.waitFor(
    (s) => s.includes(`Home · ${CONNECTED}`) && s.includes("Federated · closed by the server"),
    "Home live and Federated closed",
    15_000,
  );
  assert.match(screen, /This server has closed its federated timeline/);
  assert.ok(!/Nothing loaded|retrying|next try/.test(screen), "no error state");
  tui.send("q");
  assert.equal(await tui.waitForExit(), 0);
});
