// changedStatus: what a shown status becomes after a change, for every way a status is shown.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { quoteView } from "../../src/render/quote.js";
import { changedStatus, idsInside } from "../../src/timeline/status-change.js";
import type { Status } from "../../src/timeline/store.js";

const status = (id: string, extra: Record<string, unknown> = {}) =>
  ({ id, content: `<p>${id}</p>`, reblog: null, ...extra }) as unknown as Status;
const quoting_ = (id: string, quotedStatus: Status) =>
  status(id, {
    quote: { state: "accepted", quotedStatus: { ...quotedStatus, account: { id: "a9" } } },
  });
const quoting = (id: string, quotedStatus: Status) =>
  status(id, { quote: { state: "accepted", quotedStatus } });

describe("changedStatus", () => {
  test("an edit replaces the status, the original inside a boost, and a quoted post", () => {
    const edit = status("9", { content: "<p>edited</p>" });
    const change = { kind: "edit", status: edit } as const;
    assert.equal(changedStatus(status("9"), change)?.content, "<p>edited</p>");
    assert.equal(
      changedStatus(status("10", { reblog: status("9") }), change)?.reblog?.content,
      "<p>edited</p>",
    );
    const q = changedStatus(quoting("11", status("9")), change) as {
      quote?: { quotedStatus?: Status };
    };
    assert.equal(q.quote?.quotedStatus?.content, "<p>edited</p>");
    const inBoost = changedStatus(status("12", { reblog: quoting("11", status("9")) }), change);
    assert.equal(
      (inBoost?.reblog as { quote?: { quotedStatus?: Status } } | undefined)?.quote?.quotedStatus
        ?.content,
      "<p>edited</p>",
    );
    const other = status("13");
    assert.equal(changedStatus(other, change), other, "untouched: the same object");
  });

  test("a streamed edit without the viewer's fields keeps the favourite and the bookmark", () => {
    const shown = status("9", { favourited: true, bookmarked: true });
    const next = changedStatus(shown, {
      kind: "edit",
      status: status("9", { content: "<p>e</p>" }),
    });
    assert.equal(next?.favourited, true);
    assert.equal(next?.bookmarked, true);
    assert.equal(next?.content, "<p>e</p>");
  });

  test("a delete removes the status and its boosts; a quote of it says it was deleted", () => {
    const change = { kind: "delete", id: "9" } as const;
    assert.equal(changedStatus(status("9"), change), null);
    assert.equal(changedStatus(status("10", { reblog: status("9") }), change), null);
    const q = changedStatus(quoting("11", status("9")), change) as {
      quote?: { state?: string; quotedStatus?: Status | null };
    };
    assert.equal(q.quote?.state, "deleted");
    assert.equal(q.quote?.quotedStatus, null);
  });

  test("a patch sets only its fields and moves counts, never below zero", () => {
    const shown = status("9", { favourited: false, favouritesCount: 0, content: "<p>new</p>" });
    const on = changedStatus(shown, {
      kind: "patch",
      id: "9",
      set: { favourited: true },
      adjust: { favouritesCount: 1 },
    });
    assert.deepEqual([on?.favourited, on?.favouritesCount, on?.content], [true, 1, "<p>new</p>"]);
    const off = changedStatus(shown, {
      kind: "patch",
      id: "9",
      set: { favourited: false },
      adjust: { favouritesCount: -1 },
    });
    assert.equal(off?.favouritesCount, 0);
  });

  // Akkoma's `quote` is the quoted Status itself (status_view.ex), not Mastodon's Quote.
  const akkomaQuoting = (id: string, quoted: Status) =>
    status(id, { quote: { ...quoted, account: { id: "a9" } }, quoteId: quoted.id });
  const drawn = (s: Status | null) => {
    const view = quoteView(s as never);
    return view.kind === "status" ? view.status.content : view.kind === "notice" ? view.text : "";
  };

  test("Akkoma: an edit of the quoted post reaches the toot quoting it, a delete says so", () => {
    const quoting = akkomaQuoting("11", status("9"));
    assert.deepEqual(idsInside(quoting), ["9"]);
    const edit = status("9", { content: "<p>edited</p>", account: { id: "a9" } });
    assert.equal(drawn(changedStatus(quoting, { kind: "edit", status: edit })), "<p>edited</p>");
    const inBoost = changedStatus(status("12", { reblog: quoting }), {
      kind: "edit",
      status: edit,
    });
    assert.equal(drawn(inBoost?.reblog ?? null), "<p>edited</p>");
    const gone = changedStatus(quoting, { kind: "delete", id: "9" });
    assert.equal(
      drawn(gone),
      drawn(changedStatus(quoting_("11", status("9")), { kind: "delete", id: "9" })),
    );
    assert.notEqual(drawn(gone), "<p>9</p>");
  });

  test("Akkoma: blocking the quoted author hides the quote as on Mastodon", () => {
    const quoting = akkomaQuoting("11", status("9"));
    const next = changedStatus(quoting, { kind: "account-hidden", accountId: "a9", by: "block" });
    assert.ok(next, "the quoting toot stays");
    assert.notEqual(drawn(next), "<p>9</p>");
    assert.equal((next as { quote?: { state?: string } }).quote?.state, "blocked_account");
  });

  test("idsInside names the boosted original and quoted posts, nothing deeper", () => {
    const deep = quoting("2", quoting("1", status("0")));
    assert.deepEqual(idsInside(status("5", { reblog: deep })), ["2", "1"]);
  });
});
