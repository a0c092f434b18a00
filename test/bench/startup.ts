// Start-up figures: `tootty --version` against bare node, and process start → first toot on
// screen for `--demo` in a real terminal (tmux). Medians of repeated runs, ratios in one run.
import { spawnSync } from "node:child_process";
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

async function timeFirstToot(): Promise<number> {
  const start = Date.now();
  const session = TmuxSession.start({
    command: [process.execPath, BIN, "--demo"],
    cols: 160,
    rows: 45,
    env: { TOOTTY_CONFIG_DIR: "/tmp/tootty-bench-config" },
  });
  try {
    await session.waitFor((s) => TOOT_ON_SCREEN.test(s), "first toot", 20_000);
    return Date.now() - start;
  } finally {
    session.kill();
  }
}

export async function benchStartup(runs = 5): Promise<Record<string, string>> {
  const bare: number[] = [];
  const version: number[] = [];
  const firstToot: number[] = [];
  for (let i = 0; i < runs; i++) {
    bare.push(timeRun(["-e", "0"]));
    version.push(timeRun([BIN, "--version"]));
  }
  for (let i = 0; i < runs; i++) firstToot.push(await timeFirstToot());
  const b = median(bare);
  const v = median(version);
  const f = median(firstToot);
  return {
    "node -e 0 (median of 5)": `${b.toFixed(0)} ms`,
    "tootty --version (median of 5)": `${v.toFixed(0)} ms = ${(v / b).toFixed(2)}× bare node (goal ≤ 1.5×)`,
    "start → first toot on screen, --demo, 160×45 (median of 5)": `${f.toFixed(0)} ms = ${(f / b).toFixed(2)}× bare node (goal ≤ 2.5×)`,
  };
}
