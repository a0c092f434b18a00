// Start-up trace for the bench: with TOOTTY_TRACE=FILE, each mark appends "name ms cpu": ms
// since the process started, and the CPU time (user + system) it had used by then, which on a
// shared machine says more than the wall clock.
import { appendFileSync } from "node:fs";
import { createRequire } from "node:module";

const file = process.env.TOOTTY_TRACE;

export function traceMark(name: string): void {
  if (!file) return;
  const cpu = process.cpuUsage();
  const cpuMs = (cpu.user + cpu.system) / 1000;
  appendFileSync(file, `${name} ${performance.now().toFixed(1)} ${cpuMs.toFixed(1)}\n`);
}

/**
 * Appends "builtins ms a,b,…": Node's public modules loaded by now (node:crypto, node:zlib…),
 * each a few ms of a start; and "required ms [paths]", the files require() has loaded.
 * test/e2e/start-weight.test.ts reads both after the first paint.
 */
export function traceBuiltins(): void {
  if (!file) return;
  const list = (process as { moduleLoadList?: string[] }).moduleLoadList ?? [];
  const names = list.flatMap((m) => /^NativeModule (?!internal\/)(\S+)$/.exec(m)?.[1] ?? []);
  appendFileSync(file, `builtins ${performance.now().toFixed(1)} ${names.join(",")}\n`);
  // The files loaded by require(), outside the bundle's code cache (blessed's, once).
  const required = Object.keys(createRequire(import.meta.url).cache);
  appendFileSync(file, `required ${performance.now().toFixed(1)} ${JSON.stringify(required)}\n`);
}

interface RenderEvents {
  on(event: "render", listener: () => void): unknown;
  removeListener(event: "render", listener: () => void): unknown;
}

/**
 * Runs `fn` once a frame has been drawn while `shown()` holds, after the drawing has been
 * written (blessed writes on the next tick). `shown()` true already: the frame just drawn has it.
 */
export function whenDrawn(screen: RenderEvents, shown: () => boolean, fn: () => void): void {
  const later = () => {
    setImmediate(fn);
  };
  if (shown()) {
    later();
    return;
  }
  const onRender = () => {
    if (!shown()) return;
    screen.removeListener("render", onRender);
    later();
  };
  screen.on("render", onRender);
}
