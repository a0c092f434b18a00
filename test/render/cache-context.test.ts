// Where a toot is shown (home, public, notifications…) changes its lines only through the
// reader's filters: a toot in three panes without any is drawn once, a filtered one per pane.
import assert from "node:assert/strict";
import { test } from "node:test";
import type { mastodon } from "masto";
import { pickTheme, RenderCache, stripAnsi } from "../../src/render/index.js";
import { filterResult, makeStatus, NOW } from "./make-status.js";

const opts = { width: 60, theme: pickTheme("dark", 3), now: NOW };
const text = (lines: string[]) => lines.map(stripAnsi).join("\n");

test("a toot without filters in three panes is drawn once", () => {
  const cache = new RenderCache();
  const toot = makeStatus({ content: "<p>the same toot everywhere</p>" });
  const home = cache.get(toot, { ...opts, context: "home" });
  // Each pane's store holds its own copy of the entity.
  assert.equal(cache.get({ ...toot }, { ...opts, context: "public" }), home);
  assert.equal(cache.get({ ...toot }, { ...opts, context: "notifications" }), home);
  assert.equal(cache.misses, 1);
  assert.match(text(home), /the same toot everywhere/);
});

test("a toot filtered in one context is drawn filtered there and plainly elsewhere", () => {
  const cache = new RenderCache();
  const toot = makeStatus({
    content: "<p>election results</p>",
    filtered: [filterResult("warn", "politics", ["home"])],
  });
  const home = text(cache.get(toot, { ...opts, context: "home" }));
  const local = text(cache.get({ ...toot }, { ...opts, context: "public" }));
  assert.match(home, /politics/);
  assert.doesNotMatch(home, /election results/);
  assert.match(local, /election results/);
});

test("a boost or a quote filtered in one context is drawn per context too", () => {
  const cache = new RenderCache();
  const original = makeStatus({
    id: "9",
    content: "<p>election results</p>",
    filtered: [filterResult("warn", "politics", ["home"])],
  });
  const boost = makeStatus({ id: "10", reblog: original, content: "" });
  assert.doesNotMatch(text(cache.get(boost, { ...opts, context: "home" })), /election results/);
  assert.match(text(cache.get({ ...boost }, { ...opts, context: "public" })), /election results/);
  const quoting = makeStatus({
    id: "11",
    content: "<p>see this</p>",
    quote: { state: "accepted", quotedStatus: original },
  } as unknown as Partial<mastodon.v1.Status>);
  assert.doesNotMatch(text(cache.get(quoting, { ...opts, context: "home" })), /election results/);
  assert.match(text(cache.get({ ...quoting }, { ...opts, context: "public" })), /election results/);
});
