import assert from "node:assert/strict";
import { test } from "node:test";
import { parseCommand } from "../../src/cli/args.js";
import { validateSettings } from "../../src/config/settings.js";
import { chooseBidi, EXPLICIT_MODE, IMPLICIT_MODE } from "../../src/ui/terminal/bidi.js";

const ROWS: Array<[string, "auto" | "visual" | "terminal", NodeJS.ProcessEnv, string]> = [
  // [what, setting, environment, who reorders: "tootty", "tootty+explicit" or "terminal"]
  ["xterm", "auto", { TERM: "xterm-256color" }, "tootty"],
  ["kitty", "auto", { TERM: "xterm-kitty" }, "tootty"],
  [
    "GNOME Terminal (VTE 0.76)",
    "auto",
    { TERM: "xterm-256color", VTE_VERSION: "7600" },
    "tootty+explicit",
  ],
  ["VTE before BiDi (0.52)", "auto", { TERM: "xterm-256color", VTE_VERSION: "5202" }, "tootty"],
  ["Konsole", "auto", { TERM: "xterm-256color", KONSOLE_VERSION: "230804" }, "terminal"],
  ["mlterm", "auto", { TERM: "mlterm", MLTERM: "3.9.3" }, "terminal"],
  ["iTerm2 (bidi is an option)", "auto", { TERM_PROGRAM: "iTerm.app" }, "tootty"],
  ["WezTerm (bidi_enabled is an option)", "auto", { TERM_PROGRAM: "WezTerm" }, "tootty"],
  [
    "tmux inside Konsole",
    "auto",
    { TMUX: "/tmp/tmux-0/default,1,0", TERM: "tmux-256color", KONSOLE_VERSION: "230804" },
    "tootty",
  ],
  [
    "tmux inside VTE: the mode cannot reach it",
    "auto",
    { TMUX: "/tmp/x,1,0", TERM: "screen-256color", VTE_VERSION: "7600" },
    "tootty",
  ],
  ["GNU screen", "auto", { STY: "123.pts-0.host", TERM: "screen", KONSOLE_VERSION: "1" }, "tootty"],
  ["bidi: visual in Konsole", "visual", { KONSOLE_VERSION: "230804" }, "tootty"],
  [
    "bidi: visual in VTE still switches it off",
    "visual",
    { VTE_VERSION: "7600" },
    "tootty+explicit",
  ],
  ["bidi: terminal in xterm", "terminal", { TERM: "xterm" }, "terminal"],
  ["bidi: terminal in VTE", "terminal", { VTE_VERSION: "7600" }, "terminal"],
];

for (const [what, setting, env, who] of ROWS) {
  test(`bidi ${setting}, ${what}: ${who} reorders`, () => {
    const c = chooseBidi(setting, env);
    const got = c.reorder ? (c.enter ? "tootty+explicit" : "tootty") : "terminal";
    assert.equal(got, who);
    // Never both: the terminal's own bidi is left on only where tootty does not reorder.
    if (c.enter) assert.deepEqual([c.enter, c.leave], [EXPLICIT_MODE, IMPLICIT_MODE]);
    else assert.equal(c.leave, "");
  });
}

test("the setting and the flag", () => {
  assert.equal(validateSettings({}).settings.bidi, "auto");
  assert.equal(validateSettings({ bidi: "terminal" }).settings.bidi, "terminal");
  const bad = validateSettings({ bidi: "rtl" });
  assert.equal(bad.settings.bidi, "auto");
  assert.ok(
    bad.warnings.some((w) => w.includes("bidi")),
    bad.warnings.join("\n"),
  );
  assert.deepEqual(parseCommand(["--bidi", "visual"]), {
    kind: "tui",
    demo: false,
    bidi: "visual",
  });
  assert.equal(parseCommand(["--bidi", "sideways"]).kind, "usage-error");
});
