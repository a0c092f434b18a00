#!/usr/bin/env node
// The published entry point: runs the esbuild bundle (see scripts/build.mjs).
import { existsSync } from "node:fs";
import { setFlagsFromString } from "node:v8";

// A client left open for days: V8 favours memory over peak speed. Without this, the heap
// grows to ~3× the live data while streaming (345 MB RSS after 10 000 statuses, 116 MB with;
// `npm run bench memory`). Set at run time, so the shebang stays portable.
setFlagsFromString("--optimize-for-size");

const bundle = new URL("../dist/tootty.js", import.meta.url);
if (!existsSync(bundle)) {
  process.stderr.write("tootty: not built yet; run `npm run build` (or `npm start`)\n");
  process.exit(1);
}
await import(bundle.href);
