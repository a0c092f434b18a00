// Writes expect.json from vim itself: node --import tsx test/compose/vim/record.ts
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { CASES } from "./cases.js";
import { CASE_ID, runInVim, vimAvailable } from "./run-vim.js";

if (!vimAvailable()) throw new Error("vim 9 is needed to record the table");
const results = runInVim(CASES);
const table: Record<string, unknown> = {};
CASES.forEach((c, i) => {
  table[CASE_ID(c)] = results[i];
});
const file = fileURLToPath(new URL("./expect.json", import.meta.url));
writeFileSync(file, `${JSON.stringify(table, null, 2)}\n`);
// In the repository's own JSON layout, so the lint stays clean.
execFileSync("npx", ["biome", "format", "--write", file], { stdio: "ignore" });
console.log(`${CASES.length} cases recorded`);
