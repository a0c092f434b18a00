// Compiled code kept between runs, so a start does not parse and compile the screen's ~4 MB of
// JavaScript again. Node ≥ 22.1 does this itself (module.enableCompileCache). Node 20 can
// only hand V8 a code cache for a classic script (vm.Script's cachedData), so the build writes
// the screen's path once more as one CommonJS file (scripts/build.mjs, dist/tui-script.cjs)
// and this loads it. The cache lives in the cache folder (paths.ts), one file named by
// tootty's version, Node's version and a hash of the script; it is written 0600 after the
// first paint. Missing, stale, corrupt (V8 rejects it) or unwritable: the script is compiled
// as without a cache, and the start goes on.
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import * as nodeModule from "node:module";
import { join } from "node:path";
import vm from "node:vm";
import { cacheDir } from "../config/paths.js";
import { traceMark } from "./trace.js";

type TuiModule = typeof import("./tui.js");

export interface LoadedTui {
  runTui: TuiModule["runTui"];
  /** Writes the code cache if it was missing or rejected: once the first toots are up. */
  saveCache(): void;
}

const PREFIX = "code-";
const DIGEST = 32;

const digest = (data: Uint8Array): Buffer => createHash("sha256").update(data).digest();

/** The folder of compiled code: the cache folder's "code". */
export function codeCacheDir(env: NodeJS.ProcessEnv): string {
  return join(cacheDir(env), "code");
}

/**
 * The screen's module. Where Node has its own compile cache, that (and the ES module);
 * else the classic script with V8's cachedData, when the build wrote it. TOOTTY_CODE_CACHE=off
 * loads the ES module without any cache (to compare the two).
 */
export async function loadTui(
  filename: string,
  version: string,
  env: NodeJS.ProcessEnv,
): Promise<LoadedTui> {
  const enable = (nodeModule as { enableCompileCache?: (dir: string) => unknown })
    .enableCompileCache;
  if (typeof enable === "function" || env.TOOTTY_CODE_CACHE === "off") {
    if (typeof enable === "function" && env.TOOTTY_CODE_CACHE !== "off") {
      try {
        enable(codeCacheDir(env));
      } catch {}
    }
    return { ...(await import("./tui.js")), saveCache() {} };
  }
  let source: string;
  let hash: string;
  try {
    // The build keeps the script ASCII; its hash is written beside it (hashing ~4 MB here
    // would cost each start ~10 ms).
    source = readFileSync(filename, "latin1");
    hash = readFileSync(`${filename}.sha256`, "latin1").trim();
  } catch {
    return { ...(await import("./tui.js")), saveCache() {} };
  }
  return runScript(source, filename, `${version}-${process.version}-${hash}`, env);
}

/**
 * Runs the classic script `source` (a CommonJS bundle) from `filename`, with the code cache
 * named by `key` (tootty's version, Node's version and the script's hash).
 */
export function runScript(
  source: string,
  filename: string,
  key: string,
  env: NodeJS.ProcessEnv,
): LoadedTui {
  const dir = codeCacheDir(env);
  const file = join(dir, `${PREFIX}${key.replace(/[^\w.-]/g, "_")}.bin`);
  let cachedData: Buffer | undefined;
  let damaged = false;
  try {
    const stored = readFileSync(file);
    // V8 checks a cache's header but not its payload (--verify-snapshot-checksum is off in
    // release builds): a damaged payload ends the process in the deserializer. So the file
    // starts with the payload's SHA-256, checked here (~1.5 ms for ~1 MB).
    const payload = stored.subarray(DIGEST);
    if (stored.length > DIGEST && digest(payload).equals(stored.subarray(0, DIGEST)))
      cachedData = payload;
    else damaged = true;
  } catch {}
  // Node's own wrapper for a CommonJS file, so the bundle's require() and __filename hold.
  const script = new vm.Script(
    `(function (exports, require, module, __filename, __dirname) {${source}\n})`,
    {
      filename,
      ...(cachedData ? { cachedData } : {}),
    },
  );
  const module = { exports: {} as Record<string, unknown> };
  const wrapper = script.runInThisContext() as (...args: unknown[]) => void;
  wrapper(
    module.exports,
    nodeModule.createRequire(filename),
    module,
    filename,
    join(filename, ".."),
  );
  let fresh = cachedData === undefined || script.cachedDataRejected === true;
  traceMark(`code-cache-${damaged || cachedData ? (fresh ? "rejected" : "used") : "missing"}`);
  return {
    runTui: (module.exports as TuiModule).runTui,
    saveCache() {
      if (!fresh) return;
      fresh = false;
      try {
        // After the first paint, the functions the start compiled are in the cache too; and
        // before memory-mode.ts changes V8's flags, which V8 would reject the cache for.
        const data = script.createCachedData();
        mkdirSync(dir, { recursive: true, mode: 0o700 });
        // Other versions' caches go: one file, never a pile.
        for (const name of readdirSync(dir))
          if (name.startsWith(PREFIX)) rmSync(join(dir, name), { force: true });
        const temp = `${file}.${process.pid}.tmp`;
        writeFileSync(temp, Buffer.concat([digest(data), data]), { mode: 0o600 });
        renameSync(temp, file);
      } catch {
        // An unwritable cache folder only costs the next start its compile time.
      }
    },
  };
}
