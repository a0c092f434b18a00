// Runs the built bundle (dist/, CommonJS chunks: scripts/build.mjs) through vm.Script with a V8
// code cache, so a start deserialises the functions the last start compiled instead of parsing
// and compiling them again. Node 20 has no code cache for ES modules (module.enableCompileCache
// came in Node 22.1), which is why the bundle's chunks are CommonJS and loaded here.
//
// The cache is written once per build, after the first paint (saveCodeCache), so it holds the
// functions the start actually ran, not only the top-level code: V8's createCachedData()
// serialises every function compiled so far. It lives in the cache folder
// (src/config/paths.ts), one file per chunk, in a folder named for what makes a cache valid:
// tootty's version, the bundle's hash, Node's and V8's versions, the architecture and the
// flags Node was started with. Each file carries that key and a CRC-32 of its payload: V8
// checks a cache's version, flags and source length itself, but not its contents (release
// builds run with --no-verify-snapshot-checksum), and a damaged payload it accepts crashes the
// process. Anything wrong — no file, another key, a short or damaged file, a cache V8 rejects,
// a folder that cannot be written — and the chunk is compiled from source as without a cache.
//
// This file is the boot entry (dist/boot.js): it loads before the bundle, so it imports only
// Node's own modules and the cache folder's rule.
import {
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  unlinkSync,
  writeFileSync,
} from "node:fs";
import { createRequire } from "node:module";
import { basename, dirname, join, relative, resolve, sep } from "node:path";
import { pathToFileURL } from "node:url";
import { Script } from "node:vm";
import { cacheDir } from "../config/paths.js";
import { CODE_CACHE_HOOK, type CodeCacheReport, type CodeSource } from "./code-cache-hook.js";

/** The file operations the cache uses; a test substitutes failing ones. */
export interface CacheFs {
  readFileSync(path: string): Buffer;
  lstatSync(path: string): { isDirectory(): boolean; mode: number; uid: number };
  mkdirSync(path: string, opts: { recursive: true; mode: number }): unknown;
  writeFileSync(path: string, data: Uint8Array, opts: { mode: number; flag: "wx" }): void;
  renameSync(from: string, to: string): void;
  unlinkSync(path: string): void;
  readdirSync(path: string): string[];
  rmSync(path: string, opts: { recursive: true; force: true }): void;
}

const nodeFs: CacheFs = {
  readFileSync: (p) => readFileSync(p),
  lstatSync: (p) => lstatSync(p),
  mkdirSync: (p, o) => mkdirSync(p, o),
  writeFileSync: (p, d, o) => writeFileSync(p, d, o),
  renameSync,
  unlinkSync,
  readdirSync: (p) => readdirSync(p),
  rmSync,
};

/**
 * A cache is code the process runs: only from a folder that is ours and that nobody else can
 * write to (a cache folder moved to a shared place, an XDG_CACHE_HOME under /tmp), never
 * through a symbolic link.
 */
function isPrivateFolder(fs: CacheFs, folder: string): boolean {
  try {
    const st = fs.lstatSync(folder);
    const uid = process.getuid?.();
    return st.isDirectory() && (st.mode & 0o077) === 0 && (uid === undefined || st.uid === uid);
  } catch {
    return false;
  }
}

/** Below this a chunk compiles in well under a millisecond: reading a cache would cost more. */
export const SMALL_CHUNK = 16 * 1024;

const MAGIC = Buffer.from("tootty-v8-cache\n");
/** Folders of code caches start so; others in the cache folder (pictures) are not touched. */
const FOLDER_PREFIX = "code-";

/**
 * The function a CommonJS chunk is wrapped in, as Node wraps a CommonJS module. The build puts
 * a strict-mode directive first in each chunk, which is then this function's.
 */
const WRAP_HEAD =
  "(function (exports, require, module, __filename, __dirname, __tootty_import_meta_url) {";
const WRAP_TAIL = "\n})";

type Crc32 = (data: Uint8Array) => number;
let crc32: Crc32 | null | undefined;
/** zlib.crc32 (Node 20.16 and newer have it and getBuiltinModule); null, and no cache, before. */
function loadCrc32(): Crc32 | null {
  if (crc32 === undefined) {
    // Loaded only when a cache is read or written: `tootty --version` reads none (SMALL_CHUNK).
    const zlib = process.getBuiltinModule?.("node:zlib") as { crc32?: Crc32 } | undefined;
    crc32 = typeof zlib?.crc32 === "function" ? zlib.crc32 : null;
  }
  return crc32;
}

