// `npm run bench`: prints every figure with its goal beside it. Figures, not pass/fail: these
// machines are shared and noisy, so compare ratios measured in the same run.
import { benchMemory } from "./memory.js";
import { benchPictures } from "./pictures.js";
import { benchRender } from "./render.js";
import { benchScroll } from "./scroll.js";
import { benchStartup } from "./startup.js";
import { benchStreaming } from "./streaming.js";
import { benchTerminal } from "./terminal.js";

const benches: Record<string, () => Promise<Record<string, string>>> = {
  "start-up": () => benchStartup(),
  rendering: benchRender,
  streaming: benchStreaming,
  terminal: benchTerminal,
  scrolling: benchScroll,
  memory: benchMemory,
  pictures: benchPictures,
};

const only = process.argv.slice(2);
for (const [name, run] of Object.entries(benches)) {
  if (only.length && !only.includes(name)) continue;
  process.stdout.write(`\n## ${name}\n`);
  const figures = await run();
  for (const [k, v] of Object.entries(figures)) process.stdout.write(`  ${k}: ${v}\n`);
}
