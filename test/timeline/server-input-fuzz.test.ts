// No frame, no status field and no page from a server can end tootty. Random hostile input —
// nesting thousands deep, huge sizes, wrong types, missing fields, control sequences — goes
// through the real pipeline (socket → StreamManager → feed → store → renderer, and REST body →
// masto's deserializer → page → store → renderer), and a normal toot still arrives after it.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import fc from "fast-check";
import { FakeClock, flushMicrotasks } from "../../src/api/clock.js";
import { BoundedSerializer } from "../../src/api/masto-rest.js";
import { withStringIds } from "../../src/api/rest.js";
import { StreamManager } from "../../src/api/stream.js";
import { parseStreamFrame } from "../../src/api/stream-frame.js";
import {
  createTheme,
  RenderCache,
  renderNotificationSummary,
  renderStatus,
} from "../../src/render/index.js";
import { TimelineFeed } from "../../src/timeline/feed.js";
import type { Notification } from "../../src/timeline/notifications.js";
import { NotificationFeed } from "../../src/timeline/notifications-feed.js";
import { StatusBus } from "../../src/timeline/status-bus.js";
import { type Status, TimelineStore } from "../../src/timeline/store.js";
import { fakeSocketFactory, statusJson, updateFrame } from "../api/helpers/fake-socket.js";
import { FakeRest } from "./helpers/fake-rest.js";

const RUNS = Number(process.env.FUZZ_RUNS ?? 300);
const theme = createTheme("dark", 0);
const NOW = Date.UTC(2025, 0, 1, 12, 0, 0);

/** A placeholder a deep value replaces after JSON.stringify (fast-check cannot build 5 000 levels cheaply). */
const DEEP = "\u0000DEEP\u0000";

const deepText = fc
  .record({
    depth: fc.oneof(fc.integer({ min: 60, max: 70 }), fc.integer({ min: 1_000, max: 20_000 })),
    kind: fc.constantFrom("array", "object", "mixed"),
  })
  .map(({ depth, kind }) => {
    if (kind === "array") return `${"[".repeat(depth)}${"]".repeat(depth)}`;
    if (kind === "object") return `${'{"a_b":'.repeat(depth)}1${"}".repeat(depth)}`;
    return `${'[{"x_y":'.repeat(depth)}0${"}]".repeat(depth)}`;
  });

const hostileString = fc.oneof(
  fc.string({ unit: "binary", maxLength: 80 }),
  fc.string({ unit: "grapheme", maxLength: 80 }),
  fc.constantFrom(
    "\x1b[2J\x1b[H",
    "\x1b]52;c;cHduZWQ=\x07",
    "\x1b]8;;https://evil.example\x1b\\click\x1b]8;;\x1b\\",
    "\u009b31m\u009d0;title\u009c",
    "\u202eevil\u202c",
    "__proto__",
    "constructor",
    "toString",
    "<p><b><i><blockquote><ul><li>",
    "👩‍👩‍👧‍👦".repeat(200),
    "a".repeat(100_000),
  ),
);

/** Anything in a field: the right type, a wrong one, null, or a deep value. */
const fieldValue = fc.oneof(
  { weight: 3, arbitrary: hostileString },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 1, arbitrary: fc.constant(DEEP) },
  { weight: 1, arbitrary: fc.constantFrom(null, true, 0, -1, 1e308, [], {}) },
);

const FIELDS = [
  "id",
  "content",
  "spoiler_text",
  "created_at",
  "edited_at",
  "visibility",
  "account",
  "reblog",
  "quote",
  "card",
  "poll",
  "media_attachments",
  "mentions",
  "emojis",
  "tags",
  "filtered",
  "in_reply_to_id",
  "url",
  "type",
  "status",
  "last_status",
] as const;

/** A status-like object: real fields with random values, some missing, some extra. */
const entity = fc
  .record({
    base: fc.boolean(),
    id: fc.oneof(fc.constantFrom("1", "2", "3"), fieldValue),
    fields: fc.dictionary(fc.constantFrom(...FIELDS), fieldValue, { maxKeys: 6 }),
    extra: fc.dictionary(hostileString, fieldValue, { maxKeys: 2 }),
  })
  .chain(({ base, id, fields, extra }) =>
    deepText.map((deep) => {
      const obj = { ...(base ? statusJson("1") : {}), ...extra, ...fields, id };
      return JSON.stringify(obj).replaceAll(JSON.stringify(DEEP), deep);
    }),
  );

const EVENTS = [
  "update",
  "status.update",
  "notification",
  "conversation",
  "delete",
  "filters_changed",
  "announcement",
];

const frame = fc.oneof(
  {
    weight: 6,
    arbitrary: fc
      .record({
        event: fc.constantFrom(...EVENTS),
        stream: fc.oneof(fc.constant(["public:local"]), fc.constant(["user"]), fieldValue),
        payload: fc.oneof({ weight: 4, arbitrary: entity }, { weight: 1, arbitrary: fieldValue }),
      })
      .map((f) => JSON.stringify(f)),
  },
  { weight: 1, arbitrary: deepText },
  { weight: 1, arbitrary: hostileString },
  { weight: 1, arbitrary: fc.json({ maxDepth: 4 }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      `{"error":${JSON.stringify("\x1b[31m".repeat(1000))},"status":"x"}`,
      JSON.stringify({ stream: ["public:local"], event: "update", payload: "x".repeat(1_100_000) }),
    ),
  },
);