/** The cache's key: everything a compiled function depends on besides its source. */
export function cacheKey(version: string, buildId: string, env: NodeJS.ProcessEnv): string {
  return [
    `tootty ${version}`,
    `bundle ${buildId}`,
    `node ${process.version} v8 ${process.versions.v8} ${process.arch} ${process.platform}`,
    `flags ${process.execArgv.join(" ")} | ${env.NODE_OPTIONS ?? ""}`,
  ].join("\n");
}

/** A short stable name for the key (FNV-1a, 32 bits twice); the file itself holds the key. */
function keyName(key: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x811c9dc5) ^ (b >>> 15);
  }
  return (a >>> 0).toString(16).padStart(8, "0") + (b >>> 0).toString(16).padStart(8, "0");
}

/** The cache file's bytes: magic, key, payload length and CRC-32, payload. */
export function packCache(key: string, payload: Uint8Array, crc: Crc32): Buffer {
  const keyBytes = Buffer.from(key, "utf8");
  const head = Buffer.alloc(4 + keyBytes.length + 8);
  head.writeUInt32LE(keyBytes.length, 0);
  keyBytes.copy(head, 4);
  head.writeUInt32LE(payload.length, 4 + keyBytes.length);
  head.writeUInt32LE(crc(payload), 8 + keyBytes.length);
  return Buffer.concat([MAGIC, head, payload]);
}

/** The payload of a cache file made for `key`, or undefined when it is not one, whole and intact. */
export function unpackCache(key: string, file: Buffer, crc: Crc32): Buffer | undefined {
  if (file.length < MAGIC.length + 12 || !file.subarray(0, MAGIC.length).equals(MAGIC)) return;
  let at = MAGIC.length;
  const keyLength = file.readUInt32LE(at);
  at += 4;
  if (at + keyLength + 8 > file.length) return;
  if (file.toString("utf8", at, at + keyLength) !== key) return;
  at += keyLength;
  const length = file.readUInt32LE(at);
  const sum = file.readUInt32LE(at + 4);
  at += 8;
  if (file.length !== at + length) return;
  const payload = file.subarray(at);
  return crc(payload) === sum ? payload : undefined;
}

export interface BootOptions {
  /** The built bundle's folder (holding tootty.js and chunks/). */
  dist: string;
  /** The entry chunk, relative to dist. */
  entry?: string;
  version: string;
  /** A hash of the bundle's chunks, made by the build. */
  buildId: string;
  env?: NodeJS.ProcessEnv;
  fs?: CacheFs;
}

interface Chunk {
  module: { exports: unknown };
  script: Script;
  source: CodeSource;
  /** Its cache file, when the chunk is big enough to cache. */
  cacheFile?: string;
}

