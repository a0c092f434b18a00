// The code cache (src/cli/code-cache.ts): a second start runs on the code the first one
// compiled, and a cache that is missing, stale, damaged, cut short or unwritable only means
// compiling from source. Each start is its own process (a small bundle of CommonJS chunks in the
// shape scripts/build.mjs makes), as V8 answers a script compiled twice in one process from its
// own in-memory cache and would never look at the file.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import * as nodeFs from "node:fs";
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  truncateSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, test } from "node:test";
import { crc32 } from "node:zlib";
import {
  boot,
  type CacheFs,
  cacheKey,
  packCache,
  SMALL_CHUNK,
  unpackCache,
} from "../../src/cli/code-cache.js";
import { CODE_CACHE_HOOK, type CodeCacheReport } from "../../src/cli/code-cache-hook.js";

const LOADER = new URL("../../src/cli/code-cache.ts", import.meta.url).pathname;

/** Enough functions that a chunk is over SMALL_CHUNK and compiling it is real work. */
function functions(prefix: string, count: number): string {
  let code = "";
  for (let i = 0; i < count; i++) {
    code += `function ${prefix}${i}(x) { const y = x * ${i} + ${i % 7}; return y > ${i * 3} ? y - ${i} : y + ${i}; }\n`;
  }
  code += `function ${prefix}All(x) { let s = 0;\n`;
  for (let i = 0; i < count; i++) code += `  s += ${prefix}${i}(x);\n`;
  return `${code}  return s; }\n`;
}

/**
 * A bundle as the build makes it: an entry requiring a shared chunk at once and a lazy chunk
 * through import() (esbuild's CommonJS form), a small chunk, then the first-paint hook. It
 * prints what the chunks computed and the hook's report.
 */
function makeBundle(opts: { exitAfterSave?: boolean } = {}): string {
  const dist = mkdtempSync(join(tmpdir(), "tootty-code-cache-dist-"));
  mkdirSync(join(dist, "chunks"));
  // Run while the entry is still loading (it requires this chunk at its top): the bytes held
  // outside the JS heap then, after collecting all that can be (twice: a collection may leave
  // freeing them to the next), beyond those held before the start (started with --expose-gc).
  const heldWhileLoading = `if (typeof gc === "function") { gc(); gc();
  globalThis.heldWhileLoading = process.memoryUsage().arrayBuffers - globalThis.heldBefore; }\n`;
  writeFileSync(
    join(dist, "chunks", "shared-A.js"),
    `${heldWhileLoading}${functions("shared", 400)}module.exports = { sharedAll, url: __tootty_import_meta_url };\n`,
  );
  writeFileSync(
    join(dist, "chunks", "lazy-B.js"),
    `${functions("lazy", 400)}module.exports = { lazyAll };\n`,
  );
  writeFileSync(join(dist, "chunks", "small-C.js"), "module.exports = { small: 42 };\n");
  writeFileSync(
    join(dist, "tootty.js"),
    `var shared = require("./chunks/shared-A.js");
var small = require("./chunks/small-C.js");
var path = require("node:path");
${functions("entry", 400)}
Promise.resolve().then(() => require("./chunks/lazy-B.js")).then((lazy) => {
  const report = globalThis[Symbol.for("tootty.codeCache")].save();
  process.stdout.write(JSON.stringify({
    sum: entryAll(2) + shared.sharedAll(3) + lazy.lazyAll(4) + small.small,
    sep: path.sep,
    url: shared.url,
    heldWhileLoading: globalThis.heldWhileLoading,
    report,
  }));${opts.exitAfterSave ? "\n  process.exit(0);" : ""}
});
`,
  );
  for (const f of ["tootty.js", "chunks/shared-A.js", "chunks/lazy-B.js"])
    assert.ok(statSync(join(dist, f)).size > SMALL_CHUNK, `${f} is big enough to cache`);
  return dist;
}

interface Start {
  sum: number;
  sep: string;
  url: string;
  /** Bytes outside the JS heap still held while the entry loads (with --expose-gc). */
  heldWhileLoading?: number;
  report: CodeCacheReport;
}

