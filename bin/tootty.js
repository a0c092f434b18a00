#!/usr/bin/env node
// The published entry point: runs the esbuild bundle (see scripts/build.mjs).
import { existsSync } from "node:fs";

const bundle = new URL("../dist/tootty.js", import.meta.url);
if (!existsSync(bundle)) {
  process.stderr.write("tootty: not built yet; run `npm run build` (or `npm start`)\n");
  process.exit(1);
}
await import(bundle.href);
