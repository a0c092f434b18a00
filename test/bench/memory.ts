// Memory as users run tootty: the published `bin` (the esbuild bundle) in a real terminal
// (tmux, 160×45, the default panes), fed LONG_RUN statuses over the stream by the simulated instance
// in another process. RSS is read from /proc for the tootty process itself, so neither tsx,
// the bench's own heap nor the instance is counted.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { TmuxSession } from "../helpers/tmux.js";
import { cpuTicks, peakRssMb, rssMb, rssPartsMb, soleChild, untilIdle } from "./proc.js";
import { publishMany, startDemoChild, TARGETS } from "./streaming.js";

const BIN = new URL("../../bin/tootty.js", import.meta.url).pathname;
const LONG_RUN = Number(process.env.TOOTTY_BENCH_LONG_RUN ?? 100_000);
const log = (m: string) => process.stderr.write(`  [memory] ${m}\n`);

const parts = (p: { files: number; anonymous: number }) =>
  `mapped files ${p.files.toFixed(0)} MB, anonymous ${p.anonymous.toFixed(0)} MB`;

export async function benchMemory(): Promise<Record<string, string>> {
  const demo = await startDemoChild();
  const session = TmuxSession.start({
    command: [process.execPath, BIN],
    cols: 160,
    rows: 45,
    env: {
      TOOTTY_CONFIG_DIR: mkdtempSync(join(tmpdir(), "tootty-bench-mem-")),
      TOOTTY_INSTANCE: demo.url,
      TOOTTY_ACCESS_TOKEN: demo.token,
    },
  });
  try {
    await session.waitFor((s) => /@\w+.*\b(now|\d+[smhd])\b/.test(s), "first toot", 20_000);
    const pid = await soleChild(session.pid());
    await untilIdle(pid);
    const rssStart = rssMb(pid);
    const partsStart = rssPartsMb(pid);
    let rssMid = 0;
    const started = Date.now();
    const ticksStart = cpuTicks(pid);
    let ticksLog = ticksStart;
    let logAt = Date.now();
    for (let published = 0; published < LONG_RUN; ) {
      await publishMany(demo, TARGETS[(published / 1000) % 3]!, 1000);
      published += 1000;
      await untilIdle(pid, 100);
      if (published === Math.floor(LONG_RUN / 2000) * 1000) rssMid = rssMb(pid);
      if (published % 20_000 === 0) {
        // Per stretch, so a cost that grows with what is held shows as it grows.
        const ticks = cpuTicks(pid);
        const per1000 = ((ticks - ticksLog) * 10) / 20;
        log(
          `${published} streamed, tootty RSS ${rssMb(pid).toFixed(0)} MB, ` +
            `CPU ${per1000.toFixed(0)} ms per 1000 over the last 20 000 (${((Date.now() - logAt) / 1000).toFixed(0)} s)`,
        );
        ticksLog = ticks;
        logAt = Date.now();
      }
    }
    await untilIdle(pid);
    // /proc counts CPU in ticks of 10 ms (USER_HZ 100).
    const cpuMsPer1000 = ((cpuTicks(pid) - ticksStart) * 10) / (LONG_RUN / 1000);
    const rssEnd = rssMb(pid);
    const partsEnd = rssPartsMb(pid);
    const peak = peakRssMb(pid);
    const seconds = (Date.now() - started) / 1000;
    return {
      "tootty RSS after the first paint": `${rssStart.toFixed(0)} MB (${parts(partsStart)})`,
      [`tootty RSS after ${LONG_RUN} streamed statuses (goal ≤ 100 MB)`]: `${rssEnd.toFixed(0)} MB (${parts(partsEnd)}; peak ${peak.toFixed(0)} MB, ${seconds.toFixed(0)} s)`,
      "tootty RSS growth over the last half (goal flat)": `${(rssEnd - rssMid).toFixed(1)} MB`,
      "tootty CPU per 1000 streamed statuses, painted at 160×45 (goal < 1 s, i.e. keeps up with 1000/s)": `${cpuMsPer1000.toFixed(0)} ms`,
    };
  } finally {
    session.kill();
    demo.child.stdin?.end();
  }
}
