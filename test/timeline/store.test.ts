import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { type Status, TimelineStore } from "../../src/timeline/store.js";

function status(id: string, extra: Partial<Status> = {}): Status {
  return { id, content: `<p>${id}</p>`, reblog: null, ...extra } as unknown as Status;
}
function boost(id: string, of: Status): Status {
  return status(id, { reblog: of });
}
const ids = (store: TimelineStore) =>
  store.items.map((i) => (i.kind === "gap" ? `gap>${i.afterId}` : i.id));

describe("TimelineStore", () => {
  test("keeps statuses newest first whatever order they arrive in", () => {
    const store = new TimelineStore();
    for (const id of ["5", "12", "9", "100"]) store.applyUpdate(status(id));
    assert.deepEqual(ids(store), ["100", "12", "9", "5"]);
    assert.equal(store.newestId(), "100");
    assert.equal(store.oldestId(), "5");
  });

  test("shows a status once even when the stream and a page both deliver it", () => {
    const store = new TimelineStore();
    store.applyUpdate(status("7"));
    const added = store.applyPage([status("8"), status("7"), status("6")], "newer");
    assert.equal(added, 2);
    assert.deepEqual(ids(store), ["8", "7", "6"]);
  });

  test("a delete removes the status and every boost of it", () => {
    const store = new TimelineStore();
    const orig = status("10");
    store.applyPage([orig, boost("20", orig), boost("30", orig), status("25")], "initial");
    store.applyDelete("10");
    assert.deepEqual(ids(store), ["25"]);
  });

  test("an edit replaces the status in place and inside its boosts", () => {
    const store = new TimelineStore();
    const orig = status("10");
    store.applyPage([orig, boost("20", orig)], "initial");
    const v = store.version;
    store.applyStatusUpdate(status("10", { content: "<p>edited</p>" }));
    assert.equal(store.get("10")?.content, "<p>edited</p>");
    assert.equal(store.get("20")?.reblog?.content, "<p>edited</p>");
    assert.deepEqual(ids(store), ["20", "10"]);
    assert.ok(store.version > v);
  });

  test("an edit of a status we do not hold changes nothing", () => {
    const store = new TimelineStore();
    store.applyUpdate(status("1"));
    const v = store.version;
    assert.equal(store.applyStatusUpdate(status("2")), false);
    assert.equal(store.version, v);
  });

  test("stays bounded by dropping the oldest", () => {
    const store = new TimelineStore({ maxSize: 3 });
    for (let i = 1; i <= 6; i++) store.applyUpdate(status(String(i)));
    assert.deepEqual(ids(store), ["6", "5", "4"]);
    assert.equal(store.has("1"), false);
  });

  test("a gap row sits just above the newest status below the hole, and can be closed", () => {
    const store = new TimelineStore();
    store.applyPage([status("3"), status("2"), status("1")], "initial");
    store.insertGap("3");
    store.applyPage([status("90"), status("91")], "newer");
    assert.deepEqual(ids(store), ["91", "90", "gap>3", "3", "2", "1"]);
    store.applyPage([status("4"), status("5")], "newer");
    store.updateGap("3", { afterId: "5" });
    assert.deepEqual(ids(store), ["91", "90", "gap>5", "5", "4", "3", "2", "1"]);
    store.updateGap("5", null);
    assert.deepEqual(ids(store), ["91", "90", "5", "4", "3", "2", "1"]);
  });

  test("orders 19-digit ids correctly", () => {
    const store = new TimelineStore();
    store.applyUpdate(status("1099511627776123456"));
    store.applyUpdate(status("1099511627776123457"));
    store.applyUpdate(status("999999999999999999"));
    assert.deepEqual(ids(store), [
      "1099511627776123457",
      "1099511627776123456",
      "999999999999999999",
    ]);
  });
});
