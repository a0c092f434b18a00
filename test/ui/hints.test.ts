// Hint lines are built from the keymap in force: the user's keys, named as people write them,
// and a piece whose keys are all unbound is left out rather than naming nothing.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { type Action, defaultKeymap, type Keymap } from "../../src/config/keymap.js";
import { BACK, hintLine, keyLabel } from "../../src/ui/shell/hints.js";

const keysOf = (map: Keymap) => (action: Action) => map[action];

describe("hint lines", () => {
  test("name the table's keys as people write them", () => {
    assert.deepEqual(
      ["escape", "enter", "S-tab", "C-d", "M-x", "f1", "pagedown", "J", "?"].map(keyLabel),
      ["Esc", "Enter", "Shift-Tab", "Ctrl-d", "Alt-x", "F1", "PgDn", "J", "?"],
    );
  });

  test("follow a remap, and leave out a piece whose action has no key", () => {
    const defaults = defaultKeymap();
    const parts = [["hint.move", "down", "up"], ["hint.quit", "quit"], BACK] as const;
    assert.equal(hintLine(keysOf(defaults), parts, "  "), "j/k move  q quit  Esc back");
    const remapped = { ...defaults, down: ["C-n"], up: [], quit: [], back: ["x", "escape"] };
    assert.equal(hintLine(keysOf(remapped), parts), "Ctrl-n move · x back");
    assert.equal(hintLine(keysOf(remapped), ["1-9 open", BACK]), "1-9 open · x back");
  });
});
