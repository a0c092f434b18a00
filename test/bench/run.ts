// `npm run bench`: prints every figure with its goal beside it. Figures, not pass/fail: these
// machines are shared and noisy, so compare ratios measured in the same run.
import { benchStartup } from "./startup.js";

type Bench = { name: string; run: () => Promise<Record<string, string>> };

const benches: Bench[] = [{ name: "start-up", run: () => benchStartup() }];

// Later benches register themselves here if their module exists.
const optional: [string, string, string][] = [
  ["rendering", "./render.js", "benchRender"],
  ["streaming", "./streaming.js", "benchStreaming"],
  ["terminal", "./terminal.js", "benchTerminal"],
  ["scrolling", "./scroll.js", "benchScroll"],
  ["memory", "./memory.js", "benchMemory"],
];
for (const [name, path, fn] of optional) {
  try {
    const mod = (await import(path)) as Record<string, () => Promise<Record<string, string>>>;
    if (typeof mod[fn] === "function") benches.push({ name, run: mod[fn] });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "ERR_MODULE_NOT_FOUND") throw err;
  }
}

const only = process.argv.slice(2);
for (const bench of benches) {
  if (only.length && !only.includes(bench.name)) continue;
  process.stdout.write(`\n## ${bench.name}\n`);
  const figures = await bench.run();
  for (const [k, v] of Object.entries(figures)) process.stdout.write(`  ${k}: ${v}\n`);
}