/** One start in its own process; returns what it printed. */
function start(
  dist: string,
  configDir: string,
  version = "1.0.0",
  codeCache = "",
  nodeArgs: string[] = [],
): Start {
  const code = `import { boot } from ${JSON.stringify(LOADER)};
if (typeof gc === "function") { gc(); gc(); globalThis.heldBefore = process.memoryUsage().arrayBuffers; }
boot({ dist: ${JSON.stringify(dist)}, version: ${JSON.stringify(version)}, buildId: "test-build" });`;
  const run = spawnSync(
    process.execPath,
    [...nodeArgs, "--import", "tsx", "--input-type=module", "-e", code],
    {
      encoding: "utf8",
      env: { ...process.env, TOOTTY_CONFIG_DIR: configDir, TOOTTY_CODE_CACHE: codeCache },
      timeout: 30_000,
    },
  );
  assert.equal(run.status, 0, `the start failed:\n${run.stderr}`);
  return JSON.parse(run.stdout) as Start;
}

/** The one code-cache folder under the config's cache folder, and its files. */
function cacheFolder(configDir: string): { folder: string; files: string[] } {
  const root = join(configDir, "cache");
  const folders = readdirSync(root).filter((n) => n.startsWith("code-"));
  assert.equal(folders.length, 1, `one code-cache folder: ${folders.join(", ")}`);
  const folder = join(root, folders[0]!);
  return { folder, files: readdirSync(folder).sort() };
}

const EXPECTED_FILES = ["chunks-lazy-B.js.bin", "chunks-shared-A.js.bin", "tootty.js.bin"];
const ALL_COMPILED = {
  "tootty.js": "compiled",
  "chunks/shared-A.js": "compiled",
  "chunks/small-C.js": "small",
  "chunks/lazy-B.js": "compiled",
};
const ALL_CACHED = {
  "tootty.js": "cache",
  "chunks/shared-A.js": "cache",
  "chunks/small-C.js": "small",
  "chunks/lazy-B.js": "cache",
};

/** A fresh bundle and config folder, started once so the cache is written. */
function cachedOnce(): { dist: string; config: string; first: Start } {
  const dist = makeBundle();
  const config = mkdtempSync(join(tmpdir(), "tootty-code-cache-config-"));
  const first = start(dist, config);
  return { dist, config, first };
}

