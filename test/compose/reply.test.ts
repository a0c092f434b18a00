import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { editPrefill, type ReplyParent, replyPrefill } from "../../src/compose/reply.js";

function status(over: Partial<ReplyParent> = {}): ReplyParent {
  return {
    id: "1001",
    visibility: "unlisted",
    spoilerText: "",
    language: "en",
    account: { acct: "alice@example.social" },
    mentions: [],
    ...over,
  };
}

describe("reply prefill", () => {
  test("mentions the author and everyone mentioned, once each, minus me", () => {
    const p = replyPrefill(
      status({
        mentions: [
          { acct: "me" },
          { acct: "bob" },
          { acct: "Alice@example.social" },
          { acct: "carol@x.org" },
        ],
      }),
      "me",
    );
    assert.equal(p.text, "@alice@example.social @bob @carol@x.org ");
    assert.equal(p.inReplyToId, "1001");
  });

  test("replying to my own toot does not mention me", () => {
    const p = replyPrefill(
      status({ account: { acct: "me" }, mentions: [{ acct: "bob" }] }),
      "me@my.instance",
    );
    assert.equal(p.text, "@bob ");
  });

  test("keeps the parent's visibility and CW", () => {
    const p = replyPrefill(status({ visibility: "private", spoilerText: "politics" }), "me");
    assert.equal(p.visibility, "private");
    assert.equal(p.spoiler, "politics");
  });

  test("a boost is answered by replying to the boosted toot", () => {
    const original = status({ id: "7", account: { acct: "dave@far.away" } });
    const p = replyPrefill(
      status({ id: "8", account: { acct: "booster" }, reblog: original }),
      "me",
    );
    assert.equal(p.inReplyToId, "7");
    assert.equal(p.text, "@dave@far.away ");
  });

  test("hostile accts and control characters from the server are dropped", () => {
    const p = replyPrefill(
      status({
        spoilerText: "cw\u001b]52;c;evil\u0007",
        mentions: [{ acct: "x\u009b2J" }, { acct: "ok" }],
      }),
      "me",
    );
    assert.equal(p.text, "@alice@example.social @ok ");
    // The whole OSC 52 sequence goes, not just its ESC and BEL.
    assert.equal(p.spoiler, "cw");
  });

  test("a bidi override in the parent's CW cannot reverse the composer's field line", () => {
    const p = replyPrefill(status({ spoilerText: "spoiler ‮gnp.exe" }), "me");
    assert.ok(!/[\u202a-\u202e\u2066-\u2069]/.test(p.spoiler), JSON.stringify(p.spoiler));
    assert.match(p.spoiler, /spoiler/);
  });
});

describe("edit prefill", () => {
  test("an edit starts from the toot's source and remembers its id", () => {
    const d = editPrefill(
      {
        id: "55",
        visibility: "public",
        sensitive: true,
        language: "fr",
        inReplyToId: null,
        mediaAttachments: [{ id: "m9", description: null }],
      },
      { text: "bonjour @bob@x.org", spoilerText: "cw" },
    );
    assert.deepEqual(d, {
      text: "bonjour @bob@x.org",
      spoiler: "cw",
      visibility: "public",
      sensitive: true,
      language: "fr",
      inReplyToId: null,
      editingStatusId: "55",
      media: [{ id: "m9", description: "" }],
    });
  });
});
