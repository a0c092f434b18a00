// Quote posts through the real REST client against the simulated instance (Mastodon 4.5):
// posting a quote, the quotes list paged by its Link header, revoking, the interaction
// policy, and the approval the server reports for the reader.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import {
  nextMaxIdOf,
  quoteRightOf,
  quotesOf,
  revokeQuote,
  setQuotePolicy,
} from "../../src/api/quotes.js";
import { createRestClient, type RestClient } from "../../src/api/rest.js";
import { postingApi } from "../../src/api/statuses.js";
import { newDraft } from "../../src/compose/drafts.js";
import { submitDraft } from "../../src/compose/post.js";
import { type DemoInstance, startDemoInstance } from "../../src/demo/index.js";

let demo: DemoInstance;
let rest: RestClient;
before(async () => {
  demo = await startDemoInstance({ generate: false, seedCount: 20 });
  rest = createRestClient({ instanceUrl: demo.url, accessToken: demo.token, random: () => 0 });
});
after(async () => {
  rest.close();
  await demo.close();
});

const quoteOf = (s: unknown) =>
  (s as { quote?: { state: string; quotedStatus: { id: string } | null } }).quote;

describe("quote posts", () => {
  test("a posted quote carries quoted_status_id and its policy; the server accepts it", async () => {
    const target = demo.control.publish("local", { account: "alice", content: "<p>quote me</p>" });
    const draft = newDraft({
      text: "well said",
      quote: { statusId: target.id, label: "@alice: quote me" },
      quotePolicy: "followers",
    });
    const result = await submitDraft(draft, postingApi(rest), 500);
    assert.equal(result.ok, true);
    const posted = await rest.request<Record<string, unknown>>({
      method: "GET",
      path: `/api/v1/statuses/${result.ok ? result.id : ""}`,
    });
    assert.equal(quoteOf(posted)?.state, "accepted");
    assert.equal(quoteOf(posted)?.quotedStatus?.id, target.id);
    assert.deepEqual(
      (posted as { quoteApproval?: { automatic: string[] } }).quoteApproval?.automatic,
      ["followers"],
    );
  });

  test("a post whose author allows no quotes is refused, and quote_approval says so first", async () => {
    const target = demo.control.publish("local", { account: "alice", content: "<p>mine only</p>" });
    demo.control.setQuotePolicy(target.id, "nobody");
    const fetched = await rest.request<never>({
      method: "GET",
      path: `/api/v1/statuses/${target.id}`,
    });
    assert.equal(quoteRightOf(fetched), "denied");
    const draft = newDraft({ text: "no", quote: { statusId: target.id, label: "x" } });
    const result = await submitDraft(draft, postingApi(rest), 500);
    assert.equal(result.ok, false);
    assert.equal(!result.ok && result.kind, "rejected");
  });

  test("the quotes of a toot page by the Link header; revoking one detaches it", async () => {
    const mine = await postingApi(rest).postStatus({ status: "quote this" }, "k-quotes-1");
    const quoters = ["alice", "lou", "mina"];
    for (const who of quoters) demo.control.quoteStatus(mine.id, who);
    const first = await quotesOf(rest, mine.id, { limit: 2 });
    assert.equal(first.statuses.length, 2);
    assert.ok(first.nextMaxId, "a next page");
    const second = await quotesOf(rest, mine.id, { limit: 2, maxId: first.nextMaxId });
    const all = [...first.statuses, ...second.statuses].map((s) => s.account.username);
    assert.deepEqual(all.sort(), [...quoters].sort());
    const third = second.nextMaxId
      ? await quotesOf(rest, mine.id, { maxId: second.nextMaxId })
      : undefined;
    assert.equal(third?.statuses.length ?? 0, 0);

    const revoked = await revokeQuote(rest, mine.id, first.statuses[0]!.id);
    assert.equal(quoteOf(revoked)?.state, "revoked");
    assert.equal(quoteOf(revoked)?.quotedStatus, null);
    const after = await quotesOf(rest, mine.id);
    assert.equal(after.statuses.length, 2);
  });

  test("the interaction policy of one's own toot changes who may quote it", async () => {
    const mine = await postingApi(rest).postStatus({ status: "policy" }, "k-quotes-2");
    const changed = await setQuotePolicy(rest, mine.id, "nobody");
    assert.deepEqual(
      (changed as { quoteApproval?: { automatic: string[] } }).quoteApproval?.automatic,
      [],
    );
  });
});

describe("quote helpers", () => {
  test("the next page's max_id is read from rel=next only", () => {
    const link =
      '<https://m.example/api/v1/statuses/1/quotes?limit=2&max_id=77>; rel="next", <https://m.example/api/v1/statuses/1/quotes?since_id=90>; rel="prev"';
    assert.equal(nextMaxIdOf(link), "77");
    assert.equal(nextMaxIdOf('<https://m.example/x?since_id=9>; rel="prev"'), undefined);
    assert.equal(nextMaxIdOf("garbage"), undefined);
    assert.equal(nextMaxIdOf('<https://m.example/x?max_id=%1B%5B2J>; rel="next"'), undefined);
  });

  test("quote rights: unknown reads as denied, a private mention is never quotable, none means unknown", () => {
    const s = (over: object) => ({ visibility: "public", ...over }) as never;
    assert.equal(quoteRightOf(s({ quoteApproval: { currentUser: "automatic" } })), "automatic");
    assert.equal(quoteRightOf(s({ quoteApproval: { currentUser: "manual" } })), "manual");
    assert.equal(quoteRightOf(s({ quoteApproval: { currentUser: "unknown" } })), "denied");
    assert.equal(quoteRightOf(s({ visibility: "direct" })), "denied");
    assert.equal(quoteRightOf(s({})), undefined);
  });
});
