import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { type Status, TimelineStore } from "../../src/timeline/store.js";

const EPOCH = Date.UTC(2026, 0, 1);
/** A status created `id` seconds after the epoch, as a Mastodon server numbers them. */
function status(id: string, extra: Partial<Status> = {}): Status {
  const createdAt = new Date(EPOCH + Number(id) * 1000).toISOString();
  return { id, createdAt, content: `<p>${id}</p>`, reblog: null, ...extra } as unknown as Status;
}
/** A status with an id of any server's kind, created at `at`. */
function at(id: string, iso: string): Status {
  return { id, createdAt: iso, content: "<p></p>", reblog: null } as unknown as Status;
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

  test("orders by created_at, never by the ids' length or spelling", () => {
    const store = new TimelineStore();
    // Pleroma keeps old numeric ids next to newer base62 FlakeIds; a Hollo UUIDv7; a ULID.
    store.applyUpdate(at("9zzzzzzzzzzzzzzzzz", "2026-01-01T10:00:00.000Z"));
    store.applyUpdate(at("12345", "2026-01-01T10:00:01.000Z"));
    store.applyUpdate(at("01a233ed-ee69-7000-a151-ba0043837000", "2026-01-01T09:00:00.000Z"));
    store.applyUpdate(at("01HZX0000000000000000000AB", "2026-01-01T11:00:00.000Z"));
    assert.deepEqual(ids(store), [
      "01HZX0000000000000000000AB",
      "12345",
      "9zzzzzzzzzzzzzzzzz",
      "01a233ed-ee69-7000-a151-ba0043837000",
    ]);
  });

  test("statuses of one moment keep the order the server sent them in", () => {
    const store = new TimelineStore();
    const t = "2026-01-01T10:00:00.000Z";
    store.applyPage([at("b", t), at("c", t), at("a", t)], "initial");
    assert.deepEqual(ids(store), ["b", "c", "a"]);
    store.applyUpdate(at("z", t));
    assert.equal(ids(store)[0], "z", "a streamed status is the newest arrival");
  });
});

describe("an older page whose toots share a time with the oldest held", () => {
  test("goes below them, in the server's order, so the bottom is still the oldest", () => {
    const at = "2026-12-01T10:00:00.000Z";
    const s = (id: string) => ({ id, createdAt: at }) as unknown as Status;
    const store = new TimelineStore();
    store.applyPage([s("h1"), s("h2"), s("h3")], "initial");
    store.applyPage([s("o1"), s("o2")], "older");
    assert.deepEqual(
      store.items
        .filter((i) => i.kind === "status")
        .map((i) => (i as { status: Status }).status.id),
      ["h1", "h2", "h3", "o1", "o2"],
    );
  });
});
