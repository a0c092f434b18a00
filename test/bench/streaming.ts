// Streaming bench: a burst of 1000 statuses/s for 10 s into 3 panes, then a long run of 100 000
// statuses. The simulated instance runs in a child process (driven over its HTTP control API),
// so CPU and RSS here are the client's own. "Key echo" is the event-loop delay a key press would
// see (a timer due every 10 ms, measured lateness): the UI's key handler runs on that loop.
import { type ChildProcess, spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { favourMemoryOverSpeed } from "../../src/cli/memory-mode.js";
import { compareIds } from "../../src/demo/ids.js";
import { openSession } from "../../src/timeline/session.js";

export type Target = "home" | "local" | "federated";
export const TARGETS: Target[] = ["home", "local", "federated"];
const LONG_RUN = Number(process.env.TOOTTY_BENCH_LONG_RUN ?? 100_000);
// A full GC before each memory sample, so growth means retained memory, not garbage not yet collected.
setFlagsFromString("--expose-gc");
// As tootty runs once its first toots are up: V8 favouring memory over peak speed.
favourMemoryOverSpeed();
const fullGc = runInNewContext("gc") as () => void;
const log = (m: string) => process.stderr.write(`  [streaming] ${m}\n`);

export interface Demo {
  url: string;
  token: string;
  controlSecret: string;
  child: ChildProcess;
}

export async function startDemoChild(): Promise<Demo> {
  const index = fileURLToPath(new URL("../../src/demo/index.ts", import.meta.url));
  const code = `
    const { startDemoInstance, demoAnnounce } = await import(${JSON.stringify(index)});
    const demo = await startDemoInstance({ generate: false, seedCount: 40, rateLimit: { limit: 1e9, windowMs: 60000 } });
    process.stdout.write(demoAnnounce(demo) + "\\n");
    process.stdin.on("end", () => process.exit(0));
    process.stdin.resume();`;
  const child = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", code], {
    stdio: ["pipe", "pipe", "inherit"],
  });
  const line = await new Promise<string>((resolve, reject) => {
    const rl = createInterface({ input: child.stdout! });
    rl.once("line", resolve);
    child.once("exit", (c) => reject(new Error(`demo exited ${c}`)));
  });
  return { ...(JSON.parse(line) as Omit<Demo, "child">), child };
}

export async function publishMany(demo: Demo, target: Target, count: number): Promise<string[]> {
  const res = await fetch(`${demo.url}/_demo/publishMany`, {
    method: "POST",
    headers: { "X-Demo-Control": demo.controlSecret, "Content-Type": "application/json" },
    body: JSON.stringify({ target, count }),
  });
  return ((await res.json()) as Array<{ id: string }>).map((s) => s.id);
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function until(cond: () => boolean, timeoutMs: number): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  while (!cond() && Date.now() < end) await new Promise((r) => setTimeout(r, 10));
  return cond();
}

