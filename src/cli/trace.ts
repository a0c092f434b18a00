// Start-up trace for the bench: with TOOTTY_TRACE=FILE, each mark appends "name ms-since-process-start".
import { appendFileSync } from "node:fs";

const file = process.env.TOOTTY_TRACE;

export function traceMark(name: string): void {
  if (!file) return;
  appendFileSync(file, `${name} ${performance.now().toFixed(1)}\n`);
}

interface RenderEvents {
  on(event: "render", listener: () => void): unknown;
  removeListener(event: "render", listener: () => void): unknown;
}

/**
 * Marks `name` once a frame has been drawn while `shown()` holds (the drawing is written on
 * the next tick, so the mark follows it). `shown()` true already: the frame just drawn has it.
 */
export function traceWhenDrawn(screen: RenderEvents, shown: () => boolean, name: string): void {
  if (!file) return;
  const mark = () => {
    setImmediate(() => traceMark(name));
  };
  if (shown()) {
    mark();
    return;
  }
  const onRender = () => {
    if (!shown()) return;
    screen.removeListener("render", onRender);
    mark();
  };
  screen.on("render", onRender);
}