describe("the code cache across starts", () => {
  test("a start that quits in the turn it saved still writes the cache (q as the toots appear)", () => {
    const dist = makeBundle({ exitAfterSave: true });
    const config = mkdtempSync(join(tmpdir(), "tootty-code-cache-config-"));
    const first = start(dist, config);
    assert.deepEqual(first.report.loaded, ALL_COMPILED);
    assert.deepEqual(cacheFolder(config).files, EXPECTED_FILES);
    assert.deepEqual(start(dist, config).report.loaded, ALL_CACHED);
  });

  test("the first start compiles and writes the cache (0600 in 0700); the second runs from it", () => {
    const { dist, config, first } = cachedOnce();
    assert.deepEqual(first.report.loaded, ALL_COMPILED);
    const { folder, files } = cacheFolder(config);
    assert.deepEqual(files, EXPECTED_FILES, "one file per chunk big enough, no leftovers");
    assert.equal(statSync(folder).mode & 0o777, 0o700);
    for (const f of files) assert.equal(statSync(join(folder, f)).mode & 0o777, 0o600, f);

    const second = start(dist, config);
    assert.deepEqual(second.report.loaded, ALL_CACHED, "V8 took every cached chunk");
    assert.deepEqual(second.report.saving, [], "nothing to write again");
    assert.equal(second.sum, first.sum, "the cached code computes the same");
    assert.equal(second.url, `file://${join(dist, "chunks", "shared-A.js")}`);
  });

  test("a chunk's cache is let go once it is compiled, not held while the chunks it needs load", () => {
    const dist = makeBundle();
    const config = mkdtempSync(join(tmpdir(), "tootty-code-cache-config-"));
    // Both starts with the flag: the cache is keyed to the flags Node was started with.
    start(dist, config, "1.0.0", "", ["--expose-gc"]);
    const entryCache = statSync(join(cacheFolder(config).folder, "tootty.js.bin")).size;
    const second = start(dist, config, "1.0.0", "", ["--expose-gc"]);
    assert.deepEqual(second.report.loaded, ALL_CACHED);
    assert.ok(second.heldWhileLoading !== undefined, "measured");
    // Held, the entry's cache alone is its whole file (~this much per chunk in tootty's build,
    // where it stayed until the first full collection: ~5 MB of RSS after the first paint).
    assert.ok(
      second.heldWhileLoading < entryCache / 2,
      `${second.heldWhileLoading} bytes held while loading; the entry's cache is ${entryCache}`,
    );
  });

  test("a damaged cache file (same length, bytes changed) is not given to V8, and is rewritten", () => {
    const { dist, config, first } = cachedOnce();
    const { folder } = cacheFolder(config);
    const file = join(folder, "chunks-shared-A.js.bin");
    const bytes = readFileSync(file);
    for (let i = bytes.length - 2000; i < bytes.length; i += 37) bytes[i]! ^= 0x5a;
    writeFileSync(file, bytes);
    // V8 checks neither a payload's checksum nor its contents: given these bytes, it crashes.
    const damaged = start(dist, config);
    assert.equal(damaged.report.loaded["chunks/shared-A.js"], "damaged");
    assert.equal(damaged.report.loaded["tootty.js"], "cache", "the other chunks still cached");
    assert.deepEqual(damaged.report.saving, ["chunks/shared-A.js"]);
    assert.equal(damaged.sum, first.sum);
    assert.deepEqual(start(dist, config).report.loaded, ALL_CACHED, "written again whole");
  });

  test("a cache file cut short is ignored and rewritten", () => {
    const { dist, config, first } = cachedOnce();
    const { folder } = cacheFolder(config);
    const file = join(folder, "tootty.js.bin");
    truncateSync(file, Math.floor(statSync(file).size / 2));
    const short = start(dist, config);
    assert.equal(short.report.loaded["tootty.js"], "damaged");
    assert.equal(short.sum, first.sum);
    assert.deepEqual(start(dist, config).report.loaded, ALL_CACHED);
  });

  test("a cache V8 rejects (whole, for this key, but another chunk's code) is compiled anew and rewritten", () => {
    const { dist, config, first } = cachedOnce();
    const { folder } = cacheFolder(config);
    // The lazy chunk's code, filed as the shared chunk's: intact, so only V8 can tell.
    writeFileSync(
      join(folder, "chunks-shared-A.js.bin"),
      readFileSync(join(folder, "chunks-lazy-B.js.bin")),
    );
    const stale = start(dist, config);
    assert.equal(stale.report.loaded["chunks/shared-A.js"], "rejected");
    assert.deepEqual(stale.report.saving, ["chunks/shared-A.js"]);
    assert.equal(stale.sum, first.sum);
    assert.deepEqual(start(dist, config).report.loaded, ALL_CACHED);
  });

  test("another tootty version uses its own cache and removes the old one", () => {
    const { dist, config } = cachedOnce();
    const old = cacheFolder(config).folder;
    const upgraded = start(dist, config, "1.0.1");
    assert.deepEqual(upgraded.report.loaded, ALL_COMPILED, "the old cache is not read");
    const now = cacheFolder(config);
    assert.notEqual(now.folder, old, "a folder of its own, the old one gone");
    assert.deepEqual(now.files, EXPECTED_FILES);
    assert.deepEqual(start(dist, config, "1.0.1").report.loaded, ALL_CACHED);
  });

  test("a cache folder others can write to is neither read nor written", () => {
    const { dist, config } = cachedOnce();
    const { folder } = cacheFolder(config);
    chmodSync(folder, 0o777);
    const shared = start(dist, config);
    assert.deepEqual(shared.report.loaded, ALL_COMPILED, "its files are not run");
    const before = readdirSync(folder).map((f) => statSync(join(folder, f)).mtimeMs);
    start(dist, config);
    const after = readdirSync(folder).map((f) => statSync(join(folder, f)).mtimeMs);
    assert.deepEqual(after, before, "nothing written there either");
    chmodSync(folder, 0o700);
    assert.deepEqual(start(dist, config).report.loaded, ALL_CACHED, "private again: read");
  });

  test("a cache folder that cannot be made: every start compiles from source and runs", () => {
    const dist = makeBundle();
    const config = mkdtempSync(join(tmpdir(), "tootty-code-cache-config-"));
    // A file where the cache folder would be: mkdir fails (ENOTDIR), as on a read-only home.
    writeFileSync(join(config, "cache"), "not a folder");
    const first = start(dist, config);
    assert.deepEqual(first.report.loaded, ALL_COMPILED);
    const second = start(dist, config);
    assert.deepEqual(second.report.loaded, ALL_COMPILED);
    assert.equal(second.sum, first.sum);
    assert.equal(readFileSync(join(config, "cache"), "utf8"), "not a folder");
  });

  test("TOOTTY_CODE_CACHE=off reads and writes nothing", () => {
    const dist = makeBundle();
    const config = mkdtempSync(join(tmpdir(), "tootty-code-cache-config-"));
    const off = start(dist, config, "1.0.0", "off");
    assert.deepEqual(Object.values(off.report.loaded), ["off", "off", "off", "off"]);
    assert.equal(existsSync(join(config, "cache")), false);
  });
});

