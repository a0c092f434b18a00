// The dependency swaps every bundle of tootty's code makes (the shipped CLI in
// scripts/build.mjs, the bench in scripts/bench.mjs), so what is measured is what ships.
import { readFile } from "node:fs/promises";
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

// blessed's files are bundled, so their compiled code is in the chunks' code cache: loaded
// through require() they took ~17–20 ms of every start to parse and compile (a fresh node 20
// here, lib/widgets/screen.js and box.js). Four things a bundle would break, or that cost a
// start for nothing or are wrong, are changed:
// - lib/tput.js finds its own terminfo files (usr/) by its __dirname, which in a chunk is
//   dist/chunks: it is given blessed's folder, found from the chunk as a require would.
// - lib/unicode.js reaches the screen's tab width through blessed's index, which requires all
//   of its widgets by computed names: it is given the screen's module, all it reads there.
// - node:assert and node:child_process load when first used (scripts/blessed-assert.cjs,
//   blessed-child-process.cjs), not at every start.
// - lib/colors.js matched each of the 256 colours against the first 8 as it loaded (~2 000
//   colour distances at every start), for a table it then replaces, and left those answers
//   in the cache `match` reads: a 24-bit colour that is exactly one of the 256 (a theme's
//   #00005f) came out as one of the 8 (black). It matches nothing as it loads now
//   (test/e2e/theme-colours.test.ts).
const BLESSED_LIB = /[\\/]blessed[\\/]lib[\\/]/;
const BLESSED_SHIMS = {
  assert: fileURLToPath(new URL("./blessed-assert.cjs", import.meta.url)),
  child_process: fileURLToPath(new URL("./blessed-child-process.cjs", import.meta.url)),
};
const BLESSED_EDITS = {
  "tput.js": {
    from: "__dirname + '/../usr/",
    to: "__blessedUsr + '/",
    count: 4,
    head: 'var __blessedUsr = require("path").join(require("path").dirname(require.resolve("blessed/package.json")), "usr");\n',
  },
  "unicode.js": { from: "require('../')", to: "{ screen: require('./widgets/screen') }", count: 1 },
  "colors.js": { from: "out = cols.map(exports.match);", to: "out = [];", count: 1 },
};

/** The plugins for esbuild's `plugins`, and a check to run after the build that all applied. */
export function dependencySwaps() {
  let transformKeys = false;
  let highlight = false;
  let bidiLookUp = false;
  const blessedEdits = new Set();
  const plugins = [
    {
      name: "tootty-blessed",
      setup(b) {
        b.onResolve({ filter: /^(assert|child_process)$/ }, (args) => {
          if (!BLESSED_LIB.test(args.importer)) return;
          return { path: BLESSED_SHIMS[args.path] };
        });
        b.onLoad({ filter: /[\\/]blessed[\\/]lib[\\/].*\.js$/ }, async (args) => {
          let contents = await readFile(args.path, "utf8");
          const edit = BLESSED_EDITS[args.path.split(/[\\/]/).pop()];
          if (edit && BLESSED_LIB.test(args.path) && !/[\\/]widgets[\\/]/.test(args.path)) {
            const found = contents.split(edit.from).length - 1;
            if (found !== edit.count)
              throw new Error(`${args.path}: ${found} of "${edit.from}", not ${edit.count}`);
            contents = (edit.head ?? "") + contents.split(edit.from).join(edit.to);
            blessedEdits.add(args.path);
          }
          if (/\b__(dirname|filename)\b/.test(contents))
            throw new Error(`${args.path} reads its own path, which a bundle changes`);
          return { contents, loader: "js" };
        });
      },
    },
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
    if (blessedEdits.size !== Object.keys(BLESSED_EDITS).length)
      throw new Error(
        "blessed's tput.js, unicode.js or colors.js was not changed: see BLESSED_EDITS",
      );
  };
  return { plugins, check };
}
