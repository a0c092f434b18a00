// Memory as users run tootty: the published `bin` (the esbuild bundle) in a real terminal
// (tmux, 160×45, the default panes), fed LONG_RUN statuses over the stream by the simulated instance
// in another process. RSS is read from /proc for the tootty process itself, so neither tsx,
// the bench's own heap nor the instance is counted.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { TmuxSession } from "../helpers/tmux.js";
import { publishMany, startDemoChild, TARGETS } from "./streaming.js";

const BIN = new URL("../../bin/tootty.js", import.meta.url).pathname;
const LONG_RUN = Number(process.env.TOOTTY_BENCH_LONG_RUN ?? 100_000);
const log = (m: string) => process.stderr.write(`  [memory] ${m}\n`);

/** The node process running tootty: the pane's shell runs it as its only child. */
function tootyPid(session: TmuxSession): number {
  const shell = session.pid();
  const children = execFileSync("ps", ["-o", "pid=", "--ppid", String(shell)], {
    encoding: "utf8",
  })
    .trim()
    .split(/\s+/)
    .map(Number)
    .filter((n) => n > 0);
  if (children.length !== 1) throw new Error(`expected one child of ${shell}, got ${children}`);
  return children[0]!;
}

function statusField(pid: number, field: string): number {
  const m = new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(
    readFileSync(`/proc/${pid}/status`, "utf8"),
  );
  return m ? Number(m[1]) / 1024 : Number.NaN;
}

/** CPU ticks (user + system) the process has used so far. */
function cpuTicks(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  return Number(fields[11]) + Number(fields[12]);
}

/** Waits until the process has used no CPU for `quietMs` (it has digested what it was sent). */
async function untilIdle(pid: number, quietMs = 300, timeoutMs = 20_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  let last = cpuTicks(pid);
  let quietSince = Date.now();
  while (Date.now() < end) {
    await new Promise((r) => setTimeout(r, 50));
    const now = cpuTicks(pid);
    if (now !== last) {
      last = now;
      quietSince = Date.now();
    } else if (Date.now() - quietSince >= quietMs) return;
  }
}

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
    const pid = tootyPid(session);
    await untilIdle(pid);
    const rssStart = statusField(pid, "VmRSS");
    let rssMid = 0;
    const started = Date.now();
    const ticksStart = cpuTicks(pid);
    for (let published = 0; published < LONG_RUN; ) {
      await publishMany(demo, TARGETS[(published / 1000) % 3]!, 1000);
      published += 1000;
      await untilIdle(pid, 100);
      if (published === Math.floor(LONG_RUN / 2000) * 1000) rssMid = statusField(pid, "VmRSS");
      if (published % 20_000 === 0)
        log(`${published} streamed, tootty RSS ${statusField(pid, "VmRSS").toFixed(0)} MB`);
    }
    await untilIdle(pid);
    // /proc counts CPU in ticks of 10 ms (USER_HZ 100).
    const cpuMsPer1000 = ((cpuTicks(pid) - ticksStart) * 10) / (LONG_RUN / 1000);
    const rssEnd = statusField(pid, "VmRSS");
    const peak = statusField(pid, "VmHWM");
    const seconds = (Date.now() - started) / 1000;
    return {
      "tootty RSS after the first paint": `${rssStart.toFixed(0)} MB`,
      [`tootty RSS after ${LONG_RUN} streamed statuses (goal ≤ 150 MB)`]: `${rssEnd.toFixed(0)} MB (peak ${peak.toFixed(0)} MB, ${seconds.toFixed(0)} s)`,
      "tootty RSS growth over the last half (goal flat)": `${(rssEnd - rssMid).toFixed(1)} MB`,
      "tootty CPU per 1000 streamed statuses, painted at 160×45 (goal < 1 s, i.e. keeps up with 1000/s)": `${cpuMsPer1000.toFixed(0)} ms`,
    };
  } finally {
    session.kill();
    demo.child.stdin?.end();
  }
}
