// Types for scripts/bidi-char-types.mjs, which esbuild's plugin runs as plain JavaScript.
export interface ClassRuns {
  /** bidi-js's flag for L, the class of every code point outside the runs. */
  L: number;
  starts: number[];
  ends: number[];
  types: number[];
}
export function classRuns(getBidiCharType: (char: string) => number): ClassRuns;
export function withRangeLookUp(source: string, runs: ClassRuns): string;
export function swapBidiLookUp(path: string): Promise<string>;
