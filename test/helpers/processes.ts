// Finding the program inside a terminal from the test: the terminal's shell is known (pid()),
// the program is a descendant. Read from /proc, so no procps is needed.
import { readdirSync, readFileSync } from "node:fs";

interface Proc {
  pid: number;
  ppid: number;
  comm: string;
}

function processes(): Proc[] {
  const out: Proc[] = [];
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      // "pid (comm) state ppid …": comm may hold spaces and parentheses, so split at the last ")".
      const stat = readFileSync(`/proc/${name}/stat`, "utf8");
      const close = stat.lastIndexOf(")");
      const fields = stat.slice(close + 2).split(" ");
      out.push({
        pid: Number(name),
        ppid: Number(fields[1]),
        comm: stat.slice(stat.indexOf("(") + 1, close),
      });
    } catch {
      // it ended while we looked
    }
  }
  return out;
}

/** The first descendant of `ancestor` (breadth first) whose command name is `comm`. */
export function descendantNamed(ancestor: number, comm: string): number | undefined {
  const all = processes();
  const queue = [ancestor];
  while (queue.length) {
    const parent = queue.shift()!;
    for (const child of all.filter((p) => p.ppid === parent)) {
      if (child.comm === comm) return child.pid;
      queue.push(child.pid);
    }
  }
  return undefined;
}

/** The node process running under the terminal's shell. */
export function nodeUnder(shell: number): number {
  const pid = descendantNamed(shell, "node");
  if (pid === undefined) throw new Error(`no node process under ${shell}`);
  return pid;
}
