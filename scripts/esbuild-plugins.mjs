// The two dependency swaps every bundle of tootty's code makes (the shipped CLI in
// scripts/build.mjs, the bench in scripts/bench.mjs), so what is measured is what ships.
import { fileURLToPath } from "node:url";

// masto converts every answer's keys with a recursive walk and an uncached camelCase per key:
// the first pages' conversion took ~120 ms of CPU at start-up, and JSON nested a few thousand
// levels deep overflowed the stack. src/api/transform-keys.ts keeps masto's contract with its
// own stack and a cache of spellings (~20 ms). The swap is checked: a masto whose serializer
// no longer imports ./transform-keys.js fails the build instead of silently losing it.
const OWN_TRANSFORM_KEYS = fileURLToPath(new URL("../src/api/transform-keys.ts", import.meta.url));

// cli-highlight requires "highlight.js", whose index registers every grammar it has; the
// bundle gives it the core with the grammars tootty uses instead (scripts/highlight-subset.cjs).
const HIGHLIGHT_SUBSET = fileURLToPath(new URL("./highlight-subset.cjs", import.meta.url));

/** The plugins for esbuild's `plugins`, and a check to run after the build that both applied. */
export function dependencySwaps() {
  let transformKeys = false;
  let highlight = false;
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
  ];
  const check = () => {
    if (!transformKeys)
      throw new Error("masto's transform-keys.js was not replaced: see OWN_TRANSFORM_KEYS");
    if (!highlight)
      throw new Error("cli-highlight's highlight.js was not replaced: see HIGHLIGHT_SUBSET");
  };
  return { plugins, check };
}
