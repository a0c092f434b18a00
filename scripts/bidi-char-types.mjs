// What the bundle makes of bidi-js's dist file: its bidi class lookup reads a sorted table of
// ranges by binary search instead of a Map of every code point. bidi-js fills that Map
// (~17,600 entries, decoded from its compressed DATA) on the first lookup: ~13–19 ms of the
// first paint whenever Arabic or Hebrew is on screen. The table is made at build time by
// asking the installed bidi-js the class of every code point, so it answers as that bidi-js
// does by construction, whatever its data's format. getEmbeddingLevels and the other
// functions call getBidiCharType from inside the same closure, so the swap has to be in the
// file's text: a wrapper around the exports would not reach them.
// test/render/bidi-char-types.test.ts checks the swapped file against bidi-js for every
// code point, and that the levels and reorderings it gives agree.
import { readFile } from "node:fs/promises";
import { pathToFileURL } from "node:url";

/**
 * bidi-js's `parseData` (the Map builder) and `getBidiCharType`, as they read in
 * dist/bidi.js and dist/bidi.mjs: matched as a whole, so a bidi-js whose lookup reads
 * anything else fails the build rather than ship a swap nobody checked.
 */
const MAP_LOOKUP =
  /var map = null;\s*function parseData \(\) \{[\s\S]*?map\.set\(j, TYPES\[type\]\);[\s\S]*?function getBidiCharType \(char\) \{\s*parseData\(\);\s*return map\.get\(char\.codePointAt\(0\)\) \|\| TYPES\.L;?\s*\}/g;

const LAST_CODE_POINT = 0x10ffff;

/**
 * The runs of code points `getBidiCharType` does not class L (its default), sorted, as
 * inclusive starts and ends with each run's class (bidi-js's bit flag).
 */
export function classRuns(getBidiCharType) {
  const L = getBidiCharType("a");
  const starts = [];
  const ends = [];
  const types = [];
  let open = L;
  for (let cp = 0; cp <= LAST_CODE_POINT; cp++) {
    const type = getBidiCharType(String.fromCodePoint(cp));
    if (type === open && type !== L) ends[ends.length - 1] = cp;
    else if (type !== L) {
      starts.push(cp);
      ends.push(cp);
      types.push(type);
    }
    open = type;
  }
  return { L, starts, ends, types };
}

/**
 * The lookup inserted into bidi-js's closure, as source text (so it may use nothing but its
 * parameters): the class of code point `cp` by binary search over the runs.
 */
function rangeLookUp(starts, ends, types, L) {
  return (cp) => {
    // The empty string's code point is undefined, which no comparison below would settle;
    // bidi-js's `map.get(cp) || TYPES.L` makes it L.
    if (cp === undefined) return L;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (cp < starts[mid]) hi = mid - 1;
      else if (cp > ends[mid]) lo = mid + 1;
      else return types[mid];
    }
    return L;
  };
}

/** bidi-js's dist source with `runs` in place of its Map; throws where it cannot swap. */
export function withRangeLookUp(source, runs) {
  const found = source.match(MAP_LOOKUP) ?? [];
  if (found.length !== 1)
    throw new Error(
      `bidi-js: expected its parseData and getBidiCharType once, found ${found.length}`,
    );
  const list = (xs) => `[${xs.join(",")}]`;
  const swapped = source.replace(MAP_LOOKUP, () =>
    [
      `var lookUp = (${rangeLookUp.toString()})(`,
      `  new Int32Array(${list(runs.starts)}),`,
      `  new Int32Array(${list(runs.ends)}),`,
      `  new Uint32Array(${list(runs.types)}),`,
      `  ${runs.L});`,
      "function getBidiCharType (char) {",
      "  return lookUp(char.codePointAt(0));",
      "}",
    ].join("\n"),
  );
  // Anything else reading the Map would now read an undeclared name.
  if (/\bparseData\b/.test(swapped))
    throw new Error("bidi-js: parseData is called outside getBidiCharType");
  return swapped;
}

/** The file at `path` (bidi-js's dist/bidi.js or .mjs), swapped, from its own answers. */
export async function swapBidiLookUp(path) {
  const source = await readFile(path, "utf8");
  const factory = (await import(pathToFileURL(path).href)).default;
  return withRangeLookUp(source, classRuns(factory().getBidiCharType));
}
