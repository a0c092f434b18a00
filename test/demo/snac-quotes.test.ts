// snac2 2.94's Mastodon API has no quote posts: mastoapi.c's mastoapi_status builds no
// `quote`, `quotes_count` or `quote_approval`, and there is no quotes route. The toot's own
// "RE:" line is all a client sees of a quote there.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { type DemoInstance, startDemoInstance } from "../../src/demo/index.js";

let demo: DemoInstance;
before(async () => {
  demo = await startDemoInstance({ generate: false, seedCount: 10, flavour: "snac" });
});
after(() => demo.close());

const get = (path: string) =>
  fetch(`${demo.url}${path}`, { headers: { authorization: `Bearer ${demo.token}` } });

test("no status carries a quote field, and the quotes route is snac's 404", async () => {
  const home = (await (await get("/api/v1/timelines/home?limit=40")).json()) as Array<
    Record<string, unknown>
  >;
  const quoting = home.find((s) => String(s.content).includes("This, exactly."));
  assert.ok(quoting, "the seeded quote is on the instance");
  assert.match(String(quoting.content), /RE: /, "its RE: line is there");
  for (const s of home)
    for (const key of ["quote", "quotes_count", "quote_approval"])
      assert.equal(key in s, false, `${key} in ${s.id}`);
  const quotes = await get(`/api/v1/statuses/${quoting.id}/quotes`);
  assert.equal(quotes.status, 404);
  assert.match(await quotes.text(), /snac/);
});
