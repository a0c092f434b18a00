// R fetches what the stream did not deliver; L loads older toots below the bottom.
import assert from "node:assert/strict";
import { test } from "node:test";
import { CONNECTED, e2eInstance, until } from "../helpers/e2e.js";

const e2e = e2eInstance({ generate: false, seedCount: 120 });

test("R on a silent stream fetches the toot it missed; L asks for older toots with max_id", async () => {
  const { demo } = e2e;
  const tui = e2e.start({ cols: 100, rows: 30 });
  await tui.waitForText(`Home · ${CONNECTED}`, 15_000);
  tui.send("2");
  await tui.waitFor(
    (s) => new RegExp(`Local · ${CONNECTED}`).test(s) && !/Home ·/.test(s),
    "the Local tab",
  );

  // A half-open socket: nothing arrives, so the new toot only comes by asking.
  demo.control.setSilent(true);
  const marker = `refresh${Date.now().toString(36)}`;
  demo.control.publish("local", { account: "lou", spoiler_text: "", content: `<p>${marker}</p>` });
  // The silent socket delivers nothing (test/demo/faults covers setSilent): only R can bring it.
  const from = e2e.logLength();
  tui.send("R");
  await tui.waitForText(marker, 5_000);
  await e2e.requested("GET", "/api/v1/timelines/public", 200, from);
  demo.control.setSilent(false);

  const before = e2e.logLength();
  tui.send("L");
  await until(
    "a page older than the oldest toot held",
    () =>
      demo.control
        .requestLog()
        .slice(before)
        .some((e) => e.path === "/api/v1/timelines/public" && /max_id=/.test(e.query)),
    5_000,
    tui,
  );
  tui.send("q");
  assert.equal(await tui.waitForExit(), 0);
});
