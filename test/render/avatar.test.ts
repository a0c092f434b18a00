// The avatar column: the author's picture in the first rows, the toot laid out beside it,
// every line within the pane's width, and a new render once the picture has arrived.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { PictureRows, PictureSource } from "../../src/render/index.js";
import {
  cellWidth,
  pickTheme,
  RenderCache,
  renderStatus,
  stripAnsi,
} from "../../src/render/index.js";
import { makeAccount, makeStatus, NOW } from "./make-status.js";

/** A picture source whose pictures arrive when the test says; it records what was asked. */
function fakeAvatars() {
  const ready = new Set<string>();
  const asked: { url: string; cols: number; rows: number }[] = [];
  const rows: PictureRows = {
    key: (m: PictureSource) => (ready.has(m.previewUrl ?? "") ? "r" : "-"),
    rows(m, cols, rowCount) {
      asked.push({ url: m.previewUrl ?? "", cols, rows: rowCount });
      if (!ready.has(m.previewUrl ?? "")) return null;
      return { lines: Array.from({ length: rowCount }, () => "▀".repeat(cols)), kind: "picture" };
    },
  };
  return { rows, ready, asked };
}

const AVATAR = "https://home.example/avatars/alice.png";
const status = makeStatus({
  account: makeAccount({ avatar: AVATAR, avatarStatic: AVATAR }),
  content: `<p>${"words that wrap over several lines of the pane ".repeat(3)}</p>`,
});
const opts = { width: 60, theme: pickTheme("dark", 3), now: NOW };

describe("avatars beside toots", () => {
  test("off by default: the toot takes the whole width and nothing is asked", () => {
    const cache = new RenderCache();
    assert.deepEqual(cache.get(status, opts), renderStatus(status, opts));
  });

  test("a 4×2 picture in the first rows, the toot beside it, every line within the width", () => {
    const avatars = fakeAvatars();
    avatars.ready.add(AVATAR);
    const lines = new RenderCache().get(status, { ...opts, avatars: avatars.rows });
    assert.deepEqual(avatars.asked.at(-1), { url: AVATAR, cols: 4, rows: 2 });
    const plain = lines.map(stripAnsi);
    assert.ok(plain[0]!.startsWith("▀▀▀▀ ") && plain[1]!.startsWith("▀▀▀▀ "), plain.join("\n"));
    for (const line of plain.slice(2)) assert.ok(line.startsWith("     "), line);
    for (const line of lines) assert.ok(cellWidth(line) <= 60, line);
    // The text is the toot laid out five cells narrower.
    const narrower = renderStatus(status, { ...opts, width: 55 }).map(stripAnsi);
    assert.deepEqual(
      plain.map((l) => l.slice(5)),
      narrower,
    );
  });

  test("blank cells while the picture loads, the picture once it has arrived", () => {
    const avatars = fakeAvatars();
    const cache = new RenderCache();
    const loading = cache.get(status, { ...opts, avatars: avatars.rows }).map(stripAnsi);
    assert.ok(loading[0]!.startsWith("     "));
    avatars.ready.add(AVATAR);
    const shown = cache.get(status, { ...opts, avatars: avatars.rows }).map(stripAnsi);
    assert.ok(shown[0]!.startsWith("▀▀▀▀ "), "the cached lines were not reused");
  });

  test("a boost shows its author's avatar; an account without one, and a narrow pane, get none", () => {
    const avatars = fakeAvatars();
    const booster = makeAccount({ id: "2", acct: "bob", avatarStatic: "https://x.example/b.png" });
    new RenderCache().get(makeStatus({ id: "9", account: booster, reblog: status }), {
      ...opts,
      avatars: avatars.rows,
    });
    assert.equal(avatars.asked.at(-1)?.url, AVATAR);
    const none = makeStatus({ account: makeAccount({ avatar: "", avatarStatic: "" }) });
    const lines = new RenderCache().get(none, { ...opts, avatars: avatars.rows }).map(stripAnsi);
    assert.ok(lines[0]!.startsWith("     "));
    const narrow = { ...opts, width: 24 };
    assert.deepEqual(
      new RenderCache().get(status, { ...narrow, avatars: avatars.rows }),
      renderStatus(status, narrow),
    );
  });
});