describe("writing the cache on a full or read-only disk", () => {
  /** Node's fs, with writes that fail as `code` after writing half the bytes. */
  function failingFs(code: string): CacheFs & { tried: string[] } {
    const fs = nodeFs;
    const tried: string[] = [];
    return {
      tried,
      readFileSync: (p) => fs.readFileSync(p),
      lstatSync: (p) => fs.lstatSync(p),
      mkdirSync: (p, o) => fs.mkdirSync(p, o),
      writeFileSync: (p, d, o) => {
        tried.push(p);
        fs.writeFileSync(p, d.subarray(0, d.length >> 1), o);
        throw Object.assign(new Error(`${code}: failed`), { code });
      },
      renameSync: fs.renameSync,
      unlinkSync: fs.unlinkSync,
      readdirSync: (p) => fs.readdirSync(p),
      rmSync: fs.rmSync,
    };
  }

  for (const code of ["ENOSPC", "EROFS"]) {
    test(`${code}: the start goes on, and no partial file is left to be read`, async () => {
      const dist = makeBundle();
      // The bundle prints its report; in this process that goes nowhere.
      writeFileSync(
        join(dist, "tootty.js"),
        readFileSync(join(dist, "tootty.js"), "utf8").replace(
          "process.stdout.write(",
          "globalThis.__codeCacheTest = (",
        ),
      );
      const config = mkdtempSync(join(tmpdir(), "tootty-code-cache-config-"));
      const fs = failingFs(code);
      boot({
        dist,
        version: "1",
        buildId: "b",
        env: { TOOTTY_CONFIG_DIR: config },
        fs,
      });
      const deadline = Date.now() + 10_000;
      while (fs.tried.length < EXPECTED_FILES.length) {
        assert.ok(Date.now() < deadline, `every write tried: ${fs.tried.join(", ")}`);
        await new Promise((r) => setTimeout(r, 10));
      }
      await new Promise((r) => setImmediate(r));
      const out = JSON.parse((globalThis as { __codeCacheTest?: string }).__codeCacheTest!);
      assert.equal(typeof out.sum, "number", "the bundle ran to its end");
      assert.deepEqual(cacheFolder(config).files, [], "no temporary or partial file left");
      delete (globalThis as Record<symbol, unknown>)[CODE_CACHE_HOOK];
    });
  }
});

describe("cache files", () => {
  const key = cacheKey("1.0.0", "build", {});
  const payload = Buffer.from("payload bytes ".repeat(100));

  test("a file unpacks to its payload for its own key only", () => {
    const file = packCache(key, payload, crc32);
    assert.deepEqual(unpackCache(key, file, crc32), payload);
    assert.equal(unpackCache(cacheKey("1.0.1", "build", {}), file, crc32), undefined);
    assert.equal(unpackCache(cacheKey("1.0.0", "other", {}), file, crc32), undefined);
  });

  test("the key changes with the flags Node was started with", () => {
    assert.notEqual(cacheKey("1", "b", { NODE_OPTIONS: "--max-old-space-size=100" }), key);
  });

  test("a file cut short, grown, changed or not one at all unpacks to nothing", () => {
    const file = packCache(key, payload, crc32);
    for (const length of [0, 10, 20, file.length - 1])
      assert.equal(unpackCache(key, file.subarray(0, length), crc32), undefined, `${length}`);
    assert.equal(unpackCache(key, Buffer.concat([file, Buffer.from([0])]), crc32), undefined);
    const changed = Buffer.from(file);
    changed[changed.length - 5]! ^= 1;
    assert.equal(unpackCache(key, changed, crc32), undefined);
    assert.equal(unpackCache(key, Buffer.from("garbage"), crc32), undefined);
  });
});
