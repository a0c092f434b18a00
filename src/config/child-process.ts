// node:child_process (with node:dgram, which it loads) costs ~0.7 ms of a start, and a start
// runs no child: a token command, an editor, a browser or a link opener each spawn one only
// when asked. `spawn` loads the module on its first call.
import type * as ChildProcesses from "node:child_process";
import { createRequire } from "node:module";

type Spawn = typeof ChildProcesses.spawn;

let real: Spawn | undefined;

/** node:child_process's spawn, loaded on first use. */
export const spawn = ((...args: Parameters<Spawn>) => {
  real ??= (createRequire(import.meta.url)("node:child_process") as typeof ChildProcesses).spawn;
  return real(...args);
}) as Spawn;
