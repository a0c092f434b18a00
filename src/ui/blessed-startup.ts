// Two start-up costs of blessed that tootty does not need to pay (measured with --cpu-prof):
// - Tput compiles every terminfo capability into a JS function up front (~150 ms here), while
//   a session uses a few dozen: compile each on its first call instead.
// - Inside tmux, Program runs `tmux -V` synchronously (~50 ms) only to pick a passthrough
//   format that tootty never uses.
import { createRequire } from "node:module";

type Compile = (this: unknown, info: unknown, key: string, str: unknown) => unknown;

let patched = false;

export function makeBlessedStartFast(): void {
  if (patched) return;
  patched = true;
  const require = createRequire(import.meta.url);
  const Tput = require("blessed/lib/tput.js") as { prototype: { _compile: Compile } };
  const compile = Tput.prototype._compile;
  Tput.prototype._compile = function lazyCompile(info, key, str) {
    if (typeof str !== "string" || str === "") return compile.call(this, info, key, str);
    let compiled: ((...args: unknown[]) => unknown) | undefined;
    const tput = this;
    return function (this: unknown, ...args: unknown[]) {
      compiled ??= compile.call(tput, info, key, str) as (...a: unknown[]) => unknown;
      return compiled.apply(this, args);
    };
  };
}

/** Runs `create` with TMUX hidden so blessed skips its `tmux -V` child process. */
export function withoutTmuxProbe<R>(create: () => R): R {
  const tmux = process.env.TMUX;
  if (tmux === undefined) return create();
  delete process.env.TMUX;
  try {
    return create();
  } finally {
    process.env.TMUX = tmux;
  }
}
