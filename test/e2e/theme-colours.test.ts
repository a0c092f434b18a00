// A colour the user configures as #rrggbb shows as that colour. In a truecolor terminal the
// theme writes it as 24-bit SGR, which blessed brings down to the nearest of its 256 colours;
// blessed's colors.js, as it loads, also matched each of the 256 against the first 8 and kept
// those answers in the cache its matching reads, so a colour that is exactly one of the 256
// came out as one of the 8: #00005f (xterm's 17, navy) as black, #5f87af (67) as blue.
import assert from "node:assert/strict";
import { test } from "node:test";
import { CONNECTED, e2eInstance } from "../helpers/e2e.js";
import { type ColouredCell, cellsOf } from "../helpers/sgr-cells.js";

const e2e = e2eInstance({ generate: false, seedCount: 20 });

/** The colour of the first cell of each run of `text` on screen, as the terminal shows it. */
function coloursOf(coloured: string, text: string): Array<number | undefined> {
  const found: Array<number | undefined> = [];
  for (const row of coloured.split("\n").map(cellsOf)) {
    const line = row.map((c: ColouredCell) => c.ch).join("");
    for (let at = line.indexOf(text); at >= 0; at = line.indexOf(text, at + 1))
      found.push(row[at]!.fg);
  }
  return found;
}

test("theme colours given as #rrggbb show as those colours in a truecolor terminal", async () => {
  const marker = `Colours${Date.now().toString(36)}`;
  e2e.demo.control.publish("local", {
    account: "lou",
    spoiler_text: "",
    sensitive: false,
    content: `<p>${marker} <a href="https://x.example/tags/navy" class="mention hashtag" rel="tag">#<span>navy${marker}</span></a></p>`,
  });
  const tui = e2e.start({
    cols: 100,
    rows: 34,
    emulator: "xterm",
    env: { COLORTERM: "truecolor" },
    config: { theme: { hashtag: "#00005f", author: "#5f87af" } },
  });
  await tui.waitForText(`Home · ${CONNECTED}`, 15_000);
  tui.send("2");
  await tui.waitForText(`#navy${marker}`);
  const screen = tui.captureWithColours();
  const tags = coloursOf(screen, `#navy${marker}`);
  assert.ok(tags.length > 0, "the hashtag is on screen");
  for (const fg of tags) assert.equal(fg, 17, "the hashtag in navy, xterm's 17");
  const names = coloursOf(screen, "Lou");
  assert.ok(names.length > 0, "the author's name is on screen");
  for (const fg of names) assert.equal(fg, 67, "the author's name in steel blue, xterm's 67");
  tui.send("q");
  assert.equal(await tui.waitForExit(), 0);
});
