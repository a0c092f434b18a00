// Bundles the CLI so start-up does not resolve hundreds of modules, in chunks that load on
// demand, as CommonJS run by src/cli/code-cache.ts with a V8 code cache (dist/boot.js).
// blessed is bundled file by file (src/ui/shell/blessed.ts imports the widgets it draws with;
// scripts/esbuild-plugins.mjs adapts what a bundle would break).
import { createHash } from "node:crypto";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, relative } from "node:path";
import { build, transform } from "esbuild";
import { dependencySwaps } from "./esbuild-plugins.mjs";

// Chunk names carry content hashes: start clean so stale chunks never pile up.
rmSync("dist", { recursive: true, force: true });

const swaps = dependencySwaps();
// esbuild splits code into chunks only in ES module output, and Node 20 caches compiled code
// only for scripts (vm.Script), not for ES modules: so the chunks are made as ES modules, then
// each is turned into CommonJS on its own. esbuild's CommonJS keeps the chunks' live bindings
// (exports are getters) and turns import() into a require() inside a promise, which the
// loader serves from the same cache.
const esm = await build({
  entryPoints: { tootty: "src/cli/main.ts" },
  outdir: "dist",
  bundle: true,
  platform: "node",
  format: "esm",
  splitting: true,
  chunkNames: "chunks/[name]-[hash]",
  target: "node20",
  // sixel: its bundled UPNG assigns an undeclared global, which strict-mode code refuses.
  external: ["sixel"],
  logLevel: "warning",
  plugins: swaps.plugins,
  write: false,
  metafile: true,
});
swaps.check();

// V8 keeps a script's source in memory as it was read: one non-ASCII character anywhere (a
// regular expression's "＠" in twitter-text) makes the whole chunk a two-byte string, twice
// its size. esbuild escapes strings and identifiers but leaves comments and regular
// expression literals as written; a \uXXXX escape per UTF-16 unit means the same there (with
// or without the u flag, a surrogate pair of escapes is one code point), so every chunk is
// kept one-byte.
function oneByte(path, text) {
  if (!/[^\x00-\x7f]/.test(text)) return text;
  // Two cases an escape would change: a raw template's text, and a character escaped itself.
  if (/String\.raw`[^`]*[^\x00-\x7f]/.test(text) || /(^|[^\\])(\\\\)*\\[^\x00-\x7f]/.test(text))
    throw new Error(`${path}: a non-ASCII character that cannot be written as \\uXXXX`);
  return text.replace(
    /[^\x00-\x7f]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}

const root = process.cwd();
const chunks = [];
for (const file of esm.outputFiles) {
  const path = relative(root, file.path).split("\\").join("/");
  const { code } = await transform(file.text, {
    // V8 holds a script's whole source for as long as its functions live (lazy compiling and
    // toString read it again): without the indentation, comments and line breaks the chunks
    // are ~30% smaller (3.6 → 2.5 MB), and an idle tootty's RSS after its first paint ~2 MB
    // lower (two interleaved A/B runs, 14 and 16 starts each, 74 → 70 and 73 → 71 MB). Names
    // are kept, so a stack trace still reads by function.
    minifyWhitespace: true,
    format: "cjs",
    loader: "js",
    platform: "node",
    target: "node20",
    // The loader passes each chunk its own file's URL (src/cli/code-cache.ts).
    define: { "import.meta.url": "__tootty_import_meta_url" },
    // import() as require() inside a promise, so lazy chunks load through the loader too.
    supported: { "dynamic-import": false },
    // ES modules are strict; the chunks stay so inside the loader's function wrapper.
    banner: '"use strict";',
    logLevel: "warning",
  });
  chunks.push({ path, text: oneByte(path, code) });
}
const hash = createHash("sha256");
for (const { path, text } of chunks.sort((a, b) => (a.path < b.path ? -1 : 1))) {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
  hash.update(`${path}\0${text}\0`);
}
// The chunks are CommonJS; Node reads them so too, should anything require one directly.
writeFileSync("dist/package.json", `${JSON.stringify({ type: "commonjs" })}\n`);

// What each chunk holds and imports at once (not import()), for test/e2e/start-graph: the
// CommonJS chunks no longer carry esbuild's "// path" comments.
const graph = {};
for (const [out, meta] of Object.entries(esm.metafile.outputs)) {
  if (!out.endsWith(".js")) continue;
  graph[out.replace(/^dist\//, "")] = {
    modules: Object.keys(meta.inputs),
    imports: meta.imports
      .filter((i) => i.kind === "import-statement" && !i.external)
      .map((i) => i.path.replace(/^dist\//, "")),
  };
}
writeFileSync("dist/graph.json", `${JSON.stringify(graph, null, 1)}\n`);

// The boot loader, with the bundle's hash: a cache made for other chunks is never used.
await build({
  entryPoints: ["src/cli/boot.ts"],
  outfile: "dist/boot.js",
  bundle: true,
  platform: "node",
  format: "cjs",
  target: "node20",
  define: { TOOTTY_BUILD_ID: JSON.stringify(hash.digest("hex").slice(0, 32)) },
  logLevel: "warning",
});
