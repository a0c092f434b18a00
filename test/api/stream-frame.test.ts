import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { camelCaseKeys, parseStreamFrame } from "../../src/api/stream-frame.js";
import { statusJson } from "./helpers/fake-socket.js";

const FIXTURES = new URL("../fixtures/mastodon-docs", import.meta.url).pathname;

describe("parseStreamFrame with the documentation's frames", () => {
  for (const name of readdirSync(FIXTURES).filter((f) => /^ws-.*\.json$/.test(f))) {
    test(`understands ${name}`, () => {
      const raw = readFileSync(join(FIXTURES, name), "utf8");
      const ev = parseStreamFrame(raw);
      assert.ok(ev, "fixture frame should parse");
      if (name.startsWith("ws-error")) assert.equal(ev.kind, "error");
      else assert.notEqual(ev.kind, "error");
    });
  }

  test("every line of the frames derived from SSE parses or is a known ignored event", () => {
    const lines = readFileSync(join(FIXTURES, "ws-frames-DERIVED-from-sse.jsonl"), "utf8")
      .split("\n")
      .filter(Boolean);
    const kinds = lines.map((l) => parseStreamFrame(l)?.kind ?? `ignored:${JSON.parse(l).event}`);
    assert.deepEqual(kinds, [
      "update",
      "notification",
      "filters_changed",
      "ignored:announcement",
      "ignored:announcement.reaction",
      "ignored:announcement.delete",
      "status.update",
      "delete",
      "conversation",
    ]);
  });

  test("a direct-stream conversation carries its last status, camelCased", () => {
    const line = readFileSync(join(FIXTURES, "ws-frames-DERIVED-from-sse.jsonl"), "utf8")
      .split("\n")
      .find((l) => l.includes('"event": "conversation"'))!;
    const ev = parseStreamFrame(line);
    assert.ok(ev && ev.kind === "conversation");
    assert.deepEqual(ev.stream, ["direct"]);
    assert.equal(ev.conversation.id, "819516");
    assert.equal(typeof ev.conversation.lastStatus?.id, "string");
    assert.ok("spoilerText" in (ev.conversation.lastStatus ?? {}));
  });

  test("an update's payload is parsed twice and camelCased like masto's REST objects", () => {
    const ev = parseStreamFrame(
      readFileSync(join(FIXTURES, "ws-frame-update-public.json"), "utf8"),
    );
    assert.ok(ev && ev.kind === "update");
    assert.equal(ev.status.id, "108913983692647032");
    assert.equal(ev.status.spoilerText, "");
    assert.equal(ev.status.account.displayName, "TobTobXX");
    assert.equal(ev.status.inReplyToId, "108913981098896721");
    assert.deepEqual(ev.stream, ["public"]);
  });

  test("a notification's nested status is camelCased too", () => {
    const line = readFileSync(join(FIXTURES, "ws-frames-DERIVED-from-sse.jsonl"), "utf8").split(
      "\n",
    )[1]!;
    const ev = parseStreamFrame(line);
    assert.ok(ev && ev.kind === "notification");
    assert.equal(ev.notification.type, "mention");
    assert.ok("createdAt" in ev.notification);
  });
});

