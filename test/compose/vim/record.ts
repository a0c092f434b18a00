// Writes expect.json from vim itself: node --import tsx test/compose/vim/record.ts
import { writeFileSync } from "node:fs";
import { CASES } from "./cases.js";
import { CASE_ID, runInVim, vimAvailable } from "./run-vim.js";

if (!vimAvailable()) throw new Error("vim 9 is needed to record the table");
const results = runInVim(CASES);
const table: Record<string, unknown> = {};
CASES.forEach((c, i) => {
  table[CASE_ID(c)] = results[i];
});
writeFileSync(new URL("./expect.json", import.meta.url), `${JSON.stringify(table, null, 1)}\n`);
console.log(`${CASES.length} cases recorded`);
