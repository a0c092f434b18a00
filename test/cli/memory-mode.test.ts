// What src/cli/memory-mode.ts tells V8, checked on this Node: each child process allocates
// as the first pages' parsing does (short-lived objects, some kept) and reports the young
// generation's size (v8.getHeapSpaceStatistics, new_space), all of which V8 commits as it fills.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { runModuleCode } from "../helpers/module-code.js";

const MODE = new URL("../../src/cli/memory-mode.ts", import.meta.url).href;

/** The young generation's size in MB before and after the allocations. */
function youngGenerationMb(call: string): { before: number; after: number } {
  const code = `
    import { getHeapSpaceStatistics } from "node:v8";
    const mode = await import(${JSON.stringify(MODE)});
    ${call}
    const young = () =>
      getHeapSpaceStatistics().find((s) => s.space_name === "new_space").space_size / 1048576;
    const before = young();
    const kept = [];
    for (let round = 0; round < 30; round++) {
      let batch = [];
      for (let i = 0; i < 50_000; i++) batch.push({ id: String(i), content: "<p>" + i + "</p>", tags: [i] });
      kept.push(batch.slice(0, 500));
      if (kept.length > 20) kept.shift();
    }
    process.stdout.write(JSON.stringify({ before, after: young() }));`;
  return JSON.parse(runModuleCode(code, 120_000)) as { before: number; after: number };
}

describe("memory mode", () => {
  test("keepYoungGenerationSmall stops the young generation growing; V8 alone grows it", () => {
    // Set after tsx has loaded, so the young generation may have grown already: what is
    // checked is that it grows no further.
    const kept = youngGenerationMb("mode.keepYoungGenerationSmall();");
    const grown = youngGenerationMb("");
    assert.ok(
      kept.after <= kept.before,
      `young generation ${kept.before} → ${kept.after} MB with the flag`,
    );
    assert.ok(
      grown.after >= grown.before * 2,
      `young generation ${grown.before} → ${grown.after} MB without it: the check would prove nothing`,
    );
  });

  test("collectStartGarbage collects what nothing holds any more, and hands gc to no one", () => {
    const code = `
      import { runInNewContext } from "node:vm";
      const mode = await import(${JSON.stringify(MODE)});
      // As the first pages were: many small objects, then dropped.
      let pages = Array.from({ length: 200_000 }, (_, i) => ({ id: String(i), tags: [i] }));
      const ref = new WeakRef(pages);
      pages = null;
      // A WeakRef holds its target until the end of the job that made it, or that read it.
      const nextJob = () => new Promise((resolve) => setTimeout(resolve, 0));
      await nextJob();
      const before = ref.deref() !== undefined;
      await nextJob();
      mode.collectStartGarbage();
      const after = ref.deref() !== undefined;
      process.stdout.write(JSON.stringify({
        before,
        after,
        gcOutside: typeof globalThis.gc,
        gcInLaterContext: runInNewContext("typeof gc"),
      }));`;
    const seen = JSON.parse(runModuleCode(code)) as Record<string, unknown>;
    assert.equal(seen.before, true, "still held before the call: the check would prove nothing");
    assert.equal(seen.after, false, "collected by the call");
    assert.equal(seen.gcOutside, "undefined");
    assert.equal(seen.gcInLaterContext, "undefined", "the flag is put back");
  });
});
