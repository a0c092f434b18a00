// A key remapped in the config file works, and the `?` help shows the live keymap.
import assert from "node:assert/strict";
import { test } from "node:test";
import { e2eInstance, until } from "../helpers/e2e.js";

const e2e = e2eInstance();

test("favourite remapped to * in the config file: * favourites, f does nothing, ? shows *", async () => {
  const { demo } = e2e;
  const tui = e2e.start({ cols: 100, rows: 40, config: { keymap: { favourite: "*" } } });
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
  await until("* to favourite", () => favourites().length > 0, 5000, tui);
  assert.equal(favourites()[0]!.status, 200);
  tui.send("q");
  assert.equal(await tui.waitForExit(), 0);
});
