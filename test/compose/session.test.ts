import assert from "node:assert/strict";
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, test } from "node:test";
import { DraftStore } from "../../src/compose/drafts.js";
import { editExternally } from "../../src/compose/external.js";
import { keysFromString } from "../../src/compose/keys.js";
import type { PostingApi, PostParams } from "../../src/compose/post.js";
import {
  type ComposeDeps,
  ComposeSession,
  type SessionOutcome,
} from "../../src/compose/session.js";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "tootty-session-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Stores by Idempotency-Key like Mastodon; can drop the answer after storing. */
function instance() {
  const posted: PostParams[] = [];
  const byKey = new Map<string, string>();
  let drops = 0;
  const api: PostingApi = {
    // Like Mastodon, this server returns the first toot for a repeated key.
    resendIsSafe: () => true,
    async postStatus(params, key) {
      let id = byKey.get(key);
      if (!id) {
        id = String(posted.length + 1);
        posted.push(params);
        byKey.set(key, id);
      }
      if (drops > 0) {
        drops--;
        throw new Error("socket hang up");
      }
      return { id };
    },
    async editStatus(id) {
      return { id };
    },
  };
  return { api, posted, dropNextAnswer: () => drops++ };
}

function deps(api: PostingApi, over: Partial<ComposeDeps> = {}): ComposeDeps {
  return {
    store: new DraftStore(dir),
    api,
    maxCharacters: 500,
    editExternally: async (t) => t,
    ...over,
  };
}

async function type(session: ComposeSession, keys: string): Promise<SessionOutcome> {
  let last: SessionOutcome = { kind: "open" };
  for (const k of keysFromString(keys)) last = await session.press(k);
  return last;
}

