// Sharkey's Mastodon API sends a quote as Akkoma does (MastodonConverters.ts convertStatus: a
// renote with text is a quote; `quote` is the quoted status converted, `quote_id` its id, left
// out otherwise) and has none of Mastodon 4.5's quote entity, counts, approval or routes.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { type DemoInstance, startDemoInstance } from "../../src/demo/index.js";

let demo: DemoInstance;
before(async () => {
  demo = await startDemoInstance({ generate: false, seedCount: 10, flavour: "sharkey" });
});
after(() => demo.close());

const get = (path: string) =>
  fetch(`${demo.url}${path}`, { headers: { authorization: `Bearer ${demo.token}` } });

test("a quote is the quoted toot itself with quote_id, and nothing of Mastodon's quote entity", async () => {
  const home = (await (await get("/api/v1/timelines/home?limit=40")).json()) as Array<
    Record<string, unknown>
  >;
  const quoting = home.find((s) => String(s.content).includes("This, exactly."));
  assert.ok(quoting, "the seeded quote is on the instance");
  const quoted = quoting.quote as Record<string, unknown> | null;
  assert.ok(quoted && typeof quoted.content === "string", "the quoted toot itself");
  assert.equal(quoting.quote_id, quoted.id);
  assert.equal("state" in quoted, false);
  for (const s of home) {
    assert.equal("quotes_count" in s, false, "no quotes_count");
    assert.equal("quote_approval" in s, false, "no quote_approval");
  }
  const plain = home.find((s) => s !== quoting && s.quote === null);
  assert.ok(plain, "a toot that quotes nothing");
  assert.equal("quote_id" in plain, false, "quote_id left out");
  assert.equal((await get(`/api/v1/statuses/${quoting.id}/quotes`)).status, 404);
});
