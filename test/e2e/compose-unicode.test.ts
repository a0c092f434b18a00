// Emoji, ZWJ sequences, CJK and Arabic typed (or pasted) into the composer arrive whole: on
// screen as the terminal draws them, and at the server exactly as typed.
import assert from "node:assert/strict";
import { test } from "node:test";
import { CONNECTED, e2eInstance, postAndReadHome } from "../helpers/e2e.js";

const e2e = e2eInstance({ generate: false, seedCount: 5 });

test("a paste of 😀, 👨‍👩‍👧, ☁️, 東京 and مرحبا is drawn whole and posted exactly", async () => {
  const tui = e2e.start({ cols: 80, rows: 24 });
  await tui.waitForText(`Home · ${CONNECTED}`, 15_000);
  tui.send("c");
  await tui.waitForText("-- INSERT --");
  const marker = `u${Date.now().toString(36)}`;
  const text = `${marker} 😀 👨‍👩‍👧 ☁️ 東京 مرحبا`;
  tui.type(text);
  // Drawn as the terminal counts cells: the family is three emoji side by side (per code
  // point, as tmux and xterm.js lay it out), nothing broken into halves. Neither terminal does
  // bidi: the Arabic is drawn in visual order (its letters joined). The paste may still be
  // arriving when its first words show: wait for all of it.
  const parts = [marker, "😀", "👨", "👩", "👧", "☁", "東京", "ابحرم"];
  const screen = await tui.waitFor(
    (s) => parts.every((part) => s.normalize("NFKC").includes(part)),
    "the whole paste in the composer, مرحبا in visual order",
  );
  assert.ok(!screen.includes("\uFFFD"), `no broken characters:\n${screen}`);
  const posted = (await postAndReadHome(e2e, tui)).find((t) => t.includes(marker));
  assert.ok(posted, "the toot is in the home timeline");
  assert.ok(posted.includes("😀 👨‍👩‍👧 ☁️ 東京 مرحبا"), `posted exactly as typed: ${posted}`);
  tui.send("q");
  assert.equal(await tui.waitForExit(), 0);
});
