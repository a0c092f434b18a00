// The picture cache on disk: bounded, least recently used first, and a write's cost must not
// grow with what the folder holds (it read and stat'ed every file after each write).
import assert from "node:assert/strict";
import * as fs from "node:fs";
import { createRequire, syncBuiltinESMExports } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { DiskCache } from "../../src/images/disk-cache.js";

const nodeFs = createRequire(import.meta.url)("node:fs") as {
  readdirSync: typeof fs.readdirSync;
  statSync: typeof fs.statSync;
};

/** Counts node:fs's directory reads and stats while `run` runs (ES imports see the swap too). */
function countingFolderReads(run: () => void): number {
  const { readdirSync, statSync } = nodeFs;
  let calls = 0;
  nodeFs.readdirSync = ((...a: Parameters<typeof readdirSync>) => {
    calls++;
    return readdirSync(...a);
  }) as typeof readdirSync;
  nodeFs.statSync = ((...a: Parameters<typeof statSync>) => {
    calls++;
    return statSync(...a);
  }) as typeof statSync;
  syncBuiltinESMExports();
  try {
    run();
  } finally {
    nodeFs.readdirSync = readdirSync;
    nodeFs.statSync = statSync;
    syncBuiltinESMExports();
  }
  return calls;
}

const folder = () => fs.mkdtempSync(join(tmpdir(), "tootty-disk-cache-"));
const pictures = (dir: string) => fs.readdirSync(dir).filter((n) => n.endsWith(".bin"));
const folderBytes = (dir: string) =>
  pictures(dir).reduce((sum, n) => sum + fs.statSync(join(dir, n)).size, 0);

test("a new picture costs the same folder reads however many the folder holds", () => {
  const dir = folder();
  const cache = new DiskCache(dir, 1024 * 1024 * 1024);
  for (let i = 0; i < 300; i++) cache.write(`https://pics.example/${i}`, new Uint8Array(64));
  const calls = countingFolderReads(() => {
    for (let i = 300; i < 400; i++) cache.write(`https://pics.example/${i}`, new Uint8Array(64));
  });
  assert.ok(calls <= 2, `${calls} directory reads and stats for 100 writes beside 300 pictures`);
  assert.equal(pictures(dir).length, 400);
  // A cache opened on a folder that already holds pictures reads it once, not at each write.
  const again = new DiskCache(dir, 1024 * 1024 * 1024);
  const first = countingFolderReads(() => again.write("https://pics.example/a", new Uint8Array(8)));
  const next = countingFolderReads(() => again.write("https://pics.example/b", new Uint8Array(8)));
  assert.ok(first > 400 && next === 0, `first write ${first}, the next ${next}`);
  assert.equal(again.read("https://pics.example/7")?.length, 64);
});

test("over its limit the folder loses its least recently used pictures, a picture read stays", () => {
  const dir = folder();
  const cache = new DiskCache(dir, 10 * 1024);
  const kb = new Uint8Array(1024);
  const seen = new Set<string>();
  const t0 = Date.now() / 1000 - 3600;
  for (let i = 0; i < 10; i++) {
    cache.write(`https://pics.example/${i}`, kb);
    // Each written a minute after the last (mtimes are what the next start reads).
    const file = join(dir, pictures(dir).find((n) => !seen.has(n))!);
    seen.add(file.split("/").pop()!);
    fs.utimesSync(file, t0 + i * 60, t0 + i * 60);
  }
  assert.equal(folderBytes(dir), 10 * 1024);
  assert.ok(cache.read("https://pics.example/0"), "the oldest, read again: now the newest");
  cache.write("https://pics.example/10", kb);
  assert.ok(folderBytes(dir) <= 10 * 1024, `${folderBytes(dir)} bytes held`);
  assert.ok(cache.read("https://pics.example/0"), "a picture just read is kept");
  assert.ok(cache.read("https://pics.example/10"), "the picture just written is kept");
  assert.equal(cache.read("https://pics.example/1"), null, "the least recently used goes first");
  assert.ok(cache.read("https://pics.example/9"), "recent ones stay");
});

test("pictures another tootty wrote to the same folder count toward the limit", () => {
  const dir = folder();
  const mine = new DiskCache(dir, 8 * 1024);
  const theirs = new DiskCache(dir, 8 * 1024);
  const kb = new Uint8Array(1024);
  mine.write("https://pics.example/mine", kb);
  for (let i = 0; i < 7; i++) theirs.write(`https://pics.example/theirs-${i}`, kb);
  assert.equal(folderBytes(dir), 8 * 1024);
  mine.write("https://pics.example/mine-2", kb);
  assert.ok(folderBytes(dir) <= 8 * 1024, `${folderBytes(dir)} bytes held by two caches`);
  assert.ok(mine.read("https://pics.example/mine-2"));
});
