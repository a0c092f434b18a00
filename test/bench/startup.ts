// Start-up figures: `tootty --version` against bare node, and start → first toot on screen in
// a real terminal (tmux, 160×45), signed in as a stored account to the simulated instance
// running in another process on loopback (as a user starts it: accounts.json, config.json and
// the instance's own latency all count), beside the peer, Debian's `toot tui` (Python + urwid),
// signed in to the same instance, runs interleaved. RSS after the first paint for both, once
// idle and again once what a start defers has run (SETTLED_MS).
// Medians of repeated runs; ratios against bare node and the peer measured in the same run.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { AccountStore } from "../../src/config/accounts.js";
// Writing stored accounts goes through conf, as `tootty login` does.
import "../../src/config/conf-writer.js";
import { TmuxSession } from "../helpers/tmux.js";
import { cpuTicks, rssMb, soleChild, untilIdle } from "./proc.js";
import { type Demo, startDemoChild } from "./streaming.js";

const BIN = new URL("../../bin/tootty.js", import.meta.url).pathname;
/**
 * RSS is read again this long after Enter, once idle: tootty loads its code highlighter a
 * second after a code block is first drawn (src/cli/tui-screen.ts), and the first idle moment
 * can come before that or, on a busy machine, after it.
 */
const SETTLED_MS = 3_000;
const MARKS = [
  "tui-loaded",
  "connected",
  "session-open",
  "screens-loaded",
  "terminal-probed",
  "screen-started",
  "first-toots-painted",
];
const COLS = 160;
const ROWS = 45;

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

/** A toot header on tootty's screen: "@handle" followed later by a relative time. */
const TOOTTY_TOOT = /@\w+.*\b(now|\d+[smhd])\b/;
/** A row of toot tui's timeline list: "2026-12-01 22:45   alice@host". */
const TOOT_TUI_TOOT = /\d{4}-\d\d-\d\d \d\d:\d\d\s+\w+@/;

interface Run {
  /** Enter pressed (the program is exec'd) → a toot seen on the tmux screen. */
  seen: number;
  /** RSS of the program once idle after its first paint. */
  rss: number;
  /** RSS once idle, SETTLED_MS after Enter. */
  settledRss: number;
  /** CPU time the program used up to then. */
  cpuMs: number;
  /** tootty's own marks: [ms since its process started, CPU ms by then]. */
  marks: Record<string, [number, number]>;
}

function readMarks(trace: string | undefined): Record<string, [number, number]> {
  const marks: Record<string, [number, number]> = {};
  if (!trace) return marks;
  let text = "";
  try {
    text = readFileSync(trace, "utf8");
  } catch {}
  for (const line of text.split("\n")) {
    const [name, ms, cpu] = line.split(" ");
    if (name && ms) marks[name] = [Number(ms), Number(cpu)];
  }
  return marks;
}

/**
 * Starts `command` in tmux behind a `read`, so the clock starts when Enter lets the shell exec
 * the program (tmux's own start is not counted), then polls the screen for `toot`. Both
 * programs are timed the same way; the polling costs each the same.
 */