describe("compose session", () => {
  test("typing with vim keys and :wq posts once, even when the first answer is lost", async () => {
    const server = instance();
    const session = ComposeSession.fresh(deps(server.api));
    await type(session, "hello wrold<Esc>bcwworld<Esc>");
    server.dropNextAnswer();
    const first = await type(session, ":wq<CR>");
    assert.equal(first.kind, "open");
    assert.match(session.view(60, 3).status, /Not posted/);
    const second = await type(session, ":wq<CR>");
    assert.deepEqual(second, { kind: "posted", id: "1" });
    assert.equal(server.posted.length, 1);
    assert.equal(server.posted[0]!.status, "hello world");
    assert.deepEqual(new DraftStore(dir).list(), [], "a posted draft is gone");
  });

  test("every key lands on disk: a new process finds the text typed so far", async () => {
    const session = ComposeSession.fresh(deps(instance().api));
    await type(session, "not lost<CR>even this");
    // As if killed here: nothing is flushed on exit, a fresh store reads the directory.
    const restored = new DraftStore(dir).list();
    assert.equal(restored.length, 1);
    assert.equal(restored[0]!.text, "not lost\neven this");
    const reopened = new ComposeSession(restored[0]!, deps(instance().api));
    assert.equal(reopened.state.text, "not lost\neven this");
  });

  test("over the limit, :wq is refused with the count and the draft stays", async () => {
    const server = instance();
    const session = ComposeSession.fresh(deps(server.api, { maxCharacters: 10 }));
    await type(session, "eleven char<Esc>:cw !<CR>:wq<CR>");
    const v = session.view(60, 3);
    assert.equal(v.over, true);
    assert.match(v.status, /Too long: 12\/10 characters — not posted +12\/10$/);
    assert.equal(server.posted.length, 0);
    assert.equal(new DraftStore(dir).list()[0]!.text, "eleven char");
  });

  test("Ctrl-e runs $EDITOR on the text and the editor shows its result", async () => {
    const script = join(dir, "rewrite.sh");
    writeFileSync(script, `#!/bin/sh\nsed -i 's/draft/final text/' "$1"\n`);
    chmodSync(script, 0o755);
    const session = ComposeSession.fresh(
      deps(instance().api, {
        editExternally: (t) => editExternally(t, { PATH: process.env.PATH, EDITOR: script }),
      }),
    );
    await type(session, "my draft<Esc><C-e>");
    assert.equal(session.state.text, "my final text");
    assert.equal(new DraftStore(dir).list()[0]!.text, "my final text");
    await type(session, "u");
    assert.equal(session.state.text, "my draft", "the external edit is one undo step");
  });

  test(":q! discards the draft; :q on an empty composer leaves nothing behind", async () => {
    const a = ComposeSession.fresh(deps(instance().api));
    assert.equal((await type(a, "oops<Esc>:q!<CR>")).kind, "discarded");
    const b = ComposeSession.fresh(deps(instance().api));
    assert.equal((await type(b, "<Esc>:q<CR>")).kind, "closed");
    assert.deepEqual(new DraftStore(dir).list(), []);
  });

  test(":attach uploads, then asks for alt text, which goes with the media", async () => {
    const described: [string, string][] = [];
    const server = instance();
    const session = ComposeSession.fresh(
      deps(server.api, {
        uploadMedia: async () => ({ id: "m1" }),
        describeMedia: async (id, text) => {
          described.push([id, text]);
        },
      }),
    );
    await type(session, "look<Esc>:attach cat.png<CR>");
    assert.equal(session.state.mode, "command");
    assert.equal(session.state.commandLine, "alt 1 ");
    await type(session, "a sleeping cat<CR>:wq<CR>");
    assert.deepEqual(described, [["m1", "a sleeping cat"]]);
    assert.deepEqual(server.posted[0]!.mediaIds, ["m1"]);
  });

  test("Tab completes an account from the search results", async () => {
    const session = ComposeSession.fresh(
      deps(instance().api, {
        complete: async (p) => (p === "@garg" ? ["@gargron@mastodon.social", "@garganelli"] : []),
      }),
    );
    await type(session, "hi @garg<Tab>!");
    assert.equal(session.state.text, "hi @gargron@mastodon.social !");
  });

  test("Tab goes round the completions and back to what was typed; Shift-Tab goes the other way", async () => {
    const session = ComposeSession.fresh(
      deps(instance().api, {
        complete: async (p) => (p === "@garg" ? ["@gargron@mastodon.social", "@garganelli"] : []),
      }),
    );
    await type(session, "hi @garg<Tab>");
    assert.equal(session.state.text, "hi @gargron@mastodon.social ");
    assert.equal(session.state.message, "[@gargron@mastodon.social]  @garganelli");
    await type(session, "<Tab>");
    assert.equal(session.state.text, "hi @garganelli ");
    assert.equal(session.state.message, "@gargron@mastodon.social  [@garganelli]");
    await type(session, "<Tab>");
    assert.equal(session.state.text, "hi @garg");
    await type(session, "<Tab>");
    assert.equal(session.state.text, "hi @gargron@mastodon.social ");
    await type(session, "<S-Tab><S-Tab>");
    assert.equal(session.state.text, "hi @garganelli ");
    await type(session, "x<Tab>");
    assert.equal(session.state.text, "hi @garganelli x\t", "a key between ends the round");
  });

  test("a reply starts in insert mode after its mentions", async () => {
    const session = ComposeSession.fresh(deps(instance().api), { text: "@bob ", inReplyToId: "9" });
    await type(session, "thanks");
    assert.equal(session.state.text, "@bob thanks");
    assert.equal(new DraftStore(dir).list()[0]!.inReplyToId, "9");
  });

  test("no draft file until something is typed, and none once it is all deleted", async () => {
    const session = ComposeSession.fresh(deps(instance().api));
    assert.deepEqual(new DraftStore(dir).list(), []);
    await type(session, "x");
    assert.equal(new DraftStore(dir).list().length, 1);
    await type(session, "<BS>");
    assert.deepEqual(new DraftStore(dir).list(), []);
    assert.equal((await type(session, "<Esc>:q<CR>")).kind, "closed");
    assert.deepEqual(new DraftStore(dir).list(), []);
  });

  test("a restored draft opens in insert mode at its end: typing adds to it", async () => {
    const first = ComposeSession.fresh(deps(instance().api));
    await type(first, "keep this<Esc>:w<CR>:q<CR>");
    const [draft] = new DraftStore(dir).list();
    const again = new ComposeSession(draft!, deps(instance().api));
    assert.equal(again.state.mode, "insert");
    await type(again, " too");
    assert.equal(again.state.text, "keep this too");
  });

  test("typing the whole :alt 1 TEXT over the prompt after :attach stores only TEXT", async () => {
    const described: string[] = [];
    const session = ComposeSession.fresh(
      deps(instance().api, {
        uploadMedia: async () => ({ id: "m1" }),
        describeMedia: async (_id, text) => {
          described.push(text);
        },
      }),
    );
    await type(session, "pixel<Esc>:attach p.png<CR>:alt 1 A single green pixel<CR>");
    assert.deepEqual(described, ["A single green pixel"]);
    assert.equal(session.draft.media[0]!.description, "A single green pixel");
  });

  test("the field line says how a poll is answered and when it ends", async () => {
    const session = ComposeSession.fresh(deps(instance().api));
    await type(session, "q<Esc>:poll! 30m a | b | c<CR>");
    assert.match(
      session.view(100, 3).fields,
      /poll: 3 options, multiple choice, ends in 30 minutes/,
    );
    await type(session, ":poll 1d a | b<CR>");
    assert.match(session.view(80, 3).fields, /poll: 2 options, ends in 1 day/);
  });

  test(":schedule refuses a past time and one under 5 minutes ahead, locally", async () => {
    const now = new Date(2026, 5, 1, 12, 0);
    const session = ComposeSession.fresh(deps(instance().api, { now: () => now }));
    await type(session, "later<Esc>:schedule 2026-06-01 11:59<CR>");
    assert.match(session.view(80, 3).status, /2026-06-01 11:59 is in the past/);
    await type(session, ":schedule 2026-06-01 12:03<CR>");
    assert.match(session.view(80, 3).status, /at least 5 minutes ahead/);
    assert.equal(session.draft.scheduledAt, null);
    await type(session, ":schedule 2026-06-01 13:00<CR>");
    assert.equal(session.draft.scheduledAt, new Date(2026, 5, 1, 13, 0).toISOString());
  });
});

