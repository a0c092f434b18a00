// The key converter the bundle uses instead of masto's (scripts/build.mjs): the same output
// as masto's on real payloads, masto's exceptions for ":" and "_" keys, and server JSON of any
// depth converted without touching the call stack.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { camelCase, snakeCase } from "change-case";
import { transformKeys as mastoTransformKeys } from "../../node_modules/masto/dist/esm/adapters/serializers/transform-keys.js";
import { MAX_DEPTH, transformKeys } from "../../src/api/transform-keys.js";
import { startDemoInstance } from "../../src/demo/index.js";

const FIXTURES = new URL("../fixtures/mastodon-docs/", import.meta.url);

test("same result as masto's own on documented payloads and on the demo's first pages", async () => {
  const payloads: unknown[] = [
    JSON.parse(readFileSync(new URL("status-entity-example-card.json", FIXTURES), "utf8")),
    JSON.parse(readFileSync(new URL("notification-stream-mention.json", FIXTURES), "utf8")),
  ];
  const demo = await startDemoInstance({ generate: false, seedCount: 40 });
  try {
    for (const path of ["timelines/home?limit=40", "timelines/public?limit=40", "notifications"]) {
      const res = await fetch(`${demo.url}/api/v1/${path}`, {
        headers: { authorization: `Bearer ${demo.token}` },
      });
      payloads.push(await res.json());
    }
  } finally {
    await demo.close();
  }
  for (const data of payloads) {
    assert.deepEqual(transformKeys(data, camelCase), mastoTransformKeys(data, camelCase));
    assert.deepEqual(transformKeys(data, snakeCase), mastoTransformKeys(data, snakeCase));
  }
  const status = transformKeys<Array<Record<string, unknown>>>(payloads[2], camelCase)[0]!;
  assert.ok("createdAt" in status && !("created_at" in status));
});

test("keys with ':' or a leading '_' keep their spelling; non-plain values pass through", () => {
  const date = new Date(0);
  const out = transformKeys<Record<string, unknown>>(
    {
      "posting:default:visibility": "public",
      _destroy: true,
      keyword_list: [{ whole_word: 1 }],
      at: date,
    },
    camelCase,
  );
  assert.deepEqual(Object.keys(out), [
    "posting:default:visibility",
    "_destroy",
    "keywordList",
    "at",
  ]);
  assert.deepEqual(out.keywordList, [{ wholeWord: 1 }]);
  assert.equal(out.at, date);
});

test("JSON nested 100 000 levels deep converts without a stack overflow, cut at MAX_DEPTH", () => {
  let text = '{"leaf_key":1}';
  for (let i = 0; i < 100_000; i++) text = `{"child_node":[${text}]}`;
  const data = JSON.parse(text);
  assert.throws(() => mastoTransformKeys(data, camelCase), RangeError, "masto's own overflows");
  let node = transformKeys<Record<string, unknown>>(data, camelCase);
  let depth = 0;
  while (node && typeof node === "object") {
    const next: unknown = Array.isArray(node) ? node[0] : node.childNode;
    if (next === null) break;
    node = next as Record<string, unknown>;
    depth++;
  }
  assert.equal(depth, MAX_DEPTH, "walked down to the bound, then a null");
});

test("converted statuses are ordinary objects: 2 000 held cost under 2 KB each besides their text", () => {
  // Assigning 30 computed keys one by one made V8 keep each status and account as a hash
  // table (~3.2 KB a status with its account); tootty holds 2 000 statuses per pane.
  setFlagsFromString("--expose-gc");
  const gc = runInNewContext("gc") as () => void;
  const status = JSON.parse(
    readFileSync(new URL("status-entity-example-card.json", FIXTURES), "utf8"),
  ) as Record<string, unknown>;
  const held: unknown[] = [];
  gc();
  const before = process.memoryUsage().heapUsed;
  // The strings are shared with `status`: what is measured is the objects themselves.
  for (let i = 0; i < 2000; i++) held.push(transformKeys(status, camelCase));
  gc();
  const perStatus = (process.memoryUsage().heapUsed - before) / held.length;
  assert.ok(perStatus < 2048, `${perStatus.toFixed(0)} bytes per status`);
  assert.deepEqual(held[1999], mastoTransformKeys(status, camelCase));
});

test("a '__proto__' key from the server is an own property, never the object's prototype", () => {
  const out = transformKeys<Record<string, unknown>>(
    JSON.parse('{"__proto__": {"polluted": true}, "plain_key": 1}'),
    camelCase,
  );
  assert.equal(Object.getPrototypeOf(out), Object.prototype);
  assert.equal((out as { polluted?: boolean }).polluted, undefined);
  assert.deepEqual(Object.keys(out), ["__proto__", "plainKey"]);
});
