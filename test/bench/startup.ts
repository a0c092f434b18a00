// Start-up figures: `tootty --version` against bare node, and process start → first toot on
// screen for `--demo` in a real terminal (tmux). Medians of repeated runs, ratios in one run.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { TmuxSession } from "../helpers/tmux.js";

const BIN = new URL("../../bin/tootty.js", import.meta.url).pathname;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function timeRun(args: string[]): number {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, { stdio: "ignore" });
  if (result.status !== 0) throw new Error(`${args.join(" ")} exited ${result.status}`);
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** A toot header on screen: "@handle" followed later by a relative time. */
const TOOT_ON_SCREEN = /@\w+.*\b(now|\d+[smhd])\b/;

/** Wall time to a toot seen on the tmux screen, and tootty's own mark for its first paint. */
async function timeFirstToot(): Promise<{ seen: number; traced: number }> {
  const trace = join(mkdtempSync(join(tmpdir(), "tootty-bench-")), "trace.txt");
  const start = Date.now();
  const session = TmuxSession.start({
    command: [process.execPath, BIN, "--demo"],
    cols: 160,
    rows: 45,
    env: { TOOTTY_CONFIG_DIR: "/tmp/tootty-bench-config", TOOTTY_TRACE: trace },
  });
  try {
    await session.waitFor((s) => TOOT_ON_SCREEN.test(s), "first toot", 20_000);
    const seen = Date.now() - start;
    const mark = /first-toots-painted ([\d.]+)/.exec(readFileSync(trace, "utf8"));
    return { seen, traced: mark ? Number(mark[1]) : Number.NaN };
  } finally {
    session.kill();
  }
}

export async function benchStartup(runs = 5): Promise<Record<string, string>> {
  const bare: number[] = [];
  const version: number[] = [];
  const firstToot: number[] = [];
  const traced: number[] = [];
  for (let i = 0; i < runs; i++) {
    bare.push(timeRun(["-e", "0"]));
    version.push(timeRun([BIN, "--version"]));
  }
  for (let i = 0; i < runs; i++) {
    const t = await timeFirstToot();
    firstToot.push(t.seen);
    traced.push(t.traced);
  }
  const b = median(bare);
  const v = median(version);
  const f = median(firstToot);
  const tr = median(traced);
  return {
    "node -e 0 (median of 5)": `${b.toFixed(0)} ms`,
    "tootty --version (median of 5)": `${v.toFixed(0)} ms = ${(v / b).toFixed(2)}× bare node (goal ≤ 1.5×)`,
    "start → first toot painted, --demo, 160×45, tootty's own mark (median of 5)": `${tr.toFixed(0)} ms = ${(tr / b).toFixed(2)}× bare node (goal ≤ 2.5×)`,
    "start → first toot seen in tmux (incl. tmux start + 25 ms polling)": `${f.toFixed(0)} ms = ${(f / b).toFixed(2)}× bare node`,
  };
}
