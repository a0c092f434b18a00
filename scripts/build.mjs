// Bundles the CLI into one ESM file so start-up does not resolve hundreds of modules.
// blessed stays external: it loads its widgets with a computed require() a bundler cannot follow.
import { readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

// masto converts every answer's keys with a recursive walk and an uncached camelCase per key:
// the first pages' conversion took ~120 ms of CPU at start-up, and JSON nested a few thousand
// levels deep overflowed the stack. src/api/transform-keys.ts keeps masto's contract with its
// own stack and a cache of spellings (~20 ms). The swap is checked: a masto whose serializer
// no longer imports ./transform-keys.js fails the build instead of silently losing it.
const OWN_TRANSFORM_KEYS = fileURLToPath(new URL("../src/api/transform-keys.ts", import.meta.url));
let swapped = false;
const ownTransformKeys = {
  name: "tootty-transform-keys",
  setup(b) {
    b.onResolve({ filter: /^\.\/transform-keys\.js$/ }, (args) => {
      if (!/[\\/]masto[\\/]dist[\\/]esm[\\/]adapters[\\/]serializers[\\/]/.test(args.importer))
        return;
      swapped = true;
      return { path: OWN_TRANSFORM_KEYS };
    });
  },
};

// Chunk names carry content hashes: start clean so stale chunks never pile up.
rmSync("dist", { recursive: true, force: true });

// cli-highlight requires "highlight.js", whose index registers every grammar it has; the
// bundle gives it the core with the grammars tootty uses instead (scripts/highlight-subset.cjs).
const HIGHLIGHT_SUBSET = fileURLToPath(new URL("./highlight-subset.cjs", import.meta.url));
let highlightSwapped = false;
const highlightSubset = {
  name: "tootty-highlight-subset",
  setup(b) {
    b.onResolve({ filter: /^highlight\.js$/ }, (args) => {
      if (!/[\\/]cli-highlight[\\/]/.test(args.importer)) return;
      highlightSwapped = true;
      return { path: HIGHLIGHT_SUBSET };
    });
  },
};

await build({
  entryPoints: { tootty: "src/cli/main.ts" },
  outdir: "dist",
  bundle: true,
  platform: "node",
  format: "esm",
  splitting: true,
  chunkNames: "chunks/[name]-[hash]",
  target: "node20",
  sourcemap: "linked",
  // sixel: its bundled UPNG assigns an undeclared global, which strict-mode ESM refuses.
  external: ["blessed", "sixel"],
  logLevel: "warning",
  plugins: [ownTransformKeys, highlightSubset],
  banner: {
    // CommonJS dependencies inside an ESM bundle still call require(), __dirname and __filename.
    js: [
      'import { createRequire as __tootty_createRequire } from "node:module";',
      'import { fileURLToPath as __tootty_fileURLToPath } from "node:url";',
      'import { dirname as __tootty_dirname } from "node:path";',
      "const require = __tootty_createRequire(import.meta.url);",
      "const __filename = __tootty_fileURLToPath(import.meta.url);",
      "const __dirname = __tootty_dirname(__filename);",
    ].join("\n"),
  },
});
if (!swapped) throw new Error("masto's transform-keys.js was not replaced: see OWN_TRANSFORM_KEYS");
if (!highlightSwapped)
  throw new Error("cli-highlight's highlight.js was not replaced: see HIGHLIGHT_SUBSET");

// V8 keeps a script's source in memory as it was read: one non-ASCII character anywhere (a
// regular expression's "＠" in twitter-text) makes the whole chunk a two-byte string, twice
// its size. esbuild escapes strings and identifiers but leaves comments and regular
// expression literals as written; a \uXXXX escape per UTF-16 unit means the same there (with
// or without the u flag, a surrogate pair of escapes is one code point), so every chunk is
// kept one-byte. (Source map columns after an escaped character on its line shift.)
for (const file of readdirSync("dist", { recursive: true, encoding: "utf8" })) {
  if (!file.endsWith(".js")) continue;
  const path = `dist/${file}`;
  const text = readFileSync(path, "utf8");
  if (!/[^\x00-\x7f]/.test(text)) continue;
  // Two cases an escape would change: a raw template's text, and a character escaped itself.
  if (/String\.raw`[^`]*[^\x00-\x7f]/.test(text) || /(^|[^\\])(\\\\)*\\[^\x00-\x7f]/.test(text))
    throw new Error(`${path}: a non-ASCII character that cannot be written as \\uXXXX`);
  writeFileSync(
    path,
    text.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`),
  );
}
