import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, test } from "node:test";
import { DraftStore, newDraft } from "../../src/compose/drafts.js";
import { createEditor } from "../../src/compose/editor.js";
import {
  checkDraft,
  type PostingApi,
  type PostParams,
  submitDraft,
} from "../../src/compose/post.js";
import { view } from "../../src/compose/view.js";

/** A server that honours Idempotency-Key, and can lose its answer after storing a toot. */
function fakeServer() {
  const byKey = new Map<string, string>();
  const statuses: { id: string; params: PostParams }[] = [];
  const seenKeys: string[] = [];
  let dropNextAnswer = false;
  let rejectWith: { status: number; serverMessage: string } | null = null;
  const api: PostingApi = {
    // Like Mastodon, this server returns the first toot for a repeated key.
    resendIsSafe: () => true,
    async postStatus(params, key) {
      seenKeys.push(key);
      if (rejectWith) throw Object.assign(new Error("HTTP"), rejectWith);
      let id = byKey.get(key);
      if (!id) {
        id = String(100 + statuses.length);
        statuses.push({ id, params });
        byKey.set(key, id);
      }
      if (dropNextAnswer) {
        dropNextAnswer = false;
        throw Object.assign(new Error("network error: socket hang up"), { name: "NetworkError" });
      }
      return { id };
    },
    async editStatus(id) {
      return { id };
    },
  };
  return {
    api,
    statuses,
    seenKeys,
    dropNextAnswer: () => {
      dropNextAnswer = true;
    },
    rejectNext: (r: { status: number; serverMessage: string }) => {
      rejectWith = r;
    },
  };
}

describe("posting a draft", () => {
  test("a retry after a lost answer reuses the key, so the toot exists once", async () => {
    const server = fakeServer();
    const dir = mkdtempSync(join(tmpdir(), "tootty-post-"));
    try {
      const store = new DraftStore(dir);
      const draft = store.save(newDraft({ text: "hello fediverse" }));
      server.dropNextAnswer();
      const first = await submitDraft(draft, server.api, 500, { store });
      assert.equal(first.ok, false);
      assert.equal(first.ok === false && first.retryable, true);
      const kept = store.load(draft.id);
      assert.ok(kept, "the draft survives a failed post");
      const second = await submitDraft(kept, server.api, 500, { store });
      assert.deepEqual(second, { ok: true, id: "100" });
      assert.equal(server.statuses.length, 1);
      assert.deepEqual(server.seenKeys, [draft.idempotencyKey, draft.idempotencyKey]);
      assert.equal(store.load(draft.id), null, "success deletes the draft");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test("where a repeat is not known to be safe, a lost answer says the toot may be out and keeps the draft", async () => {
    const server = fakeServer();
    const api: PostingApi = { ...server.api, resendIsSafe: () => false };
    let removed = false;
    server.dropNextAnswer();
    const result = await submitDraft(newDraft({ text: "once" }), api, 500, {
      store: { remove: () => (removed = true) },
    });
    assert.equal(result.ok, false);
    assert.equal(result.ok === false && result.kind, "unknown");
    assert.match(result.ok === false ? result.message : "", /May have been posted/);
    assert.doesNotMatch(result.ok === false ? result.message : "", /again is safe/);
    assert.equal(removed, false);
    assert.equal(server.statuses.length, 1);
  });

  test("an over-limit draft is refused with the count, and nothing is sent", async () => {
    const server = fakeServer();
    const result = await submitDraft(
      newDraft({ text: "a".repeat(498), spoiler: "cw!" }),
      server.api,
      500,
    );
    assert.equal(result.ok, false);
    assert.match(result.ok ? "" : result.message, /501\/500/);
    assert.equal(server.seenKeys.length, 0);
  });

  test("URLs count 23 toward the limit, so a long link fits", async () => {
    const server = fakeServer();
    const text = `${"a".repeat(470)} https://example.com/${"x".repeat(200)}`;
    const result = await submitDraft(newDraft({ text }), server.api, 500);
    assert.equal(result.ok, true);
  });

  test("the server's 422 text is shown and the draft is kept", async () => {
    const server = fakeServer();
    const dir = mkdtempSync(join(tmpdir(), "tootty-post-"));
    try {
      const store = new DraftStore(dir);
      const draft = store.save(newDraft({ text: "hi" }));
      server.rejectNext({ status: 422, serverMessage: "Validation failed: Text\u001b[31m is bad" });
      const result = await submitDraft(draft, server.api, 500, { store });
      assert.equal(result.ok, false);
      assert.equal(result.ok === false && result.kind, "rejected");
      assert.equal(
        result.ok === false && result.message,
        "Not posted: Validation failed: Text is bad",
      );
      assert.ok(store.load(draft.id));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test("an empty draft is not posted", async () => {
    const result = await submitDraft(newDraft({ text: "  \n" }), fakeServer().api, 500);
    assert.equal(result.ok === false && result.kind, "empty");
  });

  test("the draft's fields become the post's parameters", async () => {
    const server = fakeServer();
    await submitDraft(
      newDraft({
        text: "@a reply",
        spoiler: "food",
        visibility: "private",
        language: "de",
        inReplyToId: "77",
        media: [{ id: "m1", description: "soup" }],
        poll: { options: ["y", "n"], expiresIn: 3600, multiple: false },
        scheduledAt: "2026-12-01T09:00:00.000Z",
      }),
      server.api,
      500,
    );
    assert.deepEqual(server.statuses[0]!.params, {
      status: "@a reply",
      spoilerText: "food",
      visibility: "private",
      sensitive: false,
      language: "de",
      inReplyToId: "77",
      mediaIds: ["m1"],
      poll: { options: ["y", "n"], expiresIn: 3600, multiple: false },
      scheduledAt: "2026-12-01T09:00:00.000Z",
    });
  });

  test("an edit goes to editStatus with the toot's id, not a new post", async () => {
    const server = fakeServer();
    const result = await submitDraft(
      newDraft({ text: "fixed typo", editingStatusId: "55" }),
      server.api,
      500,
    );
    assert.deepEqual(result, { ok: true, id: "55" });
    assert.equal(server.statuses.length, 0);
  });

  test("a poll outside the instance's limits is refused before sending", async () => {
    const limits = {
      maxOptions: 4,
      maxCharactersPerOption: 50,
      minExpiration: 300,
      maxExpiration: 2629746,
    };
    const draft = newDraft({
      text: "vote",
      poll: { options: ["a", "b", "c", "d", "e"], expiresIn: 3600, multiple: false },
    });
    const result = await submitDraft(draft, fakeServer().api, 500, { pollLimits: limits });
    assert.equal(result.ok === false && result.message, "A poll may have at most 4 options here");
  });
  test("a refusal for length quotes the count as the composer's counter shows it", () => {
    const text = "a".repeat(10_005);
    const refusal = checkDraft(newDraft({ text }), 10_000);
    assert.equal(refusal?.ok, false);
    const counter = view(createEditor(text), 80, 1, { maxCharacters: 10_000 })
      .status.trim()
      .split(" ")
      .at(-1);
    assert.equal(counter, "10005/10000");
    assert.ok(refusal?.message.includes(counter), `${refusal?.message} quotes ${counter}`);
  });
});
