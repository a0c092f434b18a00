import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { computeLayout } from "../../src/ui/layout.js";

describe("computeLayout", () => {
  test("three panes sit side by side at 160 columns and fill the width exactly", () => {
    const layout = computeLayout(160, 45, 3, 0);
    assert.equal(layout.mode, "columns");
    const widths = layout.panes.map((p) => p!.width);
    assert.equal(
      widths.reduce((a, b) => a + b, 0),
      160,
    );
    assert.deepEqual(
      layout.panes.map((p) => p!.left),
      [0, widths[0], widths[0]! + widths[1]!],
    );
    assert.equal(layout.statusBar.top, 44);
  });

  test("below 120 columns only the active pane is shown, under a tab bar", () => {
    const layout = computeLayout(80, 24, 3, 1);
    assert.equal(layout.mode, "tabs");
    assert.equal(layout.panes[0], null);
    assert.deepEqual(layout.panes[1], { left: 0, top: 1, width: 80, height: 22 });
    assert.ok(layout.tabBar);
  });

  test("a tiny terminal gets the too-small screen instead of broken panes", () => {
    assert.equal(computeLayout(30, 8, 3, 0).mode, "too-small");
  });
});
