import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { Viewport } from "../../src/ui/panes/viewport.js";

interface Item {
  id: string;
  height: number;
}

const lines = (item: Item) => Array.from({ length: item.height }, (_, i) => `${item.id}:${i}`);
const items = (ids: number[], height = 3): Item[] => ids.map((n) => ({ id: String(n), height }));
const range = (from: number, to: number) => {
  const out: number[] = [];
  for (let n = from; n >= to; n--) out.push(n);
  return out;
};

describe("Viewport", () => {
  test("j moves the selection and scrolls only when the selection would leave the window", () => {
    const v = new Viewport<Item>();
    v.sync(items(range(50, 1)));
    assert.equal(v.selected?.id, "50");
    v.move(1, 10, lines);
    assert.equal(v.selected?.id, "49");
    assert.equal(v.window(10, lines)[0]!.line, "50:0", "two 3-line toots fit without scrolling");
    v.move(2, 10, lines);
    assert.equal(v.selected?.id, "47");
    const rows = v.window(10, lines);
    assert.ok(
      rows.some((r) => r.line === "47:2"),
      "the selected toot is fully visible",
    );
    assert.notEqual(rows[0]!.line, "50:0", "the window scrolled");
  });

  test("new toots at the live edge show at the top while the pane is at the top", () => {
    const v = new Viewport<Item>();
    v.sync(items(range(10, 1)));
    v.sync(items(range(12, 1)));
    assert.equal(v.window(5, lines)[0]!.line, "12:0");
    assert.equal(v.newAbove, 0);
  });

  test("a scrolled pane does not jump when toots arrive: it counts them as new", () => {
    const v = new Viewport<Item>();
    v.sync(items(range(30, 1)));
    v.move(10, 8, lines);
    const before = v.window(8, lines).map((r) => r.line);
    v.sync(items(range(35, 1)));
    assert.deepEqual(
      v.window(8, lines).map((r) => r.line),
      before,
    );
    assert.equal(v.newAbove, 5);
    assert.equal(v.selected?.id, "20");
    v.toTop();
    assert.equal(v.newAbove, 0);
    assert.equal(v.window(8, lines)[0]!.line, "35:0");
  });

  test("deleting the selected toot selects its neighbour instead of losing the place", () => {
    const v = new Viewport<Item>();
    v.sync(items(range(10, 1)));
    v.move(3, 20, lines);
    assert.equal(v.selected?.id, "7");
    v.sync(items([10, 9, 8, 6, 5, 4, 3, 2, 1]));
    assert.equal(v.selected?.id, "6");
  });

  test("only the visible window is rendered, whatever the timeline length", () => {
    const v = new Viewport<Item>();
    v.sync(items(range(10_000, 1)));
    let calls = 0;
    const counting = (item: Item) => {
      calls++;
      return lines(item);
    };
    v.move(5000, 20, counting);
    calls = 0;
    v.window(20, counting);
    assert.ok(calls <= 6, `rendered ${calls} items for a 20-line window`);
  });

  test("G goes to the oldest toot and g back to the newest", () => {
    const v = new Viewport<Item>();
    v.sync(items(range(100, 1)));
    v.toBottom(10, lines);
    assert.equal(v.selected?.id, "1");
    assert.ok(v.window(10, lines).some((r) => r.line === "1:2"));
    v.toTop();
    assert.equal(v.selected?.id, "100");
  });
});
