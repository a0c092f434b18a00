// What the benches read about a program running in a tmux pane: its pid, RSS and CPU time
// from /proc, so neither tsx, the bench's own heap nor the instance is counted.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";

/** The one child of `parent` (a pane's shell runs the program as its only child). */
export async function soleChild(parent: number, timeoutMs = 10_000): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    let children: number[] = [];
    try {
      children = execFileSync("ps", ["-o", "pid=", "--ppid", String(parent)], { encoding: "utf8" })
        .trim()
        .split(/\s+/)
        .map(Number)
        .filter((n) => n > 0);
    } catch {
      // ps exits 1 while there is no child yet
    }
    if (children.length === 1) return children[0]!;
    if (Date.now() > deadline) throw new Error(`expected one child of ${parent}, got ${children}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

function statusField(pid: number, field: string): number {
  const m = new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(
    readFileSync(`/proc/${pid}/status`, "utf8"),
  );
  return m ? Number(m[1]) / 1024 : Number.NaN;
}

/** Resident set size now, in MB. */
export const rssMb = (pid: number) => statusField(pid, "VmRSS");
/** The highest resident set size so far, in MB. */
export const peakRssMb = (pid: number) => statusField(pid, "VmHWM");

/**
 * Where the resident set is, in MB (/proc/PID/smaps_rollup): pages of mapped files (node's
 * own binary with ICU's data, shared libraries; clean, shared with other node processes) and
 * anonymous memory (V8's heap, malloc's, thread stacks).
 */
export function rssPartsMb(pid: number): { files: number; anonymous: number } {
  const text = readFileSync(`/proc/${pid}/smaps_rollup`, "utf8");
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(text)?.[1]);
  const anonymous = kb("Anonymous") / 1024;
  return { files: kb("Rss") / 1024 - anonymous, anonymous };
}

/** CPU ticks (user + system) the process has used so far; /proc counts 10 ms ticks (USER_HZ 100). */
export function cpuTicks(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  return Number(fields[11]) + Number(fields[12]);
}

/** Waits until the process has used no CPU for `quietMs` (it has digested what it was sent). */
export async function untilIdle(pid: number, quietMs = 300, timeoutMs = 20_000): Promise<void> {
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
