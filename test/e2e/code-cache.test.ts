// Node 20's code cache for the screen's script (src/cli/code-cache.ts): whatever state the
// cache folder is in (no cache yet, another build's, a damaged file, a folder that cannot be
// written), tootty starts and shows its toots; a usable cache is written 0600 and used next
// time. TOOTTY_TRACE's marks say which way the script was compiled.
import assert from "node:assert/strict";
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import * as nodeModule from "node:module";
import { join } from "node:path";
import { test } from "node:test";
import { e2eInstance, newConfigDir, until } from "../helpers/e2e.js";

const e2e = e2eInstance({ generate: false, seedCount: 20 });
// Node ≥ 22.1 keeps its own compile cache (module.enableCompileCache) instead.
const skip =
  typeof (nodeModule as { enableCompileCache?: unknown }).enableCompileCache === "function";
const TOOT = /@\w+.*\b(now|\d+[smhd])\b/;

const codeDir = (config: string) => join(config, "cache", "code");
const cacheFiles = (config: string) => {
  try {
    return readdirSync(codeDir(config)).filter((n) => n.endsWith(".bin"));
  } catch {
    return [];
  }
};

/** Starts tootty on `config`, waits for a toot on screen, quits; returns its trace marks. */
async function startAndPaint(config: string): Promise<string[]> {
  const trace = join(config, "..", `trace-${Date.now()}.txt`);
  const tui = e2e.start({ cols: 100, rows: 30, configDir: config, env: { TOOTTY_TRACE: trace } });
  await tui.waitFor((s) => TOOT.test(s), "the first toot", 20_000);
  await until("the first toots' mark", () =>
    readFileSync(trace, "utf8").includes("first-toots-painted"),
  );
  tui.send("q");
  assert.equal(await tui.waitForExit(), 0);
  return readFileSync(trace, "utf8")
    .split("\n")
    .map((line) => line.split(" ")[0]!)
    .filter((name) => name.startsWith("code-cache-"));
}

test("no cache yet: starts, writes one 0600 after the paint, and the next start uses it", {
  skip,
}, async () => {
  const config = newConfigDir();
  assert.deepEqual(await startAndPaint(config), ["code-cache-missing"]);
  const [file] = cacheFiles(config);
  assert.ok(file, "a cache file is written");
  assert.equal(statSync(join(codeDir(config), file)).mode & 0o777, 0o600);
  assert.deepEqual(await startAndPaint(config), ["code-cache-used"]);
  assert.deepEqual(cacheFiles(config), [file], "used, not written again");
});

test("another version's cache: starts without it, and it is replaced by this one's", {
  skip,
}, async () => {
  const config = newConfigDir();
  mkdirSync(codeDir(config), { recursive: true });
  writeFileSync(join(codeDir(config), "code-0.0.1-v20.0.0-0123456789abcdef.bin"), "old build");
  assert.deepEqual(await startAndPaint(config), ["code-cache-missing"]);
  const files = cacheFiles(config);
  assert.equal(files.length, 1);
  assert.notEqual(files[0], "code-0.0.1-v20.0.0-0123456789abcdef.bin");
  assert.deepEqual(await startAndPaint(config), ["code-cache-used"]);
});

test("a damaged cache: refused, tootty starts anyway and writes a good one", {
  skip,
}, async () => {
  const config = newConfigDir();
  await startAndPaint(config);
  const [file] = cacheFiles(config);
  assert.ok(file);
  const path = join(codeDir(config), file);
  const damaged = readFileSync(path);
  // Deep in V8's payload, past the header it checks itself.
  damaged.fill(0x5a, damaged.length >> 1, (damaged.length >> 1) + 4096);
  writeFileSync(path, damaged);
  assert.deepEqual(await startAndPaint(config), ["code-cache-rejected"]);
  assert.deepEqual(
    await startAndPaint(config),
    ["code-cache-used"],
    "rewritten after the rejection",
  );
});

test("a cache folder that cannot be written: starts and paints all the same", {
  skip,
}, async () => {
  const config = newConfigDir();
  // A file where the folder should be: no cache can be written there (even as root).
  mkdirSync(join(config, "cache"), { recursive: true });
  writeFileSync(codeDir(config), "not a folder");
  assert.deepEqual(await startAndPaint(config), ["code-cache-missing"]);
  assert.deepEqual(await startAndPaint(config), ["code-cache-missing"]);
});
