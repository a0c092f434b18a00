// The fast start-up path must draw exactly what blessed's own eager terminfo compiler draws:
// same terminfo chosen (including blessed's fallback for files it cannot read) and the same
// bytes for every capability.
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { describe, test } from "node:test";
import { makeBlessedStartFast } from "../../src/ui/shell/blessed-startup.js";

interface TputLike {
  info: { name: string };
  methods: Record<string, unknown>;
  [cap: string]: unknown;
}
const require = createRequire(import.meta.url);
const Tput = require("blessed/lib/tput.js") as new (opts: { terminal: string }) => TputLike;

const TERMS = [
  "screen-256color",
  "xterm-256color",
  "xterm",
  "screen",
  "tmux-256color",
  "linux",
  "vt100",
];
const ARGS = [[], [1], [5, 7], [3, 4, 1, 0, 0, 0, 0, 0, 0]];

/** Every capability's output for a few argument lists, as one comparable record. */
function outputs(tput: TputLike): Record<string, unknown> {
  const out: Record<string, unknown> = { "(terminfo)": tput.info.name };
  for (const cap of Object.keys(tput.methods).sort()) {
    const fn = tput[cap];
    if (typeof fn !== "function") {
      out[cap] = fn;
      continue;
    }
    out[cap] = ARGS.map((args) => {
      try {
        return (fn as (...a: number[]) => unknown).apply(tput, args);
      } catch (err) {
        return `throws ${(err as Error).message}`;
      }
    });
  }
  return out;
}

function quietly<R>(fn: () => R): R {
  // blessed reports a terminfo it cannot compile on the console before falling back.
  const error = console.error;
  console.error = () => {};
  try {
    return fn();
  } finally {
    console.error = error;
  }
}

// Built before the patch: blessed's own eager behaviour, the reference.
const eager = new Map(
  TERMS.map((term) => [term, quietly(() => outputs(new Tput({ terminal: term })))]),
);

describe("fast blessed start-up", () => {
  makeBlessedStartFast();
  for (const term of TERMS) {
    test(`draws with the same terminfo and the same bytes as blessed for TERM=${term}`, () => {
      const lazy = quietly(() => outputs(new Tput({ terminal: term })));
      assert.deepEqual(lazy, eager.get(term));
    });
  }

  test("compiles no capability while the terminal is set up, one on its first use", () => {
    // blessed compiles each capability with `new Function`: count those.
    const RealFunction = globalThis.Function;
    let compiled = 0;
    globalThis.Function = new Proxy(RealFunction, {
      construct(target, args) {
        compiled++;
        return Reflect.construct(target, args);
      },
    });
    try {
      const tput = new Tput({ terminal: "xterm" });
      assert.equal(compiled, 0);
      assert.equal((tput.cup as (r: number, c: number) => string)(2, 3), "\u001b[3;4H");
      assert.equal(compiled, 1);
      (tput.cup as (r: number, c: number) => string)(5, 6);
      assert.equal(compiled, 1, "compiled once, then reused");
    } finally {
      globalThis.Function = RealFunction;
    }
  });
});
