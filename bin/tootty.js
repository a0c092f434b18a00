#!/usr/bin/env node
// The published entry point: runs the bundle in dist/ (scripts/build.mjs) through its code-cache
// loader (src/cli/code-cache.ts). CommonJS (bin/package.json): Node starts a CommonJS entry
// without setting up its ES module loader, a few ms sooner.
"use strict";
const { existsSync } = require("node:fs");
const { join } = require("node:path");

const boot = join(__dirname, "..", "dist", "boot.js");
if (!existsSync(boot)) {
  process.stderr.write("tootty: not built yet; run `npm run build` (or `npm start`)\n");
  process.exit(1);
}
require(boot);
