// A notification of a type tootty does not know, on a server that sends Mastodon 4.6's
// `fallback` (asked for with `supported_types[]`): the row reads as the server's own words,
// sanitised, instead of "sent a notification (TYPE)". Without a fallback (a server that does
// not send one) the generic line stays.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { DemoFlavourName } from "../../src/demo/index.js";
import { e2eInstance } from "../helpers/e2e.js";

function fallbackRow(flavour: DemoFlavourName) {
  const e2e = e2eInstance({ generate: false, seedCount: 10, flavour });
  const withFallback = flavour === "mastodon";
  test(`an unknown notification type ${withFallback ? "reads as the server's fallback" : "keeps the generic line"} (${flavour})`, async () => {
    e2e.demo.control.notify("added_to_collection", { account: "alice" });
    const tui = e2e.start({ cols: 150, rows: 34, config: { panes: ["notifications"] } });
    const expected = withFallback
      ? /@alice added you to a collection: You're on an app that does not support/
      : /sent a notification \(added_to_collection\)/;
    const screen = await tui.waitFor((s) => expected.test(s), "the unknown type's row", 15_000);
    if (withFallback) assert.ok(!screen.includes("sent a notification"), screen);
    const asked = e2e.demo.control
      .requestLog()
      .some((r) => r.path.endsWith("/notifications") && r.query.includes("supported_types"));
    assert.ok(asked, "the notifications list was asked with supported_types[]");
    tui.send("q");
    assert.equal(await tui.waitForExit(), 0);
  });
}

describe("Mastodon 4.6 (grouped notifications, fallbacks)", () => fallbackRow("mastodon"));
describe("a server without fallbacks (v1 list)", () => fallbackRow("gotosocial"));
