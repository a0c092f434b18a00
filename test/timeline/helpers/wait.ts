// Waits for a condition that depends on real I/O (sockets, HTTP), checking between I/O turns.
// Never a fixed sleep: it returns as soon as the condition holds, and fails after the timeout.
// With a fake clock it also moves client time forward a little per turn, as real time would
// (so a retry waiting 1 s on the fake clock does happen while we wait).
import { setTimeout as delay } from "node:timers/promises";
import type { FakeClock } from "../../../src/api/clock.js";

export async function waitFor(
  cond: () => boolean,
  what: string,
  opts: { clock?: FakeClock; stepMs?: number; timeoutMs?: number } = {},
): Promise<void> {
  const deadline = Date.now() + (opts.timeoutMs ?? 5000);
  while (!cond()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for: ${what}`);
    await delay(2);
    opts.clock?.advance(opts.stepMs ?? 20);
  }
}