async function timeFirstToot(
  command: string[],
  env: Record<string, string>,
  toot: RegExp,
  trace?: string,
): Promise<Run> {
  const session = TmuxSession.start({
    command: ["sh", "-c", 'read _ && exec "$@"', "sh", ...command],
    cols: COLS,
    rows: ROWS,
    env,
  });
  try {
    const pid = await soleChild(session.pid());
    const start = process.hrtime.bigint();
    session.send("Enter");
    await session.waitFor((s) => toot.test(s), "first toot", 30_000);
    const seen = Number(process.hrtime.bigint() - start) / 1e6;
    await untilIdle(pid, 300);
    const rss = rssMb(pid);
    const cpuMs = cpuTicks(pid) * 10;
    const sinceEnter = Number(process.hrtime.bigint() - start) / 1e6;
    // A measuring window, not a wait for an event: nothing signals that a start is done.
    await new Promise((r) => setTimeout(r, Math.max(0, SETTLED_MS - sinceEnter)));
    await untilIdle(pid, 300);
    return { seen, rss, settledRss: rssMb(pid), cpuMs, marks: readMarks(trace) };
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

/**
 * toot's config (toot/config.py: apps by instance, users by user@instance, the active user),
 * signed in to the loopback instance with its token; XDG_CONFIG_HOME points toot at it.
 */
function tootConfigHome(demo: Demo): string {
  const home = mkdtempSync(join(tmpdir(), "tootty-bench-toot-"));
  const host = new URL(demo.url).host;
  const user = `demo@${host}`;
  mkdirSync(join(home, "toot"), { mode: 0o700 });
  writeFileSync(
    join(home, "toot", "config.json"),
    JSON.stringify({
      apps: {
        [host]: { instance: host, base_url: demo.url, client_id: "bench", client_secret: "bench" },
      },
      users: { [user]: { instance: host, username: "demo", access_token: demo.token } },
      active_user: user,
    }),
    { mode: 0o600 },
  );
  return home;
}

/** Why the peer cannot run here, or undefined when `toot` is on PATH. */
function peerMissing(): string | undefined {
  const found = spawnSync("sh", ["-c", "command -v toot"], { encoding: "utf8" });
  if (found.status === 0) return undefined;
  return "toot is not installed (Debian: apt-get install toot)";
}

export async function benchStartup(runs = 7): Promise<Record<string, string>> {
  const bare: number[] = [];
  const version: number[] = [];
  for (let i = 0; i < runs; i++) {
    bare.push(timeRun(["-e", "0"]));
    version.push(timeRun([BIN, "--version"]));
  }
  const missing = peerMissing();
  const demo = await startDemoChild();
  const tootty: Run[] = [];
  const peer: Run[] = [];
  const inProcess: Run[] = [];
  try {
    const configDir = storedAccountDir(demo.url, demo.token);
    const tootHome = tootConfigHome(demo);
    const runTootty = () => {
      const trace = join(mkdtempSync(join(tmpdir(), "tootty-bench-")), "trace.txt");
      const env = { TOOTTY_CONFIG_DIR: configDir, TOOTTY_TRACE: trace };
      return timeFirstToot([process.execPath, BIN], env, TOOTTY_TOOT, trace);
    };
    const runPeer = () =>
      timeFirstToot(["toot", "tui"], { XDG_CONFIG_HOME: tootHome }, TOOT_TUI_TOOT);
    // Warm the instance and the file cache.
    await runTootty();
    if (!missing) await runPeer();
    for (let i = 0; i < runs; i++) {
      tootty.push(await runTootty());
      if (!missing) peer.push(await runPeer());
      bare.push(timeRun(["-e", "0"]));
    }
    const demoEnv = {
      TOOTTY_CONFIG_DIR: mkdtempSync(join(tmpdir(), "tootty-bench-demo-")),
    };
    for (let i = 0; i < Math.min(runs, 3); i++) {
      const trace = join(mkdtempSync(join(tmpdir(), "tootty-bench-")), "trace.txt");
      inProcess.push(
        await timeFirstToot(
          [process.execPath, BIN, "--demo"],
          { ...demoEnv, TOOTTY_TRACE: trace },
          TOOTTY_TOOT,
          trace,
        ),
      );
    }
  } finally {
    demo.child.stdin?.end();
  }
  const b = median(bare);
  const v = median(version);
  const mark = (runs: Run[], name: string, i: 0 | 1) =>
    median(runs.map((r) => r.marks[name]?.[i] ?? Number.NaN));
  const painted = mark(tootty, "first-toots-painted", 0);
  const seen = median(tootty.map((r) => r.seen));
  const ratio = (ms: number) => `${ms.toFixed(0)} ms = ${(ms / b).toFixed(2)}× bare node`;
  const figures: Record<string, string> = {
    [`node -e 0 (median of ${bare.length})`]: `${b.toFixed(0)} ms`,
    [`tootty --version (median of ${runs})`]: `${ratio(v)} (goal ≤ 1.5×)`,
    [`tootty: start → first toot painted, its own mark (median of ${runs}, stored account, instance on loopback, ${COLS}×${ROWS})`]: `${ratio(painted)} (goal ≤ 2.5×)`,
    "  marks (median ms since process start / CPU ms by then)": MARKS.map(
      (m) => `${m} ${mark(tootty, m, 0).toFixed(0)}/${mark(tootty, m, 1).toFixed(0)}`,
    ).join(" · "),
    "tootty: Enter → first toot seen on the tmux screen": ratio(seen),
  };
  if (missing) {
    figures["toot tui (the peer)"] = `skipped: ${missing}`;
  } else {
    const peerSeen = median(peer.map((r) => r.seen));
    figures[
      `toot tui: Enter → first toot seen on the tmux screen (median of ${runs}, interleaved)`
    ] = `${ratio(peerSeen)}; tootty/toot = ${(seen / peerSeen).toFixed(2)} (goal ≤ 0.5)`;
    figures["RSS once idle after the first paint: tootty / toot tui"] =
      `${median(tootty.map((r) => r.rss)).toFixed(0)} MB / ${median(peer.map((r) => r.rss)).toFixed(0)} MB (goal for tootty ≤ 65 MB)`;
    figures[`RSS once idle ${SETTLED_MS / 1000} s after Enter: tootty / toot tui`] =
      `${median(tootty.map((r) => r.settledRss)).toFixed(0)} MB / ${median(peer.map((r) => r.settledRss)).toFixed(0)} MB (goal for tootty ≤ 65 MB)`;
    figures["CPU used by the first idle moment: tootty / toot tui"] =
      `${median(tootty.map((r) => r.cpuMs)).toFixed(0)} ms / ${median(peer.map((r) => r.cpuMs)).toFixed(0)} ms`;
  }
  if (missing) {
    figures["RSS once idle after the first paint: tootty"] =
      `${median(tootty.map((r) => r.rss)).toFixed(0)} MB (goal ≤ 65 MB)`;
    figures[`RSS once idle ${SETTLED_MS / 1000} s after Enter: tootty`] =
      `${median(tootty.map((r) => r.settledRss)).toFixed(0)} MB (goal ≤ 65 MB)`;
  }
  figures["--demo (instance seeded in-process): start → first toot painted (median of 3)"] = ratio(
    mark(inProcess, "first-toots-painted", 0),
  );
  return figures;
}
