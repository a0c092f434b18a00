// Prints each string of a JSON file at the start of a cleared line, asks the terminal where
// the cursor ended up (DSR, ESC [ 6 n) and writes the columns to a JSON file.
// Usage: node --import tsx cursor-probe.ts INPUT.json OUTPUT.json   (run by tmux-cursor.ts)
import { readFileSync, renameSync, writeFileSync } from "node:fs";

const strings = JSON.parse(readFileSync(process.argv[2]!, "utf8")) as string[];
const columns: number[] = [];
let pending = "";
process.stdin.setRawMode(true);
process.stdin.on("data", (chunk: Buffer) => {
  pending += chunk.toString("latin1");
  const m = /\x1b\[(\d+);(\d+)R/.exec(pending);
  if (!m) return;
  pending = "";
  columns.push(Number(m[2]) - 1);
  next();
});
function next(): void {
  if (columns.length === strings.length) {
    // Written whole, then renamed: the harness polls for the file and must never read half.
    writeFileSync(`${process.argv[3]!}.part`, JSON.stringify(columns));
    renameSync(`${process.argv[3]!}.part`, process.argv[3]!);
    process.exit(0);
  }
  process.stdout.write(`\r\x1b[2K${strings[columns.length]}\x1b[6n`);
}
next();
