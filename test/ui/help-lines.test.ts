// The `?` help names keys as the hints do (the keymap in force, "Ctrl-d" not "C-d"), and in
// the Arabic interface, where tootty does the bidi, each row reads right to left against
// the right edge: the keys on the right, what they do to their left.
import assert from "node:assert/strict";
import { afterEach, before, describe, test } from "node:test";
import { defaultKeymap } from "../../src/config/keymap.js";
import { loadLanguage, setLocale } from "../../src/i18n/index.js";
import { cellWidth, setVisualBidi } from "../../src/render/index.js";
import { helpLines } from "../../src/ui/overlays/text-views.js";
import { rtl, seen } from "../helpers/arabic.js";

// The Arabic catalogue loads when Arabic is chosen (as tootty does at start-up).
before(() => loadLanguage("ar"));

const WIDTH = 76;

describe("the ? help", () => {
  afterEach(() => {
    setLocale("en");
    setVisualBidi(false);
  });

  test("names the keys as the hints name them, from the keymap in force", () => {
    const lines = helpLines({ ...defaultKeymap(), halfPageDown: ["C-f", "pagedown"] }, WIDTH);
    const row = lines.find((l) => l.includes("half a page down"));
    assert.match(row ?? "", /^Ctrl-f, PgDn +half a page down$/, lines.join("\n"));
    assert.ok(
      lines.some((l) => /^Shift-Tab +previous pane$/.test(l)),
      lines.join("\n"),
    );
    assert.ok(!lines.some((l) => /\b(C-[a-z]|S-tab|pagedown|escape)\b/.test(l)), lines.join("\n"));
    assert.ok(lines.every((l) => cellWidth(l) <= WIDTH));
  });

  test("in Arabic each row runs right to left against the right edge, keys rightmost", () => {
    setLocale("ar");
    setVisualBidi(true);
    const lines = helpLines(defaultKeymap(), WIDTH);
    const rows = lines.filter((l) => l.trim() !== "");
    for (const row of rows) assert.equal(cellWidth(row), WIDTH, `against the right edge: ${row}`);
    // The words are shaped presentation forms in visual order; the keys one left-to-right unit.
    const halfPage = rows.find((l) => l.endsWith(" Ctrl-d، PgDn"));
    assert.ok(halfPage, `the keys on the right, as the hints name them:\n${lines.join("\n")}`);
    assert.match(seen(halfPage!), new RegExp(`^ +${rtl("نصف صفحة للأسفل")} +Ctrl-d، PgDn$`));
    // A command keeps its order, its placeholder in Arabic.
    assert.ok(
      rows.some((l) => seen(l).includes(`:tag ${rtl("الاسم")}`)),
      `a command left to right:\n${lines.join("\n")}`,
    );
  });
});
