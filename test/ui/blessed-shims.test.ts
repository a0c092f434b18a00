// What the bundle gives blessed for require("assert") and require("child_process")
// (scripts/esbuild-plugins.mjs): each must answer blessed as Node's own module would.
import assert from "node:assert/strict";
import * as realChildProcess from "node:child_process";
import { createRequire } from "node:module";
import { test } from "node:test";

const load = createRequire(import.meta.url);
const shimAssert = load("../../scripts/blessed-assert.cjs") as {
  (value: unknown, message?: string): void;
  ok(value: unknown, message?: string): void;
  equal(actual: unknown, expected: unknown, message?: string): void;
};
const shimChildProcess = load("../../scripts/blessed-child-process.cjs") as Record<string, unknown>;

test("the assert blessed gets passes what node:assert passes and throws its AssertionError", () => {
  shimAssert(1);
  shimAssert.ok("x");
  shimAssert.equal(0, "0"); // loose, as assert.equal is
  shimAssert.equal(null, undefined);
  for (const fails of [
    () => shimAssert(0, "zero"),
    () => shimAssert.ok(""),
    () => shimAssert.equal(1, 2),
  ])
    assert.throws(
      fails,
      (err: Error) =>
        err.name === "AssertionError" && (err as { code?: string }).code === "ERR_ASSERTION",
    );
  assert.throws(() => shimAssert.equal(1, 2, "tput"), /tput/);
});

test("the child_process blessed gets hands out node:child_process's own functions", () => {
  for (const name of ["exec", "execFile", "execFileSync", "execSync", "fork", "spawn", "spawnSync"])
    assert.equal(shimChildProcess[name], (realChildProcess as Record<string, unknown>)[name], name);
});
