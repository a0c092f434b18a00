// Writes expect.json from vim itself: node --import tsx test/compose/vim/record.ts
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
// One sequence a line: the table is past the size Biome formats (1 MiB), and a line per
// case keeps a re-recording's diff to the cases that changed.
const rows = Object.entries(table).map(
  ([id, r]) => `  ${JSON.stringify(id)}: ${JSON.stringify(r)}`,
);
writeFileSync(file, `{\n${rows.join(",\n")}\n}\n`);
console.log(`${CASES.length} cases recorded`);
