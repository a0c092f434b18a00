// Every common size, live resize and the too-small screen, with a screen full of CJK, emoji
// ZWJ sequences and Arabic/Hebrew toots: every row of the pane area must end with a border
// in the terminal's last column — in xterm.js (terminal-size.test.ts) and in tmux
// (terminal-size-tmux.test.ts), whose width tables differ.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { FALLBACK_WIDTHS, setTerminalWidths } from "../../src/render/index.js";
import { type EmulatorName, skipUnlessAvailable } from "../helpers/terminal.js";
import {
  brokenRows,
  captureCells,
  killAll,
  probeWidthsIn,
  publishWideToots,
  startTootty,
} from "../ui/terminal-harness.js";

// tmux does no bidi: tootty draws the Arabic and Hebrew in visual order (Arabic joined).
const hasWideToots = (s: string) =>
  s.includes("東京") || s.normalize("NFKC").includes("ابحرم") || s.includes("םולש");

/** First and last rows of the pane area: below the tab bar (if any), above the status bar. */
function paneRows(rows: string[], height: number): [number, number] {
  const tabs = /^ 1 Home/.test(rows[0] ?? "");
  return [tabs ? 1 : 0, height - 2];
}

async function assertBordersIntact(
  session: Awaited<ReturnType<typeof startTootty>>["session"],
  cols: number,
  rows: number,
): Promise<void> {
  let bad: string[] = [];
  // The last paint may still be in flight when the text first shows: wait for a clean frame.
  await session
    .waitFor(
      () => {
        const screen = captureCells(session);
        const [from, to] = paneRows(screen, rows);
        bad = brokenRows(screen, cols, from, to);
        return bad.length === 0;
      },
      `intact borders at ${cols}×${rows}`,
      3_000,
    )
    .catch(() => {});
  assert.deepEqual(
    bad,
    [],
    `borders broken at ${cols}×${rows}:\n${captureCells(session).join("\n")}`,
  );
}

/** The checks for one terminal; each terminal's run is its own file (a file's time is bounded). */
export function sizeChecks(emulator: EmulatorName): void {
  after(killAll);
  // Captured rows are measured as the terminal placed them: by what tootty's probe learns
  // from it (a ZWJ family kept whole is one glyph there; one split is drawn as its parts).
  if (!skipUnlessAvailable(emulator))
    before(async () => setTerminalWidths((await probeWidthsIn(emulator)) ?? FALLBACK_WIDTHS));
  describe(`wide and right-to-left text at every common size, in ${emulator}`, {
    concurrency: 2,
    skip: skipUnlessAvailable(emulator),
  }, () => {
    for (const [cols, rows] of [
      [80, 24],
      [120, 40],
      [200, 50],
      [300, 100],
    ] as const) {
      test(`keeps every border column intact at ${cols}×${rows}`, async () => {
        const { session, demo } = await startTootty({ cols, rows, emulator });
        await session.waitForText("Home");
        await publishWideToots(demo);
        await session.waitFor(hasWideToots, "wide toots on screen");
        await assertBordersIntact(session, cols, rows);
        if (cols < 160) {
          // One pane at a time: every tab gets the same check.
          for (const key of ["2", "3"]) {
            session.send(key);
            await session.waitFor(
              (s) => hasWideToots(s) && s.includes(key === "2" ? "Local ·" : "Federated ·"),
              `pane ${key}`,
            );
            await assertBordersIntact(session, cols, rows);
          }
        }
        session.send("q");
        assert.equal(await session.waitForExit(), 0);
      });
    }
  });

  describe(`resizing, in ${emulator}`, { skip: skipUnlessAvailable(emulator) }, () => {
    test("re-lays out on SIGWINCH without leftovers, and shows a friendly screen when too small", async () => {
      const { session, demo } = await startTootty({ cols: 200, rows: 50, emulator });
      await session.waitFor((s) => s.includes("Federated ·"), "panes side by side");
      await publishWideToots(demo);
      await session.waitFor(hasWideToots, "wide toots on screen");

      session.resize(80, 24);
      await session.waitFor((s) => /^ 1 Home/.test(s), "tabs after shrinking to 80×24");
      await assertBordersIntact(session, 80, 24);
      const narrow = captureCells(session);
      assert.equal(narrow.length, 24);
      assert.ok(
        !narrow.some((r) => r.includes("Federated ·")),
        "no leftover of the wide layout's third pane title",
      );

      session.resize(30, 8);
      const small = await session.waitForText("Terminal too small");
      assert.match(small, /30×8, tootty needs 40×10/);
      assert.ok(!small.includes("┌"), `no pane fragments on the too-small screen:\n${small}`);

      session.resize(200, 50);
      await session.waitFor(
        (s) => s.includes("Federated ·") && !s.includes("too small"),
        "panes back after growing",
      );
      await assertBordersIntact(session, 200, 50);

      session.send("q");
      assert.equal(await session.waitForExit(), 0);
    });
  });
}
