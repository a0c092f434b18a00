// Bundles the CLI into one ESM file so start-up does not resolve hundreds of modules.
// blessed stays external: it loads its widgets with a computed require() a bundler cannot follow.
import { rmSync } from "node:fs";
import { build } from "esbuild";

// Chunk names carry content hashes: start clean so stale chunks never pile up.
rmSync("dist", { recursive: true, force: true });

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
  external: ["blessed"],
  logLevel: "warning",
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
