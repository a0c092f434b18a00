// dist/boot.js, which bin/tootty.js requires: runs the bundle beside it through the code cache.
// TOOTTY_BUILD_ID is the bundle's hash, written in by scripts/build.mjs.
import pkg from "../../package.json" with { type: "json" };
import { boot } from "./code-cache.js";

declare const TOOTTY_BUILD_ID: string;

boot({ dist: __dirname, version: pkg.version, buildId: TOOTTY_BUILD_ID });
