// dist/boot.js, which bin/tootty.js requires: runs the bundle beside it through the code cache.
// TOOTTY_BUILD_ID is the bundle's hash, written in by scripts/build.mjs.
import pkg from "../../package.json" with { type: "json" };
import { boot } from "./code-cache.js";
import { keepYoungGenerationSmall } from "./memory-mode.js";

declare const TOOTTY_BUILD_ID: string;

// Before any chunk compiles: V8 rejects a code cache made under other flags than its own at
// that moment, so a flag set once some chunks were compiled would make the cache of those
// chunks, written later under the new flags, one the next start always rejects.
keepYoungGenerationSmall();
boot({ dist: __dirname, version: pkg.version, buildId: TOOTTY_BUILD_ID });
