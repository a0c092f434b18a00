import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { computeLayout, MIN_PANE_WIDTH, splitColumns } from "../../src/ui/shell/layout.js";

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

  test("relative widths share the columns in proportion and still fill the screen", () => {
    const layout = computeLayout(200, 40, 3, 0, [2, 1, 1]);
    assert.equal(layout.mode, "columns");
    assert.deepEqual(
      layout.panes.map((p) => p!.width),
      [100, 50, 50],
    );
    assert.deepEqual(
      layout.panes.map((p) => p!.left),
      [0, 100, 150],
    );
  });

  test("falls back to tabs when a narrow share would leave a pane under the minimum", () => {
    // 160 / 3 is wide enough for equal shares, but 4:1:1 leaves the small panes at 26.
    assert.equal(computeLayout(160, 40, 3, 0, [1, 1, 1]).mode, "columns");
    const layout = computeLayout(160, 40, 3, 2, [4, 1, 1]);
    assert.equal(layout.mode, "tabs");
    // The two small panes fit side by side on their own page.
    assert.deepEqual(layout.panes[1], { left: 0, top: 1, width: 80, height: 38 });
    assert.deepEqual(layout.panes[2], { left: 80, top: 1, width: 80, height: 38 });
    assert.equal(layout.panes[0], null);
  });

  test("at 120 columns Home, Local and Federated stay side by side; Notifications is a tab", () => {
    const first = computeLayout(120, 40, 4, 1);
    assert.equal(first.mode, "tabs");
    assert.deepEqual(
      first.panes.map((p) => (p ? p.width : null)),
      [40, 40, 40, null],
    );
    const notifications = computeLayout(120, 40, 4, 3);
    assert.deepEqual(
      notifications.panes.map((p) => (p ? p.width : null)),
      [null, null, null, 120],
    );
  });

  test("a pane added or removed re-splits the screen, and too many panes become tabs", () => {
    assert.equal(computeLayout(160, 40, 4, 0).mode, "columns");
    const five = computeLayout(160, 40, 5, 4);
    assert.equal(five.mode, "tabs", `${Math.floor(160 / 5)} < ${MIN_PANE_WIDTH}`);
    assert.ok(five.panes[4]);
    assert.equal(five.panes.filter((p) => p !== null).length, 1);
    assert.equal(computeLayout(160, 40, 2, 0).panes.length, 2);
  });

  test("column widths always add up to the screen, whatever the shares", () => {
    for (const [cols, shares] of [
      [121, [1, 1, 1]],
      [200, [3, 1.5, 0.25]],
      [163, [1, 2, 3, 4]],
      [150, [0, -1, Number.NaN]],
    ] as const) {
      const widths = splitColumns(cols, shares.length, shares);
      assert.equal(
        widths.reduce((a, b) => a + b, 0),
        cols,
        `${cols} ${shares}`,
      );
    }
    // Nonsense shares count as 1.
    assert.deepEqual(splitColumns(150, 3, [0, -1, Number.NaN]), [50, 50, 50]);
  });
});