/** Loads the bundle's entry through the cached loader; returns once its top level has run. */
export function boot(opts: BootOptions): void {
  const env = opts.env ?? process.env;
  const fs = opts.fs ?? nodeFs;
  const dist = resolve(opts.dist);
  const off = env.TOOTTY_CODE_CACHE === "off";
  const key = cacheKey(opts.version, opts.buildId, env);
  const root = cacheDir(env);
  const folder = join(root, FOLDER_PREFIX + keyName(key));
  const chunks = new Map<string, Chunk>();
  const nodeRequires = new Map<string, NodeJS.Require>();
  let saved = false;
  let readable: boolean | undefined;

  /** A chunk's cached code; "damaged" for a file there that is not one whole and for this key. */
  const readCache = (file: string): Buffer | "damaged" | undefined => {
    readable ??= isPrivateFolder(fs, folder);
    if (!readable) return;
    let bytes: Buffer;
    try {
      bytes = fs.readFileSync(file);
    } catch {
      return;
    }
    const crc = loadCrc32();
    if (!crc) return;
    return unpackCache(key, bytes, crc) ?? "damaged";
  };

  /**
   * A chunk compiled, from its cache when there is a good one. Apart from load, so that no
   * frame still on the stack while the chunk runs (and loads the chunks it needs, and those
   * theirs) holds the cache's bytes: they would outlive young-generation collections, reach the
   * old generation and stay in memory until its first collection, ~1.3 MB for the bundle.
   */
  const compile = (file: string): Omit<Chunk, "module"> => {
    const code = readFileSync(file, "utf8");
    const name = relative(dist, file).split(sep).join("-");
    const cacheFile = !off && code.length >= SMALL_CHUNK ? join(folder, `${name}.bin`) : undefined;
    const cached = cacheFile ? readCache(cacheFile) : undefined;
    const cachedData = cached instanceof Buffer ? cached : undefined;
    const script = new Script(WRAP_HEAD + code + WRAP_TAIL, {
      filename: file,
      ...(cachedData ? { cachedData } : {}),
    });
    const source: CodeSource = off
      ? "off"
      : !cacheFile
        ? "small"
        : cached === "damaged"
          ? "damaged"
          : !cachedData
            ? "compiled"
            : script.cachedDataRejected
              ? "rejected"
              : "cache";
    return { script, source, ...(cacheFile ? { cacheFile } : {}) };
  };

  const load = (file: string): unknown => {
    const known = chunks.get(file);
    if (known) return known.module.exports;
    const module = { exports: {} as unknown };
    const chunk: Chunk = { module, ...compile(file) };
    // Registered before it runs, as Node registers a CommonJS module (the chunk graph has no
    // cycles, but a partial answer is what a cycle would get anywhere).
    chunks.set(file, chunk);
    const dir = dirname(file);
    const fn = chunk.script.runInThisContext() as (...args: unknown[]) => void;
    fn.call(
      module.exports,
      module.exports,
      requireFrom(dir),
      module,
      file,
      dir,
      pathToFileURL(file).href,
    );
    return module.exports;
  };

  /** A chunk's require: its sibling chunks through this loader, anything else through Node's. */
  const requireFrom = (dir: string) => {
    let node = nodeRequires.get(dir);
    if (!node) {
      node = createRequire(join(dir, "noop.js"));
      nodeRequires.set(dir, node);
    }
    const nodeRequire = node;
    const req = (id: string) =>
      id.startsWith("./") || id.startsWith("../") ? load(resolve(dir, id)) : nodeRequire(id);
    return Object.assign(req, { resolve: nodeRequire.resolve, cache: nodeRequire.cache });
  };

  const save = (): CodeCacheReport => {
    const report: CodeCacheReport = { loaded: {}, saving: [] };
    for (const [file, chunk] of chunks) report.loaded[relative(dist, file)] = chunk.source;
    if (saved || off) return report;
    saved = true;
    const crc = loadCrc32();
    if (!crc) return report;
    // Serialised now, in one go: V8 keys a cache to its flags at the moment it is made, and the
    // start changes a flag right after this (memory-mode.ts), which would make any cache made
    // later one the next start rejects.
    const writes: Array<[string, Buffer]> = [];
    for (const [file, chunk] of chunks) {
      if (!chunk.cacheFile || chunk.source === "cache") continue;
      writes.push([chunk.cacheFile, packCache(key, chunk.script.createCachedData(), crc)]);
      report.saving.push(relative(dist, file));
    }
    if (writes.length > 0) {
      // After this turn, so the first frame is not held up by the disk; or at exit, when the
      // user quits in the very turn the toots appeared (q read before the immediate ran).
      let written = false;
      const write = () => {
        if (written) return;
        written = true;
        process.off("exit", write);
        writeAll(fs, root, folder, writes);
      };
      setImmediate(write);
      process.once("exit", write);
    }
    return report;
  };

  (globalThis as Record<symbol, unknown>)[CODE_CACHE_HOOK] = { save };
  load(join(dist, opts.entry ?? "tootty.js"));
}

/**
 * Writes each cache file atomically (a temporary file in the same folder, then a rename), 0600
 * in a 0700 folder (none into a folder others could write to), and removes the folders of other keys (an older tootty). A failure (a
 * read-only or full disk) leaves no partial file and is otherwise ignored: the next start
 * compiles from source and tries again.
 */
function writeAll(fs: CacheFs, root: string, folder: string, writes: Array<[string, Buffer]>) {
  try {
    fs.mkdirSync(folder, { recursive: true, mode: 0o700 });
  } catch {
    return;
  }
  if (!isPrivateFolder(fs, folder)) return;
  for (const [file, bytes] of writes) {
    const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    try {
      fs.writeFileSync(tmp, bytes, { mode: 0o600, flag: "wx" });
      fs.renameSync(tmp, file);
    } catch {
      try {
        fs.unlinkSync(tmp);
      } catch {}
    }
  }
  try {
    for (const name of fs.readdirSync(root)) {
      if (name.startsWith(FOLDER_PREFIX) && name !== basename(folder))
        fs.rmSync(join(root, name), { recursive: true, force: true });
    }
  } catch {}
}