/** Whatever a line holds, the terminal sees no control character (colour is off). */
function assertTerminalSafe(lines: readonly string[]): void {
  for (const line of lines) {
    assert.equal(typeof line, "string");
    assert.doesNotMatch(
      line,
      /[\u0000-\u001f\u007f-\u009f]/,
      `control character in ${JSON.stringify(line.slice(0, 80))}`,
    );
  }
}

function renderAll(ev: ReturnType<typeof parseStreamFrame>, width: number): void {
  if (!ev) return;
  const opts = { width, theme, now: NOW, unicode: true, expanded: width % 2 === 0 };
  if (ev.kind === "update" || ev.kind === "status.update")
    assertTerminalSafe(renderStatus(ev.status, opts));
  if (ev.kind === "notification") {
    const line = renderNotificationSummary(ev.notification, opts);
    assertTerminalSafe([line]);
  }
  if (ev.kind === "conversation" && ev.conversation.lastStatus)
    assertTerminalSafe(renderStatus(ev.conversation.lastStatus, opts));
}

describe("hostile server input never ends the program", () => {
  test("stream frames: the socket keeps streaming, and a normal toot arrives after any of them", async () => {
    const clock = new FakeClock(NOW);
    const { factory, sockets } = fakeSocketFactory();
    const stream = new StreamManager({
      streamingUrl: "wss://x.test",
      accessToken: "t",
      clock,
      socketFactory: factory,
      random: () => 0.5,
    });
    const rest = new FakeRest(clock);
    rest.publish(2);
    // The session's road for edits and deletes: hostile ones travel it too.
    const changes = new StatusBus();
    stream.subscribe({ stream: "public:local" }, (ev) => {
      if (ev.kind !== "error" && ev.kind !== "opened") changes.fromStream(ev);
    });
    const feed = new TimelineFeed("local", { rest, stream, clock, random: () => 0.5, changes });
    const notifications = new NotificationFeed(
      { state: rest.state, notifications: async () => [] },
      stream,
      changes,
    );
    stream.start();
    await feed.start();
    await notifications.start();
    sockets[0]!.open();
    await flushMicrotasks();
    let next = 100_000;
    fc.assert(
      fc.property(
        fc.array(frame, { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 1, max: 200 }),
        (frames, width) => {
          for (const f of frames) {
            sockets.at(-1)!.frame(f);
            renderAll(parseStreamFrame(f), width);
          }
          assert.equal(stream.state.kind, "live", "the socket is still up");
          assert.equal(sockets.length, 1, "no reconnect was needed");
          const id = String(next++);
          sockets[0]!.frame(updateFrame(["public:local"], id));
          assert.ok(feed.store.has(id), "a normal toot still arrives");
        },
      ),
      { numRuns: RUNS },
    );
    const cache = new RenderCache();
    for (const s of feed.store.allStatuses)
      assertTerminalSafe(cache.get(s, { width: 60, theme, now: NOW, unicode: true }));
    feed.close();
    notifications.close();
    stream.close();
  });

  test("REST pages: masto's deserializer, the store and the renderer take any body", () => {
    const serializer = new BoundedSerializer();
    const page = fc.oneof(
      fc.array(entity, { maxLength: 5 }).map((items) => `[${items.join(",")}]`),
      entity,
      deepText,
      fc.json({ maxDepth: 5 }),
    );
    fc.assert(
      fc.property(page, fc.integer({ min: 1, max: 200 }), (body, width) => {
        let data: unknown;
        try {
          data = serializer.deserialize("json", body);
        } catch (err) {
          // Only a body that is not JSON is refused, as masto refuses it: never a RangeError.
          assert.equal((err as Error).name, "MastoDeserializeError");
          return;
        }
        const statuses = withStringIds<Status>(data);
        const store = new TimelineStore({ maxSize: 100 });
        store.applyPage(statuses, "initial");
        for (const s of store.allStatuses)
          assertTerminalSafe(renderStatus(s, { width, theme, now: NOW, unicode: true }));
        for (const n of withStringIds<Notification>(data))
          assertTerminalSafe([
            renderNotificationSummary(n, { width, theme, now: NOW, unicode: true }),
          ]);
      }),
      { numRuns: RUNS },
    );
  });

  test("an update nested 5 000 levels deep is cut, not a RangeError, and the toot still shows", () => {
    const deep = `${"[".repeat(5_000)}${"]".repeat(5_000)}`;
    const payload = JSON.stringify(statusJson("77", { card: "CARD" })).replace('"CARD"', deep);
    const ev = parseStreamFrame(
      JSON.stringify({ stream: ["public:local"], event: "update", payload }),
    );
    assert.equal(ev?.kind, "update");
    assert.equal(ev?.kind === "update" && ev.status.id, "77");
    const rest = new BoundedSerializer().deserialize<unknown[]>("json", `[${payload}]`);
    assert.equal((rest[0] as { id: string }).id, "77");
  });
});
