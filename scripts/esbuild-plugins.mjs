// The dependency swaps every bundle of tootty's code makes (the shipped CLI in
// scripts/build.mjs, the bench in scripts/bench.mjs), so what is measured is what ships.
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { swapBidiLookUp } from "./bidi-char-types.mjs";

// masto converts every answer's keys with a recursive walk and an uncached camelCase per key:
// the first pages' conversion took ~120 ms of CPU at start-up, and JSON nested a few thousand
// levels deep overflowed the stack. src/api/transform-keys.ts keeps masto's contract with its
// own stack and a cache of spellings (~20 ms). The swap is checked: a masto whose serializer
// no longer imports ./transform-keys.js fails the build instead of silently losing it.
const OWN_TRANSFORM_KEYS = fileURLToPath(new URL("../src/api/transform-keys.ts", import.meta.url));

// cli-highlight requires "highlight.js", whose index registers every grammar it has; the
// bundle gives it the core with the grammars tootty uses instead (scripts/highlight-subset.cjs).
const HIGHLIGHT_SUBSET = fileURLToPath(new URL("./highlight-subset.cjs", import.meta.url));

// bidi-js builds a Map of every code point it classes on its first lookup (~13–19 ms of the
// first paint with Arabic or Hebrew on screen); the bundle's bidi-js looks classes up in a
// table of ranges made from its own answers at build time (scripts/bidi-char-types.mjs). A
// bidi-js whose lookup reads differently fails the build there.
const BIDI_JS_DIST = /[\\/]bidi-js[\\/]dist[\\/]bidi\.m?js$/;

/** The plugins for esbuild's `plugins`, and a check to run after the build that all applied. */
export function dependencySwaps() {
  let transformKeys = false;
  let highlight = false;
  let bidiLookUp = false;
  const plugins = [
    {
      name: "tootty-transform-keys",
      setup(b) {
        b.onResolve({ filter: /^\.\/transform-keys\.js$/ }, (args) => {
          if (!/[\\/]masto[\\/]dist[\\/]esm[\\/]adapters[\\/]serializers[\\/]/.test(args.importer))
            return;
          transformKeys = true;
          return { path: OWN_TRANSFORM_KEYS };
        });
      },
    },
    {
      name: "tootty-highlight-subset",
      setup(b) {
        b.onResolve({ filter: /^highlight\.js$/ }, (args) => {
          if (!/[\\/]cli-highlight[\\/]/.test(args.importer)) return;
          highlight = true;
          return { path: HIGHLIGHT_SUBSET };
        });
      },
    },
    {
      name: "tootty-bidi-ranges",
      setup(b) {
        b.onLoad({ filter: BIDI_JS_DIST }, async (args) => {
          const contents = await swapBidiLookUp(args.path);
          bidiLookUp = true;
          return { contents, loader: "js", resolveDir: dirname(args.path) };
        });
      },
    },
  ];
  const check = () => {
    if (!transformKeys)
      throw new Error("masto's transform-keys.js was not replaced: see OWN_TRANSFORM_KEYS");
    if (!highlight)
      throw new Error("cli-highlight's highlight.js was not replaced: see HIGHLIGHT_SUBSET");
    if (!bidiLookUp) throw new Error("bidi-js's class lookup was not replaced: see BIDI_JS_DIST");
  };
  return { plugins, check };
}
