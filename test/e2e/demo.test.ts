// `tootty --demo` in a real terminal: what a user sees and does in the first minute.
import assert from "node:assert/strict";
import { after, describe, test } from "node:test";
import { NEEDS_STREAM } from "../helpers/e2e.js";
import { findOnScreen, paneLefts } from "../helpers/screen.js";
import { EMULATORS, skipUnlessAvailable } from "../helpers/terminal.js";
import { control, killAll, startTootty } from "../ui/terminal-harness.js";

after(killAll);

for (const emulator of EMULATORS) {
  describe(`tootty --demo at 160×45, in ${emulator}`, {
    skip: skipUnlessAvailable(emulator),
  }, () => {
    test("three live panes fill with toots, a published toot appears in Local, j moves, q restores", {
      skip: NEEDS_STREAM,
    }, async () => {
      const { session, demo } = await startTootty({ cols: 160, rows: 45, emulator });
      const screen = await session.waitFor(
        (s) => s.includes("Home") && s.includes("Local") && s.includes("Federated"),
        "three pane titles",
      );
      // Home, Local and Federated side by side (a Notifications pane may follow them).
      const allLefts = paneLefts(screen);
      assert.ok(allLefts.length >= 3, `panes side by side:\n${screen}`);
      const titleCol = (title: string) =>
        findOnScreen(screen.split("\n")[0] ?? "", title)[0]?.col ?? -1;
      const lefts = allLefts.slice(0, 3);
      assert.ok(
        titleCol("Home") > lefts[0]! && titleCol("Home") < lefts[1]!,
        "Home is the first pane",
      );
      assert.ok(
        titleCol("Local") > lefts[1]! && titleCol("Local") < lefts[2]!,
        "Local is the second",
      );
      assert.ok(titleCol("Federated") > lefts[2]!, "Federated is the third");
      const rightEdge = allLefts[3] ?? 160;

      // Toot text in every pane: a line with an @handle inside each pane's columns.
      const handleColumns = (s: string) =>
        s
          .split("\n")
          .flatMap((line) =>
            [...line.matchAll(/@[A-Za-z0-9_]+/g)].map(
              (m) => findOnScreen(line, m[0])[0]?.col ?? -1,
            ),
          );
      const paneHasToot = (s: string, i: number) => {
        const right = lefts[i + 1] ?? rightEdge;
        return handleColumns(s).some((col) => col > lefts[i]! && col < right);
      };
      await session.waitFor(
        (s) => lefts.every((_, i) => paneHasToot(s, i)),
        "toots in every pane",
        15_000,
      );

      // A status published into public:local shows in the Local pane within 2 s.
      const marker = `marker${Date.now().toString(36)}`;
      // lou is local and not followed by the demo user: the toot belongs in Local (and
      // Federated), never in Home.
      await control(demo, "publish", {
        target: "local",
        status: { account: "lou", spoiler_text: "", content: `<p>hello ${marker}</p>` },
      });
      const inLocal = (s: string) =>
        findOnScreen(s, marker).some((hit) => hit.col > lefts[1]! && hit.col < lefts[2]!);
      const withMarker = await session.waitFor(inLocal, "the marker in the Local pane", 2_000);
      assert.ok(
        findOnScreen(withMarker, marker).every((hit) => hit.col > lefts[1]!),
        "not in Home",
      );

      // j moves the selection mark down in the active (Home) pane.
      await control(demo, "generator", { on: false });
      const markRow = (s: string) =>
        findOnScreen(s, "▌").filter((h) => h.col < lefts[1]!)[0]?.row ?? -1;
      const before = markRow(session.capture());
      assert.ok(before >= 0, "a toot is selected");
      session.send("j");
      await session.waitFor((s) => markRow(s) > before, "selection to move down");

      session.send("q");
      assert.equal(await session.waitForExit(), 0);
      const restored = session.terminalRestored();
      assert.equal(restored.alternateScreen, false, "left the alternate screen");
      assert.equal(restored.cursorVisible, true, "cursor visible again");
    });
  });

  describe(`tootty --demo at 80×24, in ${emulator}`, {
    skip: skipUnlessAvailable(emulator),
  }, () => {
    test("shows one pane at a time with tabs, and 2 switches to Local", async () => {
      const { session } = await startTootty({ cols: 80, rows: 24, emulator });
      const screen = await session.waitFor(
        (s) => s.includes("1 Home") && s.includes("2 Local"),
        "tab bar",
      );
      assert.equal(paneLefts(screen.split("\n").slice(1).join("\n")).length, 1, "one pane");
      await session.waitFor((s) => /Home ·/.test(s), "Home pane title");
      session.send("2");
      await session.waitFor(
        (s) => /Local ·/.test(s) && !/Home ·/.test(s),
        "Local pane after pressing 2",
      );
      session.send("q");
      assert.equal(await session.waitForExit(), 0);
    });
  });
}
