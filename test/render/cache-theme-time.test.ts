import assert from "node:assert/strict";
import { describe, test } from "node:test";
import {
  createTheme,
  detectColorLevel,
  pickTheme,
  RenderCache,
  relativeTime,
  renderStatus,
  stripAnsi,
  themes,
} from "../../src/render/index.js";
import { makeStatus, NOW } from "./make-status.js";

describe("RenderCache", () => {
  const opts = { width: 60, theme: pickTheme("dark", 3), now: NOW };

  test("serves the same lines again without re-rendering", () => {
    const cache = new RenderCache();
    const s = makeStatus();
    const first = cache.get(s, opts);
    assert.equal(cache.get(s, opts), first);
    assert.deepEqual([cache.hits, cache.misses], [1, 1]);
  });

  test("re-renders when the edit time, width, expansion, theme or own state changes", () => {
    const cache = new RenderCache();
    const s = makeStatus({ spoilerText: "cw", content: "<p>body</p>" });
    cache.get(s, opts);
    cache.get({ ...s, editedAt: new Date(NOW).toISOString() }, opts);
    cache.get(s, { ...opts, width: 40 });
    const open = cache.get(s, { ...opts, expanded: true });
    cache.get(s, { ...opts, theme: pickTheme("light", 3) });
    const faved = cache.get({ ...s, favourited: true, favouritesCount: 1 }, opts);
    assert.equal(cache.misses, 6);
    assert.ok(open.map(stripAnsi).includes("body"));
    assert.match(stripAnsi(faved.at(-1)!), /★ 1/);
  });

  test("re-renders when the relative time in the header would change", () => {
    const cache = new RenderCache();
    const s = makeStatus({ createdAt: new Date(NOW - 5 * 60_000).toISOString() });
    assert.match(stripAnsi(cache.get(s, opts)[0]!), /· 5m/);
    assert.match(stripAnsi(cache.get(s, { ...opts, now: NOW + 30_000 })[0]!), /· 5m/);
    assert.equal(cache.misses, 1);
    assert.match(stripAnsi(cache.get(s, { ...opts, now: NOW + 60_000 })[0]!), /· 6m/);
  });

  test("is bounded: the least recently used entry goes first", () => {
    const cache = new RenderCache(2);
    const a = makeStatus({ id: "a" });
    const b = makeStatus({ id: "b" });
    const c = makeStatus({ id: "c" });
    cache.get(a, opts);
    cache.get(b, opts);
    cache.get(a, opts); // a is now the most recent
    cache.get(c, opts); // evicts b
    assert.equal(cache.size, 2);
    const misses = cache.misses;
    cache.get(a, opts);
    assert.equal(cache.misses, misses);
    cache.get(b, opts);
    assert.equal(cache.misses, misses + 1);
  });

  test("is bounded by size: long toots push the oldest out, the newest stays served", () => {
    const cache = new RenderCache(1000, 40_000);
    const long = (id: string) =>
      makeStatus({ id, content: `<p>${"many words of a long toot ".repeat(40)}</p>` });
    for (let i = 0; i < 60; i++) cache.get(long(String(i)), opts);
    assert.ok(cache.bytes <= 40_000, `${cache.bytes} bytes held`);
    assert.ok(cache.size > 1 && cache.size < 60, `${cache.size} entries`);
    const misses = cache.misses;
    cache.get(long("59"), opts);
    assert.equal(cache.misses, misses, "the newest is still cached");
    cache.get(long("0"), opts);
    assert.equal(cache.misses, misses + 1, "the oldest was dropped");
  });

  test("one toot larger than the byte bound is still cached while it is the newest", () => {
    const cache = new RenderCache(10, 100);
    const s = makeStatus({ id: "big" });
    const first = cache.get(s, opts);
    assert.equal(cache.get(s, opts), first);
    assert.equal(cache.size, 1);
  });

  test("by default holds at most 400 toots and 768 KiB, however many are drawn", () => {
    const cache = new RenderCache();
    for (let i = 0; i < 3000; i++)
      cache.get(makeStatus({ id: String(i), content: `<p>toot number ${i} #tag</p>` }), opts);
    assert.equal(cache.size, 400);
    assert.ok(cache.bytes <= 768 * 1024, `${cache.bytes} bytes held`);
    cache.clear();
    assert.deepEqual([cache.size, cache.bytes], [0, 0]);
  });
});

describe("colour level and themes", () => {
  test("NO_COLOR turns colour off whatever FORCE_COLOR says", () => {
    assert.equal(detectColorLevel({ NO_COLOR: "1", FORCE_COLOR: "3" }), 0);
  });
  test("FORCE_COLOR picks the level", () => {
    assert.equal(detectColorLevel({ FORCE_COLOR: "0" }), 0);
    assert.equal(detectColorLevel({ FORCE_COLOR: "1" }), 1);
    assert.equal(detectColorLevel({ FORCE_COLOR: "2" }), 2);
    assert.equal(detectColorLevel({ FORCE_COLOR: "3" }), 3);
    assert.equal(detectColorLevel({ FORCE_COLOR: "" }), 1);
  });

  const s = makeStatus({
    content: '<p><strong>b</strong> <a href="https://x.example/">x.example</a> #tag</p>',
  });
  test("dark and light themes colour the toot differently", () => {
    const dark = renderStatus(s, { width: 60, theme: createTheme("dark", 3), now: NOW }).join("\n");
    const light = renderStatus(s, { width: 60, theme: createTheme("light", 3), now: NOW }).join(
      "\n",
    );
    assert.notEqual(dark, light);
    assert.equal(stripAnsi(dark), stripAnsi(light));
  });
  test("mono uses no colour codes, only weight, slant, underline and inverse", () => {
    const mono = renderStatus(s, { width: 60, theme: createTheme("mono", 3), now: NOW }).join("\n");
    const codes = [...mono.matchAll(/\x1b\[([0-9;]*)m/g)].flatMap((m) => m[1]!.split(";"));
    assert.ok(codes.length > 0, "emphasis is still shown");
    for (const c of codes)
      assert.ok(["0", "1", "3", "4", "7", "22", "23", "24", "27"].includes(c), `colour code ${c}`);
  });
  test("unknown theme names fall back to dark", () => {
    assert.equal(pickTheme("neon", 3).name, "dark");
  });
});

describe("relativeTime", () => {
  const at = (msAgo: number) => new Date(NOW - msAgo).toISOString();
  const cases: Array<[string, number, string]> = [
    ["seconds ago", 20_000, "now"],
    ["minutes ago", 5 * 60_000, "5m"],
    ["hours ago", 3 * 3_600_000, "3h"],
    ["days ago", 2 * 86_400_000, "2d"],
    ["over a week ago", 30 * 86_400_000, "2026-02-08"],
    ["in the future (clock skew)", -60_000, "now"],
  ];
  for (const [what, ago, label] of cases)
    test(what, () => assert.equal(relativeTime(at(ago), NOW), label));
  test("garbage dates", () => assert.equal(relativeTime("not a date", NOW), "?"));
});

describe("themes record", () => {
  test("offers dark, light and mono", () => {
    assert.deepEqual(Object.keys(themes).sort(), ["dark", "light", "mono"]);
    assert.equal(themes.mono.name, "mono");
  });
});
