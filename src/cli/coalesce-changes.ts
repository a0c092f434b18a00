// A pane's change notifications, at most one per frame. Every listener of a pane does work
// proportional to the pane (the shell re-syncs its viewport from `items()`, which re-maps the
// whole timeline), so a burst of streamed toots notified one by one cost O(toots × held):
// ~2 s of CPU and ~200 MB of garbage-driven heap growth per 1000 toots with 2000 held.
// Throttled, the first change of a quiet pane is passed on at once (a lone toot shows without
// delay) and a burst becomes one notification per frame.
// Adapter in the start-up room; the lasting fix belongs in the shell (sync on paint) and the
// pane (map only what changed).
import type { Clock } from "../api/clock.js";
import { systemClock } from "../api/clock.js";

export interface Notifier {
  onChange(listener: () => void): () => void;
}

/** Same object, `onChange` throttled to one call per `frameMs` (leading and trailing). */
export function coalesceChanges<P extends Notifier>(
  pane: P,
  frameMs = 33,
  clock: Pick<Clock, "setTimeout" | "clearTimeout" | "now"> = systemClock,
): P {
  const onChange = (listener: () => void): (() => void) => {
    let last = Number.NEGATIVE_INFINITY;
    let timer: ReturnType<Clock["setTimeout"]> | undefined;
    const fire = () => {
      timer = undefined;
      last = clock.now();
      listener();
    };
    const off = pane.onChange(() => {
      if (timer !== undefined) return;
      const wait = last + frameMs - clock.now();
      if (wait <= 0) fire();
      else timer = clock.setTimeout(fire, wait);
    });
    return () => {
      off();
      if (timer !== undefined) clock.clearTimeout(timer);
      timer = undefined;
    };
  };
  return new Proxy(pane, {
    get(target, key) {
      if (key === "onChange") return onChange;
      const value = Reflect.get(target, key, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}
