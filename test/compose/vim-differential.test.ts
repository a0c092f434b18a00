// The composer against vim itself: every key sequence in the table must leave the same text,
// cursor and unnamed register as vim 9 does. With vim installed (CI installs it) the table is
// run in vim now and the recording is checked against it; without vim the recording stands in.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { isDeepStrictEqual } from "node:util";
import { CASES } from "./vim/cases.js";
import { runInEditor } from "./vim/ours.js";
import { CASE_ID, runInVim, type VimResult, vimAvailable } from "./vim/run-vim.js";

const recorded = JSON.parse(
  readFileSync(new URL("./vim/expect.json", import.meta.url), "utf8"),
) as Record<string, VimResult>;
const live = vimAvailable() ? runInVim(CASES) : null;

test("the table holds at least 300 sequences, each recorded from vim", () => {
  assert.ok(CASES.length >= 300, `${CASES.length} cases`);
  const missing = CASES.filter((c) => !(CASE_ID(c) in recorded)).map(CASE_ID);
  assert.deepEqual(missing, [], "run: node --import tsx test/compose/vim/record.ts");
});

test("the recording is what vim does", { skip: live ? false : "vim 9 is not installed" }, () => {
  const stale = CASES.filter((c, i) => !isDeepStrictEqual(recorded[CASE_ID(c)], live![i]));
  assert.deepEqual(stale.map(CASE_ID), []);
});

test("the composer does what vim does on every sequence", () => {
  const wrong: string[] = [];
  CASES.forEach((c, i) => {
    const want = live?.[i] ?? recorded[CASE_ID(c)];
    const { mode, ...got } = runInEditor(c);
    if (mode !== "normal" || !isDeepStrictEqual(got, want)) {
      wrong.push(
        `${JSON.stringify(c)}\n  vim:  ${JSON.stringify(want)}\n  ours: ${JSON.stringify(got)} (${mode})`,
      );
    }
  });
  assert.equal(
    wrong.length,
    0,
    `${wrong.length} of ${CASES.length} differ:\n${wrong.slice(0, 15).join("\n")}`,
  );
});
