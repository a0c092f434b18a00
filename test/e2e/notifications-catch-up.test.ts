// Notifications that came while tootty could not hear the server arrive when it can again,
// each once, newest first, with no gap left. Run on Hollo (no streaming, and before 0.9.0 its
// min_id answered the newest page above the cursor, not the page joining it: its
// src/api/v1/notifications.ts, src/demo/flavour.ts) unless `npm run test:flavours` names
// another flavour; on a streaming one the socket is what drops.
import assert from "node:assert/strict";
import { test } from "node:test";
import { cutOff, e2eInstance, FLAVOUR, markersDownTo, tallPaneConnected } from "../helpers/e2e.js";

const flavour = FLAVOUR ?? "hollo";
const e2e = e2eInstance({ flavour, generate: false, seedCount: 6 });
const POLL_MS = 5_000;
// More than one page (tootty asks 40 at a time), so a catch-up needs more than one request.
const MISSED = 45;

test(`on ${flavour}: ${MISSED} mentions notified while disconnected all arrive, each once`, async () => {
  const { demo } = e2e;
  const tui = await tallPaneConnected(e2e, "4", "Notifications", POLL_MS);
  const run = Date.now().toString(36);
  const marker = (i: number) => `n${run}x${String(i).padStart(2, "0")}e`;

  // Cut off: the stream (where there is one) and the notifications both fail meanwhile.
  await cutOff(demo, tui, ["/api/v1/notifications", "/api/v2/notifications"], POLL_MS);
  for (let i = 0; i < MISSED; i++) {
    const status = demo.control.publish("home", {
      account: "lou",
      spoiler_text: "",
      content: `<p>@demo ${marker(i)}</p>`,
      mentions: ["demo"],
    });
    demo.control.notify("mention", { account: "lou", status_id: status.id });
  }
  demo.control.clearFaults();

  // The newest arrives at the top of the pane…
  await tui.waitForText(marker(MISSED - 1), POLL_MS * 3 + 45_000);
  // …and every other one below it, newest first, once each, with no gap row between.
  // A mention's marker is in its summary line and again in its toot: read the summary's.
  const summary = new RegExp(`mentioned you: @demo (n${run}x\\d\\de)`, "g");
  const seen = await markersDownTo(tui, summary, marker(0));
  assert.deepEqual(
    seen,
    Array.from({ length: MISSED }, (_, i) => marker(MISSED - 1 - i)),
    "every mention, newest first, once",
  );
  tui.send("q");
  assert.equal(await tui.waitForExit(), 0);
});
