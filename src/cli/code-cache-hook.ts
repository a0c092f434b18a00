// The bundle's side of the code cache (src/cli/code-cache.ts, which loads the bundle): a hook
// on globalThis, so the bundle does not carry the loader. Absent when the code runs otherwise
// (tests import the sources through tsx): then saving does nothing.

/**
 * Where a chunk's compiled code came from: the cache; compiled from source as there was no
 * cache yet, the file was not whole or not for this key ("damaged"), or V8 rejected it; or
 * compiled without looking, the chunk being too small to be worth it or TOOTTY_CODE_CACHE=off.
 */
export type CodeSource = "cache" | "compiled" | "damaged" | "rejected" | "small" | "off";

/** What saveCodeCache reports (a TOOTTY_TRACE mark in the screen's start). */
export interface CodeCacheReport {
  /** Chunks loaded so far and how each was compiled. */
  loaded: Record<string, CodeSource>;
  /** Chunks whose code is being written to the cache now. */
  saving: string[];
}

export const CODE_CACHE_HOOK = Symbol.for("tootty.codeCache");

/**
 * Serialises the code of the chunks loaded so far, once, and writes it off the main path. Call
 * it once the first frame is on screen, so the cache holds what a start runs; chunks loaded
 * after it (the composer, picture decoders) are compiled from source each time.
 */
export function saveCodeCache(): CodeCacheReport | undefined {
  const hook = (globalThis as Record<symbol, { save(): CodeCacheReport } | undefined>)[
    CODE_CACHE_HOOK
  ];
  return hook?.save();
}
