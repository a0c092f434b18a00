// `npm run bench [SECTION…]`: runs test/bench/run.ts as esbuild bundles it for shipping (the
// same dependency swaps as scripts/build.mjs), not through tsx. Under tsx cli-highlight got
// the whole highlight.js (every grammar registered on import) and masto its own key
// conversion, and tsx keeps function names by wrapping each function it creates in a
// `__name()` call (closures made per toot included), so the in-process figures (rendering,
// scrolling, streaming feeds) measured code that never ships.
import { spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { dependencySwaps } from "./esbuild-plugins.mjs";

// Beside run.ts, so the bench's own paths relative to its file (../../bin, ../fixtures) hold.
const out = fileURLToPath(new URL("../test/bench/.run.bundle.mjs", import.meta.url));
const swaps = dependencySwaps();
await build({
  entryPoints: [fileURLToPath(new URL("../test/bench/run.ts", import.meta.url))],
  outfile: out,
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  // sixel as in the shipped build; node-pty loads a native binary by path.
  external: ["sixel", "@lydell/node-pty"],
  logLevel: "warning",
  plugins: swaps.plugins,
  banner: {
    js: [
      'import { createRequire as __bench_createRequire } from "node:module";',
      "const require = __bench_createRequire(import.meta.url);",
    ].join("\n"),
  },
});
swaps.check();
try {
  const run = spawnSync(process.execPath, [out, ...process.argv.slice(2)], { stdio: "inherit" });
  process.exitCode = run.status ?? 1;
} finally {
  rmSync(out, { force: true });
}
