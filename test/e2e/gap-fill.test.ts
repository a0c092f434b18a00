// Toots published while tootty could not hear the server arrive when it can again, each once,
// in order, with no gap left. Run on Hollo (no streaming, and before 0.9.0 its min_id answered
// the newest page above the cursor, not the page joining it: src/demo/flavour.ts) unless
// `npm run test:flavours` names another flavour; on a streaming one the socket is what drops.
import assert from "node:assert/strict";
import { test } from "node:test";
import { DEMO_FLAVOURS } from "../../src/demo/index.js";
import { cutOff, e2eInstance, FLAVOUR, markersDownTo, tallPaneConnected } from "../helpers/e2e.js";

const flavour = FLAVOUR ?? "hollo";
const e2e = e2eInstance({ flavour, generate: false, seedCount: 6 });
const POLL_MS = 5_000;
// More than one page (tootty asks 40 at a time), so a catch-up needs more than one request.
const MISSED = 45;

test(`on ${flavour}: ${MISSED} toots published while disconnected all arrive, each once`, async () => {
  assert.ok(DEMO_FLAVOURS.includes(flavour));
  const { demo } = e2e;
  const tui = await tallPaneConnected(e2e, "2", "Local", POLL_MS);
  const run = Date.now().toString(36);
  const marker = (i: number) => `m${run}x${String(i).padStart(2, "0")}e`;

  // Cut off: the stream (where there is one) and REST both fail while the toots go out.
  await cutOff(demo, tui, ["/api/v1/timelines"], POLL_MS);
  for (let i = 0; i < MISSED; i++)
    demo.control.publish("local", {
      account: "lou",
      spoiler_text: "",
      content: `<p>${marker(i)}</p>`,
    });
  demo.control.clearFaults();

  // The newest arrives at the top of the pane…
  await tui.waitForText(marker(MISSED - 1), POLL_MS * 3 + 45_000);
  // …and every other one below it, newest first, once each, with no gap row between.
  const seen = await markersDownTo(tui, new RegExp(`m${run}x\\d\\de`, "g"), marker(0));
  assert.deepEqual(
    seen,
    Array.from({ length: MISSED }, (_, i) => marker(MISSED - 1 - i)),
    "every toot, newest first, once",
  );
  tui.send("q");
  assert.equal(await tui.waitForExit(), 0);
});