describe("parseStreamFrame with hostile or broken frames", () => {
  const ignored: Array<[string, string | Buffer]> = [
    ["non-JSON text", "hello <html>"],
    ["a frame without event", JSON.stringify({ stream: ["public"], payload: "{}" })],
    [
      "a payload that is not a string",
      JSON.stringify({ stream: ["public"], event: "update", payload: { id: "1" } }),
    ],
    [
      "a payload that is invalid JSON",
      JSON.stringify({ stream: ["public"], event: "update", payload: "{nope" }),
    ],
    ["an unknown event", JSON.stringify({ stream: ["public"], event: "teleport", payload: "{}" })],
    [
      "a binary frame",
      Buffer.from(JSON.stringify({ stream: ["public"], event: "delete", payload: "1" })),
    ],
    [
      "a huge frame",
      JSON.stringify({ stream: ["public"], event: "update", payload: "x".repeat(2_000_000) }),
    ],
    ["a JSON array", "[1,2,3]"],
    [
      "an update whose status has a numeric id",
      JSON.stringify({ stream: ["public"], event: "update", payload: '{"id":12}' }),
    ],
    [
      "a delete with a control-character id",
      JSON.stringify({ stream: ["public"], event: "delete", payload: "1\u001b[2J" }),
    ],
  ];
  for (const [what, raw] of ignored) {
    test(`ignores ${what}`, () => assert.equal(parseStreamFrame(raw), null));
  }

  test("keeps a 19-digit delete id exactly, never as a number", () => {
    const ev = parseStreamFrame(
      JSON.stringify({ stream: ["public"], event: "delete", payload: "1099511627776123457" }),
    );
    assert.deepEqual(ev, { kind: "delete", stream: ["public"], id: "1099511627776123457" });
  });

  test("does not let a __proto__ key replace an object's prototype", () => {
    const out = camelCaseKeys(JSON.parse('{"__proto__":{"polluted":true},"a_b":1}')) as Record<
      string,
      unknown
    >;
    assert.equal(out.aB, 1);
    assert.equal((out as { polluted?: boolean }).polluted, undefined);
  });
});

describe("frames nested deeper than any entity", () => {
  test("an update whose payload is nested 5 000 levels deep is read, not a RangeError", () => {
    const deep = `${"[".repeat(5_000)}${"]".repeat(5_000)}`;
    const payload = JSON.stringify(statusJson("77", { card: "CARD" })).replace('"CARD"', deep);
    const ev = parseStreamFrame(
      JSON.stringify({ stream: ["public:local"], event: "update", payload }),
    );
    assert.equal(ev?.kind, "update");
    assert.equal(ev?.kind === "update" ? ev.status.id : undefined, "77");
  });

  test("keys keep their camelCase shape down to the cut, and below it nothing is kept", () => {
    const nested = `${'{"a_b":'.repeat(100)}1${"}".repeat(100)}`;
    const payload = JSON.stringify(statusJson("78", { card: "CARD" })).replace('"CARD"', nested);
    const ev = parseStreamFrame(
      JSON.stringify({ stream: ["public:local"], event: "update", payload }),
    );
    assert.ok(ev?.kind === "update");
    let node = (ev.status as unknown as { card: unknown }).card as Record<string, unknown> | null;
    let levels = 0;
    while (node && typeof node === "object") {
      assert.deepEqual(Object.keys(node), ["aB"]);
      node = node.aB as Record<string, unknown> | null;
      levels++;
    }
    assert.ok(levels > 10 && levels < 100, `cut after ${levels} levels`);
  });
});

test("streamed statuses are ordinary objects: 2 000 held cost under 2 KB each besides their text", () => {
  // Assigned key by key, a status and its account became hash tables in V8 (~3 KB together).
  setFlagsFromString("--expose-gc");
  const gc = runInNewContext("gc") as () => void;
  const frame = JSON.parse(readFileSync(join(FIXTURES, "ws-frame-update-public.json"), "utf8"));
  const status = JSON.parse(frame.payload) as Record<string, unknown>;
  const held: unknown[] = [];
  gc();
  const before = process.memoryUsage().heapUsed;
  // The strings are shared with `status`: what is measured is the objects themselves.
  for (let i = 0; i < 2000; i++) held.push(camelCaseKeys(status));
  gc();
  const perStatus = (process.memoryUsage().heapUsed - before) / held.length;
  assert.ok(perStatus < 2048, `${perStatus.toFixed(0)} bytes per status`);
  assert.equal(
    (held[1999] as { account: { displayName: string } }).account.displayName,
    "TobTobXX",
  );
});
