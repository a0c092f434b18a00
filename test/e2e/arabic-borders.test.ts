// The Arabic interface in tmux at several sizes, with a screen of CJK, emoji sequences and
// Arabic/Hebrew toots: where tootty lays lines out right to left (mirrored headers, quotes
// with their bar on the right, pictures against the right edge, panels' rows), every row of
// the pane area, and of a view or panel over it, still ends with a border in the last column.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { FALLBACK_WIDTHS, setTerminalWidths } from "../../src/render/index.js";
import { rtl, seen } from "../helpers/arabic.js";
import { needsEndpoint } from "../helpers/e2e.js";
import { skipUnlessAvailable } from "../helpers/terminal.js";
import {
  brokenRows,
  captureCells,
  killAll,
  probeWidthsIn,
  publishWideToots,
  startTootty,
} from "../ui/terminal-harness.js";

const ARABIC = { LANG: "ar_EG.UTF-8", LC_ALL: "" };
// The notification policy is Mastodon 4.3's: on a server without it :policy says so, and there
// is no panel to look at.
const NO_POLICY = needsEndpoint("PATCH", "/api/v2/notifications/policy", "notification policy");
type Session = Awaited<ReturnType<typeof startTootty>>["session"];

/** Every row from below the tab bar (if any) to above the status line ends with a border. */
async function assertBorders(session: Session, cols: number, rows: number, what: string) {
  let bad: string[] = [];
  await session
    .waitFor(
      () => {
        const screen = captureCells(session);
        const from = /^ 1 /.test(screen[0] ?? "") ? 1 : 0;
        bad = brokenRows(screen, cols, from, rows - 2);
        return bad.length === 0;
      },
      `intact borders at ${cols}×${rows}: ${what}`,
      3_000,
    )
    .catch(() => {});
  assert.deepEqual(bad, [], `${what} at ${cols}×${rows}:\n${captureCells(session).join("\n")}`);
}

after(killAll);
before(async () => {
  if (!skipUnlessAvailable("tmux"))
    setTerminalWidths((await probeWidthsIn("tmux")) ?? FALLBACK_WIDTHS);
});

describe("borders in the Arabic interface, in tmux", { skip: skipUnlessAvailable("tmux") }, () => {
  for (const [cols, rows] of [
    [60, 20],
    [80, 24],
    [132, 40],
  ] as const) {
    const where = NO_POLICY ? "panes and search" : "panes, search and :policy";
    test(`every border column intact at ${cols}×${rows}: ${where}`, async () => {
      const { session, demo } = await startTootty({ cols, rows, emulator: "tmux", env: ARABIC });
      await session.waitFor((s) => seen(s).includes(rtl("الرئيسية")), "the Arabic interface");
      await publishWideToots(demo);
      await session.waitFor(
        (s) => s.includes("東京") || seen(s).includes(rtl("مرحبا")) || s.includes("םולש"),
        "wide toots on screen",
      );
      await assertBorders(session, cols, rows, "the pane");
      session.send(":");
      session.send("search alice", "Enter");
      await session.waitFor((s) => seen(s).includes(rtl("الحسابات")), "the search view");
      await assertBorders(session, cols, rows, "the search view");
      session.send("\x1b");
      await session.waitFor((s) => !seen(s).includes(rtl("الحسابات")), "the search closed");
      if (!NO_POLICY) {
        session.send(":");
        session.send("policy", "Enter");
        await session.waitFor((s) => seen(s).includes(rtl("من لا تتابعهم")), "the policy");
        await assertBorders(session, cols, rows, "the policy panel");
        session.send("\x1b");
      }
      session.send("q");
      assert.equal(await session.waitForExit(), 0);
    });
  }
});
