// The built tootty runs its second start on the code its first start compiled (the V8 code
// cache, src/cli/code-cache.ts): started twice in a real terminal on one config folder, the
// first start's TOOTTY_TRACE says it compiled its chunks, the second that V8 took every one
// from the cache — and both show toots.
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { killAll, startTootty } from "../ui/terminal-harness.js";

after(killAll);

const TOOT = /@\w+.*\b(now|\d+[smhd])\b/;

/** Starts the demo, waits for toots and for the code-cache mark, quits; returns the mark. */
async function startOnce(config: string): Promise<{ cached: number; of: number }> {
  const trace = join(mkdtempSync(join(tmpdir(), "tootty-code-cache-trace-")), "trace.txt");
  const { session } = await startTootty({
    cols: 120,
    rows: 36,
    emulator: "xterm",
    env: { TOOTTY_CONFIG_DIR: config, TOOTTY_TRACE: trace },
  });
  await session.waitFor((s) => TOOT.test(s), "toots on screen", 20_000);
  const deadline = Date.now() + 10_000;
  let mark: RegExpExecArray | null = null;
  while (!mark) {
    const text = existsSync(trace) ? readFileSync(trace, "utf8") : "";
    mark = /^code-cache-(\d+)-of-(\d+) /m.exec(text);
    if (!mark) {
      assert.ok(Date.now() < deadline, `no code-cache mark in the trace:\n${text}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  }
  session.send("q");
  await session.waitForExit(10_000);
  return { cached: Number(mark[1]), of: Number(mark[2]) };
}

test("the second start of the built tootty runs on the code the first one compiled", async () => {
  const config = mkdtempSync(join(tmpdir(), "tootty-code-cache-e2e-"));
  const first = await startOnce(config);
  assert.equal(first.cached, 0, "nothing cached on the first start");
  assert.ok(first.of >= 3, `the start-up chunks are cached: ${first.of}`);
  const folders = readdirSync(join(config, "cache")).filter((n) => n.startsWith("code-"));
  assert.equal(folders.length, 1, "one cache folder for this build");
  const second = await startOnce(config);
  assert.deepEqual(second, { cached: first.of, of: first.of }, "every chunk from the cache");
});
