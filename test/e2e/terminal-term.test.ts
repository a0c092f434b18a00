// Every common TERM starts, draws readable borders and quits cleanly; LANG=C draws ASCII
// only; NO_COLOR sends no colour at all.
import assert from "node:assert/strict";
import { after, describe, test } from "node:test";
import { captureWithColours, killAll, startTootty } from "../ui/terminal-harness.js";

after(killAll);

const TERMS = ["xterm-256color", "screen-256color", "tmux-256color", "xterm", "linux", "vt100"];
// Colour SGR parameters: 30–37, 39, 40–47, 49, 90–97, 100–107, 38;… and 48;…
const COLOUR_SGR = /\x1b\[(?:[\d;]*;)?(?:3[0-8]|4[0-8]|9[0-7]|10[0-7])(?:[;m])/;

describe("every common TERM", { concurrency: 3 }, () => {
  for (const term of TERMS) {
    test(`${term}: starts, draws box borders (not ACS letters), quits cleanly`, async () => {
      const { session } = await startTootty({ cols: 100, rows: 30, env: { TERM: term } });
      const screen = await session.waitFor(
        (s) => s.includes("Home ·") && s.includes("@"),
        `panes under TERM=${term}`,
      );
      const rows = screen.split("\n");
      const top = rows.findIndex((r) => r.startsWith("┌"));
      assert.ok(top >= 0 && rows[top]!.trimEnd().endsWith("┐"), `a top border:\n${screen}`);
      assert.ok(rows[top + 1]!.startsWith("│"), `a side border:\n${screen}`);
      assert.ok(!/lqq|qqk|mqq/.test(screen), `no alternate-charset letters:\n${screen}`);
      session.send("q");
      assert.equal(await session.waitForExit(), 0);
      assert.equal(session.terminalRestored().alternateScreen, false);
    });
  }
});

describe("locale and colour", { concurrency: 2 }, () => {
  test("LANG=C draws ASCII borders and symbols, with no byte outside ASCII", async () => {
    const { session } = await startTootty({
      cols: 100,
      rows: 30,
      env: { LANG: "C", LC_ALL: "", LC_CTYPE: "", TERM: "xterm-256color" },
    });
    const screen = await session.waitFor(
      (s) => s.includes("Home - ") && s.includes("@"),
      "panes in the C locale",
    );
    assert.match(screen, /^\+- Home - /m, `ASCII top border:\n${screen}`);
    const nonAscii = screen.match(/[^\x00-\x7f]/g) ?? [];
    assert.deepEqual(nonAscii, [], `only ASCII on screen:\n${screen}`);
    session.send("q");
    assert.equal(await session.waitForExit(), 0);
  });

  test("NO_COLOR sends no colour, while the default does", async () => {
    const plain = await startTootty({ cols: 100, rows: 30, env: { NO_COLOR: "1" } });
    const coloured = await startTootty({ cols: 100, rows: 30 });
    for (const { session } of [plain, coloured])
      await session.waitFor((s) => s.includes("Home ·") && s.includes("@"), "panes");
    assert.ok(
      !COLOUR_SGR.test(captureWithColours(plain.session)),
      `colour with NO_COLOR:\n${JSON.stringify(captureWithColours(plain.session).slice(0, 600))}`,
    );
    assert.ok(COLOUR_SGR.test(captureWithColours(coloured.session)), "colour by default");
    for (const { session } of [plain, coloured]) {
      session.send("q");
      assert.equal(await session.waitForExit(), 0);
    }
  });
});
