// The config file's confirmations: boost asks when confirm.boost is on; delete goes straight
// through when confirm.delete is off.
import assert from "node:assert/strict";
import { test } from "node:test";
import { CONNECTED, e2eInstance, until } from "../helpers/e2e.js";

const e2e = e2eInstance({ generate: false, seedCount: 10 });

test("confirm.boost asks before boosting; confirm.delete off deletes without asking", async () => {
  const { demo } = e2e;
  const mine = demo.control.publish("home", {
    account: "demo",
    spoiler_text: "",
    content: "<p>confirmtest own toot</p>",
  });
  const tui = e2e.start({ config: { confirm: { boost: true, delete: false } } });
  await tui.waitForText("confirmtest own toot", 15_000);
  const posts = (suffix: string) =>
    demo.control.requestLog().filter((e) => e.method === "POST" && e.path.endsWith(suffix));
  const deletes = () =>
    demo.control
      .requestLog()
      .filter((e) => e.method === "DELETE" && e.path === `/api/v1/statuses/${mine.id}`);

  tui.send("b");
  await tui.waitForText("Boost this toot? (y/n)");
  tui.send("n");
  await tui.waitForText("Not boosted");
  assert.equal(posts("/reblog").length, 0, "n sent nothing");
  tui.send("b");
  await tui.waitForText("Boost this toot? (y/n)");
  tui.send("y");
  await until("y to boost", () => posts("/reblog").length === 1, 5000, tui);

  tui.send("d");
  await until("d to delete at once", () => deletes().length === 1, 5000, tui);
  assert.ok(!tui.capture().includes("Delete this toot?"), "no question asked");
  await tui.waitFor((s) => !s.includes("confirmtest own toot"), "the toot gone from the screen");
  tui.send("q");
  assert.equal(await tui.waitForExit(), 0);
});

test("confirm.quit: q asks, n keeps tootty open, y quits and restores the terminal", async () => {
  const tui = e2e.start({ config: { confirm: { quit: true } } });
  await tui.waitForText(`Home · ${CONNECTED}`, 15_000);
  tui.send("q");
  await tui.waitForText("Quit tootty? (y/n)");
  tui.send("n");
  await tui.waitFor((s) => !s.includes("Quit tootty?"), "the question closed");
  assert.equal(tui.exitStatus(), null, "still running");
  tui.send("q");
  await tui.waitForText("Quit tootty? (y/n)");
  tui.send("y");
  assert.equal(await tui.waitForExit(), 0);
  assert.equal(tui.terminalRestored().alternateScreen, false);
});
