// Tab in the composer's insert mode goes round the completions the server gives, Shift-Tab
// back, in a real terminal against the simulated instance (its custom emojis: blobcat,
// blobcat_heart).
import { describe, test } from "node:test";
import { e2eInstance, newConfigDir } from "../helpers/e2e.js";

const e2e = e2eInstance({ generate: false, seedCount: 5 });

describe("completion in the composer", () => {
  test("Tab, Tab, Shift-Tab: each candidate in turn in the text, the list on the status line", async () => {
    const session = e2e.start({ configDir: newConfigDir(), cols: 100, rows: 30 });
    await session.waitFor((s) => /Home ·/.test(s), "the home pane", 15_000);
    session.send("c");
    await session.waitForText("-- INSERT --");
    session.type("so :blob");
    await session.waitForText("so :blob");
    session.send("Tab");
    await session.waitForText("so :blobcat: ");
    await session.waitForText("[:blobcat:]  :blobcat_heart:");
    session.send("Tab");
    await session.waitForText("so :blobcat_heart: ");
    await session.waitForText(":blobcat:  [:blobcat_heart:]");
    session.send("S-Tab");
    await session.waitFor(
      (s) => /so :blobcat: (?!heart)/.test(s) && /\[:blobcat:\]/.test(s),
      "back to :blobcat:",
    );
    session.type("yes");
    await session.waitForText("so :blobcat: yes");
  });
});