export async function benchStreaming(): Promise<Record<string, string>> {
  const demo = await startDemoChild();
  const session = await openSession({ instanceUrl: demo.url, accessToken: demo.token });
  const feeds = TARGETS.map((k) => session.feed(k));
  await until(
    () => session.stream.state.kind === "live" && feeds.every((f) => f.store.size > 0),
    10_000,
  );

  // Coalesced painting as a UI does it: at most one paint per 16 ms frame, visible window only.
  let paints = 0;
  let paintScheduled = false;
  for (const f of feeds)
    f.onChange(() => {
      if (paintScheduled) return;
      paintScheduled = true;
      setTimeout(() => {
        paintScheduled = false;
        paints++;
        for (const g of feeds) g.store.items.slice(0, 24);
      }, 16);
    });

  const lateness: number[] = [];
  let probing = true;
  const probe = () => {
    const due = performance.now() + 10;
    setTimeout(() => {
      lateness.push(performance.now() - due);
      if (probing) probe();
    }, 10);
  };
  probe();

  log("burst: 1000 statuses/s for 10 s");
  const burst: Record<Target, string[]> = { home: [], local: [], federated: [] };
  const cpu0 = process.cpuUsage();
  const t0 = Date.now();
  const calls: Promise<void>[] = [];
  for (let slice = 0; slice < 1000; slice++) {
    const wait = t0 + slice * 10 - Date.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const target = TARGETS[slice % 3]!;
    calls.push(
      publishMany(demo, target, 10).then((ids) => {
        burst[target].push(...ids);
        if (target === "local") burst.federated.push(...ids);
      }),
    );
  }
  await Promise.all(calls);
  // Panes keep their newest 2000: a status is lost if missing although newer than the oldest held.
  const missing = () =>
    TARGETS.reduce((n, k, i) => {
      const store = feeds[i]!.store;
      const oldest = store.oldestId();
      return (
        n +
        burst[k].filter((id) => !store.has(id) && (!oldest || compareIds(id, oldest) > 0)).length
      );
    }, 0);
  const newest = [...burst.federated].sort(compareIds).at(-1)!;
  await until(() => feeds[2]!.store.has(newest) && missing() === 0, 30_000);
  const burstSeconds = (Date.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  probing = false;
  const lost = missing();
  const burstPaints = paints;
  const sorted = [...lateness].sort((a, b) => a - b);
  const entries = burst.home.length + burst.local.length + burst.federated.length;

  log(`long run: ${LONG_RUN} statuses`);
  const rssMb = () => process.memoryUsage().rss / 1e6;
  const heapMb = () => {
    fullGc();
    return process.memoryUsage().heapUsed / 1e6;
  };
  const heapStart = heapMb();
  let published = 0;
  let rssMid = 0;
  let heapMid = 0;
  const longStart = Date.now();
  while (published < LONG_RUN) {
    const target = TARGETS[(published / 1000) % 3]!;
    const ids = await publishMany(demo, target, 1000);
    published += 1000;
    const last = ids[ids.length - 1]!;
    await until(() => feeds[TARGETS.indexOf(target)]!.store.has(last), 10_000);
    if (published === Math.floor(LONG_RUN / 2000) * 1000) {
      heapMid = heapMb();
      rssMid = rssMb();
    }
    if (published % 20_000 === 0) log(`${published} streamed, RSS ${rssMb().toFixed(0)} MB`);
  }
  const heapEnd = heapMb();
  const rssEnd = rssMb();
  const longSeconds = (Date.now() - longStart) / 1000;
  const held = feeds.map((f) => f.store.size).join(" / ");

  session.close();
  demo.child.stdin?.end();
  return {
    "burst: statuses lost (goal 0)": `${lost} (of ${entries} pane entries; panes keep their newest 2000)`,
    "burst: key echo p50 / p99 (goal p99 < 50 ms)": `${percentile(sorted, 50).toFixed(1)} ms / ${percentile(sorted, 99).toFixed(1)} ms`,
    "burst: client CPU (goal < 1 core)": `${cpuSeconds.toFixed(2)} s over ${burstSeconds.toFixed(1)} s = ${(cpuSeconds / burstSeconds).toFixed(2)} cores`,
    "burst: paints per second (coalesced)": (burstPaints / burstSeconds).toFixed(1),
    // Feeds only, inside this bench process (tsx, no screen): tootty's own RSS is the memory bench's.
    [`long run: ${LONG_RUN} statuses, feeds-only RSS of the bench process (see "memory" for tootty's)`]: `${rssEnd.toFixed(0)} MB (${longSeconds.toFixed(0)} s)`,
    "long run: bench-process RSS growth over the last half (goal flat)": `${(rssEnd - rssMid).toFixed(1)} MB`,
    "long run: live heap after GC, start / middle / end": `${heapStart.toFixed(0)} / ${heapMid.toFixed(0)} / ${heapEnd.toFixed(0)} MB`,
    "long run: statuses held per pane (bounded)": held,
  };
}
