import assert from "node:assert/strict";
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, test } from "node:test";
import { DraftStore, newDraft } from "../../src/compose/drafts.js";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "tootty-drafts-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe("drafts", () => {
  test("a saved draft comes back with all its fields", () => {
    const store = new DraftStore(dir);
    const draft = newDraft({
      text: "hello 👋\nworld",
      spoiler: "cw",
      visibility: "unlisted",
      language: "en",
      sensitive: true,
      inReplyToId: "109",
      media: [{ id: "m1", description: "a cat" }],
      poll: { options: ["a", "b"], expiresIn: 3600, multiple: false },
      scheduledAt: "2026-12-01T09:00:00.000Z",
    });
    const saved = store.save(draft);
    assert.deepEqual(store.load(draft.id), saved);
  });

  test("draft files are private (0600) in a private directory", () => {
    const store = new DraftStore(join(dir, "drafts"));
    const d = newDraft({ text: "secret" });
    store.save(d);
    assert.equal(statSync(join(dir, "drafts", `${d.id}.json`)).mode & 0o777, 0o600);
    assert.equal(statSync(join(dir, "drafts")).mode & 0o777, 0o700);
  });

  test("a crash mid-write leaves the previous version intact and the temp file is ignored", () => {
    const store = new DraftStore(dir);
    const d = store.save(newDraft({ text: "typed before the crash" }));
    // What a kill -9 during the next write leaves behind: a half-written temp file.
    writeFileSync(join(dir, `${d.id}.json.4242.abc.tmp`), '{"id":"', { mode: 0o600 });
    const listed = store.list();
    assert.equal(listed.length, 1);
    assert.equal(listed[0]!.text, "typed before the crash");
  });

  test("each save replaces the file, leaving no temp files", () => {
    const store = new DraftStore(dir);
    const d = newDraft();
    for (const text of ["h", "he", "hel"]) store.save({ ...d, text });
    assert.deepEqual(readdirSync(dir), [`${d.id}.json`]);
    assert.equal(store.load(d.id)!.text, "hel");
  });

  test("the idempotency key is made once and survives saving and loading", () => {
    const store = new DraftStore(dir);
    const d = newDraft({ text: "x" });
    store.save({ ...d, text: "xy" });
    assert.equal(store.load(d.id)!.idempotencyKey, d.idempotencyKey);
    assert.notEqual(d.idempotencyKey, newDraft().idempotencyKey);
  });

  test("list shows the newest first and remove deletes", () => {
    let t = Date.parse("2026-01-01T00:00:00Z");
    const tick = () => {
      t += 1000;
      return new Date(t);
    };
    const store = new DraftStore(dir, tick);
    const a = store.save(newDraft({ text: "a" }));
    const b = store.save(newDraft({ text: "b" }));
    assert.deepEqual(
      store.list().map((d) => d.text),
      ["b", "a"],
    );
    store.remove(b.id);
    assert.deepEqual(
      store.list().map((d) => d.id),
      [a.id],
    );
  });

  test("a damaged draft file is skipped, not fatal", () => {
    const store = new DraftStore(dir);
    writeFileSync(join(dir, "broken.json"), "{not json");
    store.save(newDraft({ text: "fine" }));
    assert.deepEqual(
      store.list().map((d) => d.text),
      ["fine"],
    );
  });

  test("ids that would escape the directory are refused", () => {
    const store = new DraftStore(dir);
    assert.throws(() => store.load("../../etc/passwd"));
  });

  test("a store whose directory does not exist yet lists nothing", () => {
    assert.deepEqual(new DraftStore(join(dir, "nope")).list(), []);
  });
});
