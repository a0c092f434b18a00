// Start-up figures: `tootty --version` against bare node, and process start → first toot on
// screen in a real terminal (tmux), signed in as a stored account to the simulated instance
// running in another process on loopback (as a user starts it: accounts.json, config.json and
// the instance's own latency all count). `--demo` (instance started in-process) is shown too.
// Medians of repeated runs, ratios against bare node measured in the same run.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { AccountStore } from "../../src/config/accounts.js";
import { TmuxSession } from "../helpers/tmux.js";
import { startDemoChild } from "./streaming.js";

const BIN = new URL("../../bin/tootty.js", import.meta.url).pathname;
const MARKS = ["tui-loaded", "connected", "session-open", "screen-started", "first-toots-painted"];

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

interface FirstToot {
  /** Wall time until a toot was checked on tmux's screen (includes starting tmux): an upper bound. */
  seen: number;
  /** tootty's own marks, ms since its process started. */
  marks: Record<string, number>;
}

async function timeFirstToot(args: string[], env: Record<string, string>): Promise<FirstToot> {
  const trace = join(mkdtempSync(join(tmpdir(), "tootty-bench-")), "trace.txt");
  const start = Date.now();
  const session = TmuxSession.start({
    command: [process.execPath, BIN, ...args],
    cols: 160,
    rows: 45,
    env: { ...env, TOOTTY_TRACE: trace },
  });
  try {
    // Wait on tootty's own mark by reading a file: polling tmux would spawn a process every
    // few ms and steal the CPU being measured. The screen is checked once the mark is there.
    const marks: Record<string, number> = {};
    const deadline = Date.now() + 20_000;
    while (marks["first-toots-painted"] === undefined) {
      if (Date.now() > deadline) throw new Error(`no first-toots-painted mark in ${trace}`);
      await new Promise((r) => setTimeout(r, 10));
      let text = "";
      try {
        text = readFileSync(trace, "utf8");
      } catch {}
      for (const line of text.split("\n")) {
        const [name, ms] = line.split(" ");
        if (name && ms) marks[name] = Number(ms);
      }
    }
    await session.waitFor((s) => TOOT_ON_SCREEN.test(s), "first toot", 20_000);
    return { seen: Date.now() - start, marks };
  } finally {
    session.kill();
  }
}

/** A config folder holding one stored account on the loopback instance. */
function storedAccountDir(url: string, token: string): string {
  const dir = mkdtempSync(join(tmpdir(), "tootty-bench-config-"));
  new AccountStore(dir).add({
    acct: "demo@demo.tootty.example",
    instance_url: url,
    access_token: token,
  });
  return dir;
}

export async function benchStartup(runs = 7): Promise<Record<string, string>> {
  const bare: number[] = [];
  const version: number[] = [];
  for (let i = 0; i < runs; i++) {
    bare.push(timeRun(["-e", "0"]));
    version.push(timeRun([BIN, "--version"]));
  }
  const demo = await startDemoChild();
  const loopback: FirstToot[] = [];
  const inProcess: FirstToot[] = [];
  try {
    const env = { TOOTTY_CONFIG_DIR: storedAccountDir(demo.url, demo.token) };
    await timeFirstToot([], env); // warm the instance and the file cache
    for (let i = 0; i < runs; i++) {
      loopback.push(await timeFirstToot([], env));
      bare.push(timeRun(["-e", "0"]));
    }
    const demoEnv = { TOOTTY_CONFIG_DIR: mkdtempSync(join(tmpdir(), "tootty-bench-demo-")) };
    for (let i = 0; i < Math.min(runs, 3); i++)
      inProcess.push(await timeFirstToot(["--demo"], demoEnv));
  } finally {
    demo.child.stdin?.end();
  }
  const b = median(bare);
  const v = median(version);
  const mark = (runs: FirstToot[], name: string) => median(runs.map((r) => r.marks[name] ?? NaN));
  const painted = mark(loopback, "first-toots-painted");
  const seen = median(loopback.map((r) => r.seen));
  const demoPainted = mark(inProcess, "first-toots-painted");
  const ratio = (ms: number) => `${ms.toFixed(0)} ms = ${(ms / b).toFixed(2)}× bare node`;
  return {
    [`node -e 0 (median of ${bare.length})`]: `${b.toFixed(0)} ms`,
    [`tootty --version (median of ${runs})`]: `${ratio(v)} (goal ≤ 1.5×)`,
    [`start → first toot painted, stored account, instance on loopback, 160×45 tmux, tootty's own mark (median of ${runs})`]: `${ratio(painted)} (goal ≤ 2.5×)`,
    "  marks (median, ms since process start)": MARKS.map(
      (m) => `${m} ${mark(loopback, m).toFixed(0)}`,
    ).join(" · "),
    "start → first toot checked on the tmux screen (upper bound: incl. tmux start and polling)":
      ratio(seen),
    "--demo (instance seeded in-process): start → first toot painted (median of 3)":
      ratio(demoPainted),
  };
}
