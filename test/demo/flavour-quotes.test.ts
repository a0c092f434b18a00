// Quote posts as the servers without Mastodon 4.5's quote entity send them.
// - Sharkey's Mastodon API sends a quote as Akkoma does (MastodonConverters.ts convertStatus: a
//   renote with text is a quote; `quote` is the quoted status converted, `quote_id` its id, left
//   out otherwise) and has none of Mastodon 4.5's quote entity, counts, approval or routes.
// - snac2 2.94's Mastodon API has no quote posts: mastoapi.c's mastoapi_status builds no
//   `quote`, `quotes_count` or `quote_approval`, and there is no quotes route. The toot's own
//   "RE:" line is all a client sees of a quote there.
import assert from "node:assert/strict";
import { test } from "node:test";
import { type DemoFlavourName, startDemoInstance } from "../../src/demo/index.js";

type Json = Record<string, unknown>;

/** The flavour's home timeline, its seeded quoting toot, and a GET on the same instance. */
async function withHome(
  flavour: DemoFlavourName,
  body: (home: Json[], quoting: Json, get: (path: string) => Promise<Response>) => Promise<void>,
) {
  const demo = await startDemoInstance({ generate: false, seedCount: 10, flavour });
  const get = (path: string) =>
    fetch(`${demo.url}${path}`, { headers: { authorization: `Bearer ${demo.token}` } });
  try {
    const home = (await (await get("/api/v1/timelines/home?limit=40")).json()) as Json[];
    const quoting = home.find((s) => String(s.content).includes("This, exactly."));
    assert.ok(quoting, "the seeded quote is on the instance");
    await body(home, quoting, get);
  } finally {
    await demo.close();
  }
}

test("Sharkey: a quote is the quoted toot itself with quote_id, and nothing of Mastodon's quote entity", () =>
  withHome("sharkey", async (home, quoting, get) => {
    const quoted = quoting.quote as Json | null;
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
  }));

test("snac: no status carries a quote field, and the quotes route is snac's 404", () =>
  withHome("snac", async (home, quoting, get) => {
    assert.match(String(quoting.content), /RE: /, "its RE: line is there");
    for (const s of home)
      for (const key of ["quote", "quotes_count", "quote_approval"])
        assert.equal(key in s, false, `${key} in ${s.id}`);
    const quotes = await get(`/api/v1/statuses/${quoting.id}/quotes`);
    assert.equal(quotes.status, 404);
    assert.match(await quotes.text(), /snac/);
  }));
