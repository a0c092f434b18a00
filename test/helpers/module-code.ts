// A test's code run as an ES module in a node of its own (tsx loaded, so src/ imports work):
// for what must start from a fresh process, such as which modules load or how V8 sizes its heap.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";

/** Runs `code` and gives back what it wrote to stdout; a failed run fails the test. */
export function runModuleCode(code: string, timeoutMs = 60_000): string {
  const run = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", code], {
    encoding: "utf8",
    timeout: timeoutMs,
  });
  assert.equal(run.status, 0, run.stderr);
  return run.stdout;
}
