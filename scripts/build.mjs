// Bundles the CLI into one ESM file so start-up does not resolve hundreds of modules.
// blessed stays external: it loads its widgets with a computed require() a bundler cannot follow.
import { readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { build } from "esbuild";
import { dependencySwaps } from "./esbuild-plugins.mjs";

// Chunk names carry content hashes: start clean so stale chunks never pile up.
rmSync("dist", { recursive: true, force: true });

const swaps = dependencySwaps();
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
  plugins: swaps.plugins,
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
swaps.check();

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
