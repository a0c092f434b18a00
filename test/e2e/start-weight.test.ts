// What a start loads before its first paint: Node's own modules each cost a few ms of it, so
// one that only a later action needs (node:crypto: uploads, new drafts, the picture cache;
// node:assert, for blessed's checks that pass; node:child_process, for the editor, browser or
// token command) must not load with the screen; and a file
// loaded by require() is parsed and compiled at every start, where the bundle's chunks come
// from the code cache (blessed's files took ~17–20 ms so). Signed in to an instance in the test's process, as a user starts
// tootty (`--demo` would load the instance's own crypto into tootty's process).
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { e2eInstance } from "../helpers/e2e.js";

const e2e = e2eInstance({ generate: false, seedCount: 3 });

test("the first paint loads no node:crypto, assert or child_process, nor a file outside the bundle", async () => {
  const trace = join(mkdtempSync(join(tmpdir(), "tootty-start-weight-")), "trace.txt");
  const tui = e2e.start({ env: { TOOTTY_TRACE: trace } });
  await tui.waitFor((s) => /@\w+.*\b(now|\d+[smhd])\b/.test(s), "toots on screen", 20_000);
  const deadline = Date.now() + 10_000;
  let line: RegExpExecArray | null = null;
  let required: RegExpExecArray | null = null;
  while (!line || !required) {
    const text = existsSync(trace) ? readFileSync(trace, "utf8") : "";
    line = /^builtins \S+ (.*)$/m.exec(text);
    required = /^required \S+ (.*)$/m.exec(text);
    if (!line || !required) {
      assert.ok(Date.now() < deadline, `no builtins or required line in the trace:\n${text}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  }
  tui.send("q");
  assert.equal(await tui.waitForExit(), 0);
  const loaded = line[1]!.split(",");
  assert.ok(loaded.includes("http"), `the list is Node's modules: ${loaded.join(" ")}`);
  assert.ok(!loaded.includes("crypto"), `node:crypto loaded before the first paint`);
  assert.ok(!loaded.includes("assert"), `node:assert loaded before the first paint`);
  assert.ok(!loaded.includes("child_process"), `node:child_process loaded before the first paint`);
  const files: string[] = JSON.parse(required[1]!);
  assert.ok(
    files.some((f) => /[\\/]dist[\\/]boot\.js$/.test(f)),
    `require's files: ${files}`,
  );
  const outside = files.filter((f) => /[\\/]node_modules[\\/]/.test(f));
  assert.deepEqual(outside, [], "files loaded by require() before the first paint");
});
