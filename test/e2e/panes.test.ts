// Panes opened and closed from the command line, and the config file's panes at start-up.
import assert from "node:assert/strict";
import { test } from "node:test";
import { CONNECTED, command, e2eInstance } from "../helpers/e2e.js";

const e2e = e2eInstance();

test(":pane add tag:X opens a live #X pane; :pane close removes it", async () => {
  const { demo } = e2e;
  const tui = e2e.start({ cols: 160, rows: 40 });
  await tui.waitFor(
    (s) => s.includes(`Home · ${CONNECTED}`) && s.includes("Notifications ·"),
    "the four default panes",
    15_000,
  );

  await command(tui, "pane add tag:paneswatch");
  // Five panes do not fit side by side at 160 columns: tabs, the new one active.
  const opened = await tui.waitFor(
    (s) => s.includes("5 #paneswatch") && s.includes(`#paneswatch · ${CONNECTED}`),
    "a #paneswatch tab, active and live",
  );
  assert.ok(opened.includes("1 Home"), "the tab bar names every pane");

  demo.control.publish("local", {
    content: "<p>panes-live-marker</p>",
    spoiler_text: "",
    tags: ["paneswatch"],
  });
  await tui.waitForText("panes-live-marker");

  await command(tui, "pane close");
  const closed = await tui.waitFor(
    (s) =>
      !s.includes("#paneswatch") && s.includes(`Home · ${CONNECTED}`) && s.includes("Federated ·"),
    "back to four columns without the hashtag pane",
  );
  assert.ok(!closed.includes("5 "), "no tab bar: the four panes fit side by side again");

  tui.send("q");
  assert.equal(await tui.waitForExit(), 0);
});

test('a config file with "panes": ["local", "tag:rust"] starts with exactly those panes', async () => {
  const tui = e2e.start({ cols: 160, rows: 40, config: { panes: ["local", "tag:rust"] } });
  const screen = await tui.waitFor(
    (s) => s.includes(`Local · ${CONNECTED}`) && s.includes(`#rust · ${CONNECTED}`),
    "Local and #rust",
    15_000,
  );
  for (const absent of ["Home ·", "Federated ·", "Notifications ·"])
    assert.ok(!screen.includes(absent), `no ${absent} pane`);
  // The last pane cannot be closed: close one, then the other stays.
  await command(tui, "pane close");
  await tui.waitFor((s) => !s.includes("#rust ·") || !s.includes("Local ·"), "one pane closed");
  await command(tui, "pane close");
  await tui.waitForText("The last pane stays open");
  tui.send("q");
  assert.equal(await tui.waitForExit(), 0);
});
