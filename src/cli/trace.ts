// Start-up trace for the bench: with TOOTTY_TRACE=FILE, each mark appends "name ms-since-process-start".
import { appendFileSync } from "node:fs";

const file = process.env.TOOTTY_TRACE;

export function traceMark(name: string): void {
  if (!file) return;
  appendFileSync(file, `${name} ${performance.now().toFixed(1)}\n`);
}
