// What a pane's items cost beyond the statuses they point at. A pane keeps one item per held
// status (2 000 a pane, three timeline panes by default), for as long as the client runs, so
// a few hundred bytes too many per item are megabytes on a small VPS.
import assert from "node:assert/strict";
import { test } from "node:test";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import type { Status } from "../../src/timeline/store.js";
import { timelinePane } from "../../src/ui/panes/timeline-pane.js";
import { feedSetup } from "../timeline/helpers/feed-setup.js";

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

const status = (i: number) =>
  ({
    id: String(100_000 + i),
    createdAt: new Date(Date.UTC(2026, 11, 1) + i * 1000).toISOString(),
    content: `<p>toot ${i}</p>`,
    account: { id: "1", acct: "a", username: "a", displayName: "" },
    reblog: null,
    mediaAttachments: [],
    mentions: [],
    tags: [],
    emojis: [],
  }) as unknown as Status;

const paneOf = (count: number) => {
  const { feed } = feedSetup("local", { storeSize: count });
  feed.store.applyPage(
    Array.from({ length: count }, (_, i) => status(count - 1 - i)),
    "newer",
  );
  assert.equal(feed.store.items.length, count);
  return timelinePane("Local", feed, "public");
};

/** Heap bytes the first `items()` of a fresh pane of `count` leaves held, per item. */
function bytesPerItem(count: number): number {
  const pane = paneOf(count);
  gc();
  gc();
  const before = process.memoryUsage().heapUsed;
  const items = pane.items();
  gc();
  gc();
  const perItem = (process.memoryUsage().heapUsed - before) / items.length;
  assert.equal(items.length, count);
  assert.equal(items[0]?.kind === "status" && items[0].context, "public");
  // The same items on the next paint: nothing made again.
  assert.equal(pane.items(), items);
  return perItem;
}

test("a pane's 2 000 items cost under 160 bytes each beyond their statuses", () => {
  // The same code run once first, so what it compiles is not counted.
  bytesPerItem(50);
  // An item, its slot in the list and its entry in the pane's WeakMap: ~120 bytes written
  // out, ~300 spread. What a collection leaves behind only adds: the least of three counts.
  const perItem = Math.min(bytesPerItem(2000), bytesPerItem(2000), bytesPerItem(2000));
  assert.ok(perItem < 160, `${perItem.toFixed(0)} bytes an item`);
});
