// The composer's grapheme splitting shares a bundle chunk with the first paint, and the first
// Intl.Segmenter of a process pages in ~2.5 MB of ICU's break data: importing the module must
// not make one; splitting still works once asked.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { test } from "node:test";

test("compose/graphemes makes its Intl.Segmenter on first use, not on import", () => {
  const code = `
    let made = 0;
    const Segmenter = Intl.Segmenter;
    Intl.Segmenter = class extends Segmenter { constructor(...a) { super(...a); made++; } };
    const g = await import(${JSON.stringify(new URL("../../src/compose/graphemes.ts", import.meta.url).href)});
    const onImport = made;
    const split = g.splitGraphemes("e\\u0301👍🏽x");
    process.stdout.write(JSON.stringify({ onImport, split, count: g.graphemeCount("👨‍👩‍👧 a"), made }));`;
  const run = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", code], {
    encoding: "utf8",
    timeout: 60_000,
  });
  assert.equal(run.status, 0, run.stderr);
  const out = JSON.parse(run.stdout) as {
    onImport: number;
    split: string[];
    count: number;
    made: number;
  };
  assert.equal(out.onImport, 0, "a Segmenter was made on import");
  assert.deepEqual(out.split, ["e\u0301", "👍🏽", "x"]);
  assert.equal(out.count, 3);
  assert.equal(out.made, 1, "one Segmenter, reused");
});
