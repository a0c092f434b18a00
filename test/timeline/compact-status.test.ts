// What a store holds of a status: what rendering and the toot's actions read. A held status
// draws exactly as the one the server sent, and drops what nothing reads.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, test } from "node:test";
import { transformKeys } from "../../src/api/transform-keys.js";
import { pickTheme, renderStatus } from "../../src/render/index.js";
import type { PictureRows } from "../../src/render/options.js";
import { GroupStore } from "../../src/timeline/grouped-store.js";
import { type Status, TimelineStore } from "../../src/timeline/store.js";
import { fixtureStatuses } from "../render/fixtures.js";

const camel = (key: string) => key.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());
const FIXTURE = readFileSync(
  new URL("../fixtures/mastodon-docs/status-entity-example-card.json", import.meta.url),
  "utf8",
);
const fromServer = (over: Record<string, unknown> = {}): Status =>
  ({ ...transformKeys<Status>(JSON.parse(FIXTURE), camel), ...over }) as Status;

const opts = { width: 60, theme: pickTheme("dark", 3), now: Date.parse("2019-12-08T04:00:00Z") };

describe("a held status", () => {
  test("draws as the server's entity did, card and quote policy included", () => {
    const sent = fromServer({
      quoteApproval: { automatic: ["public"], manual: [], currentUser: "automatic" },
    });
    const before = renderStatus(structuredClone(sent), opts);
    const store = new TimelineStore();
    store.applyPage([sent], "newer");
    const held = store.get(sent.id)!;
    assert.deepEqual(renderStatus(held, opts), before);
    assert.ok(held.card, "the card is kept");
    assert.equal(held.card.title, JSON.parse(FIXTURE).card.title);
    assert.equal(
      (held as { quoteApproval?: { currentUser?: string } }).quoteApproval?.currentUser,
      "automatic",
    );
    assert.equal(held.url, JSON.parse(FIXTURE).url, "open in browser still has its link");
  });

  test("drops what nothing reads and shares what is empty", () => {
    const store = new TimelineStore();
    store.applyPage([fromServer({ id: "1" }), fromServer({ id: "2" })], "newer");
    const [a, b] = [store.get("1")!, store.get("2")!];
    assert.equal(a.application, null, "the posting app is never shown");
    assert.deepEqual(Object.keys(a.card!).sort(), ["providerName", "title", "type", "url"]);
    assert.equal(a.tags, b.tags, "one shared empty list");
    assert.ok(Object.isFrozen(a.tags));
    const approval = (s: Status) => (s as { quoteApproval?: unknown }).quoteApproval;
    assert.equal(approval(a), approval(b), "one shared quote policy per value");
  });
});

describe("a held status's attachments", () => {
  const withMedia = () => {
    const found = fixtureStatuses().find((f) => f.name === "status-delete-redraft-media.jsonc");
    assert.ok(found, "the fixture with a picture");
    return found.status as Status;
  };
  // Pictures as the renderer asks for them: by preview address and the preview's size.
  const pictures: PictureRows = {
    key: (m) => `${m.previewUrl}`,
    rows: (m, cols, rows) => ({
      lines: [
        `${m.previewUrl} ${m.meta?.small?.width}×${m.meta?.small?.height} in ${cols}×${rows}`,
      ],
      kind: "picture",
    }),
  };

  test("draw and open as the server's did", () => {
    const sent = withMedia();
    const before = renderStatus(structuredClone(sent), { ...opts, pictures, expanded: true });
    const store = new TimelineStore();
    store.applyPage([sent], "newer");
    const held = store.get(sent.id)!;
    assert.deepEqual(renderStatus(held, { ...opts, pictures, expanded: true }), before);
    const [m] = held.mediaAttachments;
    const original = JSON.parse(JSON.stringify(withMedia().mediaAttachments[0]));
    for (const key of ["id", "type", "url", "previewUrl", "remoteUrl", "description", "blurhash"])
      assert.deepEqual((m as unknown as Record<string, unknown>)[key], original[key], key);
    assert.deepEqual(m?.meta, { small: { width: 461, height: 346 } });
  });

  test("keep nothing else", () => {
    const store = new TimelineStore();
    store.applyPage([withMedia()], "newer");
    const [m] = store.allStatuses[0]!.mediaAttachments;
    assert.deepEqual(Object.keys(m!).sort(), [
      "blurhash",
      "description",
      "id",
      "meta",
      "previewUrl",
      "remoteUrl",
      "type",
      "url",
    ]);
  });
});

describe("notifications remembered as counted", () => {
  test("stay bounded however many arrive, and a repeat of a recent one is still one", () => {
    const store = new GroupStore(500);
    const T0 = Date.parse("2026-12-01T10:00:00.000Z");
    const live = (i: number) =>
      ({
        id: String(1000 + i),
        type: "favourite",
        groupKey: `g${i % 700}`,
        createdAt: new Date(T0 + i * 1000).toISOString(),
        account: { id: `a${i}`, acct: `user${i}`, username: `user${i}`, displayName: "" },
      }) as never;
    for (let i = 0; i < 20_000; i++) assert.equal(store.addLive(live(i)), true);
    assert.ok(store.seenSize <= 2000, `${store.seenSize} ids remembered`);
    assert.equal(store.addLive(live(19_999)), false, "the newest again is not counted twice");
    assert.ok(store.groups.length <= 500);
  });
});
