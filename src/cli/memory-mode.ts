// A client left open for days on a small VPS: V8 is told to favour memory over peak speed.
// Left to its defaults, V8 let the heap grow to ~3× the live data while toots streamed in
// (RSS past 340 MB after 10 000 statuses with ~50 MB live); with this, tootty stays flat near
// 130 MB (`npm run bench memory`). The flag is read by V8's heap sizing as it goes, so it can
// be set at run time (the shebang stays portable) — after the first paint, since the extra
// garbage collection would otherwise slow the start.
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

export function favourMemoryOverSpeed(): void {
  setFlagsFromString("--optimize-for-size");
}

/**
 * Keeps V8's young generation at its first size (two 1 MB semi-spaces on 64-bit). While the
 * first pages are parsed V8 doubles it up to 8 MB a semi-space, and an emptied semi-space
 * stays committed: ~8 MB of RSS holding nothing once the toots are up (v8.getHeapSpaceStatistics,
 * new_space physical size). `--max-semi-space-size` is read only when the heap is made, but the
 * growth factor is read at each resize, so this works at run time. dist/boot.js calls it before
 * the bundle loads (src/cli/boot.ts): a flag set later, once chunks are compiled, would make V8
 * reject their code cache at every start.
 */
export function keepYoungGenerationSmall(): void {
  setFlagsFromString("--semi-space-growth-factor=1");
}

/**
 * One full collection once the first screen is up, for what the start left behind (the first
 * pages' text and objects, the code cache's bytes, the terminal probe's answers). V8 would
 * otherwise keep it until its first full collection, which a client left idle may not reach
 * for a long time. RSS at the first idle moment after the paint (tmux 160×45, nine starts
 * each way, interleaved): 62–71 MB, median 66.6, before; 62–64, median 62.5, with it. Three
 * seconds later, once the highlighter has loaded, ~1 MB less than without it. V8 hands out
 * its `gc` only with --expose-gc, and only to contexts made while the flag is on: one is
 * made for the call, and the flag put back.
 */
export function collectStartGarbage(): void {
  try {
    setFlagsFromString("--expose-gc");
    const gc: unknown = runInNewContext("gc");
    setFlagsFromString("--no-expose-gc");
    if (typeof gc === "function") gc();
  } catch {
    // Only memory is at stake.
  }
}
