// Two start-up costs of blessed that tootty does not need to pay (measured with --cpu-prof):
// - Tput compiles every terminfo capability into a JS function up front (~30–150 ms here),
//   while a session uses a few dozen: compile each on its first call instead.
// - Inside tmux, Program runs `tmux -V` synchronously (~50 ms) only to pick a passthrough
//   format that tootty never uses.
//
// Why lazy compiling once scrambled tmux (stray "dBdS", borders gone): ncurses 6 writes
// terminfo entries with numbers above 32767 (screen-256color, xterm-256color: 65536 colour
// pairs) in its extended-number format (magic 0o1036). blessed only reads the legacy format
// (magic 0o432): it misreads such a file, and compiling the garbage throws. Eagerly, that
// throw made blessed fall back to its own bundled xterm terminfo — which is what every tootty
// in tmux has drawn with. Lazily, nothing threw at start-up and the garbage was used. So the
// fast path now refuses a file blessed cannot read, before it is parsed: blessed takes the
// very same fallback, and test/ui/blessed-startup.test.ts checks the bytes match.
import tput from "blessed/lib/tput.js";

type Compile = (this: unknown, info: unknown, key: string, str: unknown) => unknown;
type Parse = (this: unknown, data: Buffer, file: string) => unknown;
interface TputClass {
  prototype: { _compile: Compile; parseTerminfo: Parse };
}

/** The legacy terminfo format, the only one blessed parses correctly. */
const LEGACY_TERMINFO_MAGIC = 0o432;

let patched = false;

export function makeBlessedStartFast(): void {
  if (patched) return;
  patched = true;
  const Tput = tput as TputClass;

  const parse = Tput.prototype.parseTerminfo;
  Tput.prototype.parseTerminfo = function checkedParse(data, file) {
    if (data.length < 2 || data.readUInt16LE(0) !== LEGACY_TERMINFO_MAGIC) {
      // Caught by Tput.setup, which falls back exactly as a failed eager compile did.
      throw new Error(`${file}: terminfo format blessed cannot read`);
    }
    return parse.call(this, data, file);
  };

  const compile = Tput.prototype._compile;
  Tput.prototype._compile = function lazyCompile(info, key, str) {
    if (typeof str !== "string" || str === "") return compile.call(this, info, key, str);
    let compiled: ((...args: unknown[]) => unknown) | undefined;
    const tput = this;
    return function (this: unknown, ...args: unknown[]) {
      if (compiled === undefined) {
        try {
          compiled = compile.call(tput, info, key, str) as (...a: unknown[]) => unknown;
        } catch {
          // A capability blessed cannot translate: draw without it rather than crash mid-paint.
          compiled = () => "";
        }
      }
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
