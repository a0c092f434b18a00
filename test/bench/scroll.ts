// Scrolling cost: key press → painted screen with 10 000 toots held, against 10 held, in one
// run. The app runs in-process on a fake 200×50 terminal, so this measures tootty's own work
// (viewport, render cache, blessed's diff), not the terminal emulator.
import { PassThrough } from "node:stream";
import { favourMemoryOverSpeed } from "../../src/cli/memory-mode.js";
import { pickTheme, RenderCache } from "../../src/render/index.js";
import { renderPaneItem } from "../../src/ui/panes/render-item.js";
import type { PaneItem } from "../../src/ui/panes/timeline-pane.js";
import { startApp } from "../../src/ui/shell/app.js";
import { variedToots } from "./render.js";

// As tootty runs once its first toots are up: V8 favouring memory over peak speed.
favourMemoryOverSpeed();

function fakeTerminal(cols: number, rows: number) {
  const output = new PassThrough() as unknown as NodeJS.WriteStream & { bytes: number };
  Object.assign(output, { isTTY: true, columns: cols, rows, bytes: 0 });
  output.on("data", (chunk: Buffer) => {
    output.bytes += chunk.length;
  });
  const input = new PassThrough() as unknown as NodeJS.ReadStream;
  Object.assign(input, { isTTY: true, setRawMode: () => input });
  return { input, output };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function measure(held: number, presses: number) {
  const statuses = variedToots(held);
  const items: PaneItem[] = statuses.map((status) => ({
    kind: "status",
    id: status.id,
    status,
    context: "public",
  }));
  const cache = new RenderCache(4000);
  const theme = pickTheme("dark", 2);
  const { input, output } = fakeTerminal(200, 50);
  const source = (title: string) => ({
    title,
    items: () => items,
    state: () => "live",
    onChange: () => () => {},
  });
  const app = startApp<PaneItem>({
    panes: [source("Home"), source("Local"), source("Federated")],
    renderItem: (item, width, expanded) =>
      renderPaneItem(item, { cache, theme, width, expanded, unicode: true, now: Date.now() }),
    accountLabel: "bench@example",
    connectionState: () => "live",
    onConnectionChange: () => () => {},
    unicode: true,
    stdin: input,
    stdout: output,
  });
  const screen = app.context().screen;
  const press = (ch: string) =>
    screen.program.emit("keypress", ch, { name: ch, full: ch, sequence: ch });
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < presses; i++) {
    // Half way down, jump back up so both directions and cache misses are exercised.
    const key = i === presses / 2 ? "g" : "j";
    const before = output.bytes;
    const t = process.hrtime.bigint();
    press(key);
    // blessed flushes its output buffer on the next tick: count the write in the paint.
    await new Promise((r) => setImmediate(r));
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
    bytes += output.bytes - before;
  }
  app.destroy();
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p99: percentile(times, 99), bytesPerPress: bytes / presses };
}

export async function benchScroll(): Promise<Record<string, string>> {
  await measure(100, 50); // warm up the JIT
  const small = await measure(10, 400);
  const large = await measure(10_000, 400);
  const ms = (n: number) => `${n.toFixed(2)} ms`;
  return {
    "j/k → paint, 10 toots held (p50 / p99)": `${ms(small.p50)} / ${ms(small.p99)}`,
    "j/k → paint, 10 000 toots held (p50 / p99)": `${ms(large.p50)} / ${ms(large.p99)} (goal p99 ≤ 10 ms; ${(large.p99 / small.p99).toFixed(1)}× the 10-toot p99)`,
    "bytes written per j at 200×50, 3 panes (mean)": `${large.bytesPerPress.toFixed(0)} B`,
  };
}