describe("compose session: quote posts", () => {
  const quotes = { supported: true, apiVersion: 7 };

  test("a quote opened from a toot posts quoted_status_id; :quotepolicy sends who may quote it", async () => {
    const server = instance();
    const session = ComposeSession.fresh(deps(server.api, { quotes }), {
      quote: { statusId: "109", label: "@alice: hello" },
    });
    assert.ok(session.view(80, 4).fields.includes("quoting @alice: hello"));
    await type(session, "so true<Esc>:quotepolicy followers<CR>");
    assert.ok(session.view(80, 4).fields.includes("quotes: followers only"));
    assert.deepEqual(await type(session, ":wq<CR>"), { kind: "posted", id: "1" });
    assert.equal(server.posted[0]!.quotedStatusId, "109");
    assert.equal(server.posted[0]!.quoteApprovalPolicy, "followers");
  });

  test(":noquote drops the quote, :quote ID adds one, and a restored draft keeps both", async () => {
    const server = instance();
    const session = ComposeSession.fresh(deps(server.api, { quotes }), {
      quote: { statusId: "109", label: "@alice: hello" },
    });
    await type(session, "text<Esc>:noquote<CR>");
    assert.ok(!session.view(80, 4).fields.includes("quoting"));
    await type(session, ":quote 110<CR>:quotepolicy nobody<CR>");
    const saved = new DraftStore(dir).load(session.draft.id);
    assert.deepEqual(saved?.quote, { statusId: "110", label: "110" });
    assert.equal(saved?.quotePolicy, "nobody");
    await type(session, ":wq<CR>");
    assert.equal(server.posted[0]!.quotedStatusId, "110");
  });

  test("on a server without quote posts :quote says so and nothing is sent", async () => {
    const server = instance();
    const session = ComposeSession.fresh(
      deps(server.api, { quotes: { supported: false, apiVersion: 2 } }),
    );
    await type(session, "hi<Esc>:quote 110<CR>");
    assert.match(
      session.view(80, 4).status,
      /no quote posts \(Mastodon API level 2; quotes need 7\)/,
    );
    await type(session, ":quotepolicy everyone<CR>");
    assert.match(session.view(80, 4).status, /:quotepolicy public, followers or nobody/);
    await type(session, ":wq<CR>");
    assert.equal(server.posted[0]!.quotedStatusId, undefined);
    assert.equal(server.posted[0]!.quoteApprovalPolicy, undefined);
  });
});
