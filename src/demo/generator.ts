// The live generator: posts into local and federated every few seconds, now and then into
// home, and occasionally notifies, edits or deletes a recent status — a believable busy server.

import { type DemoWorld, NOTIFICATION_TYPES, UNKNOWN_NOTIFICATION_TYPE } from "./world.js";

export class LiveGenerator {
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly world: DemoWorld,
    private readonly intervalMs: number,
  ) {}

  get running(): boolean {
    return this.timer !== null;
  }

  setRunning(on: boolean): void {
    if (on && !this.timer) this.schedule();
    if (!on && this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
  }

  private schedule(): void {
    // Uneven gaps (⅔ to 1⅓ of the interval) so the panes don't tick like a metronome.
    const delay = this.intervalMs * (2 / 3 + (this.world.rng.next() * 2) / 3);
    this.timer = setTimeout(() => {
      this.tick();
      if (this.timer) this.schedule();
    }, delay);
    this.timer.unref();
  }

  tick(): void {
    const { world } = this;
    const roll = world.rng.next();
    if (roll < 0.45) world.publish("local");
    else if (roll < 0.85) world.publish("federated");
    else if (roll < 0.92) world.publish("home");
    else if (roll < 0.96) {
      const type = world.rng.chance(0.1)
        ? UNKNOWN_NOTIFICATION_TYPE
        : world.rng.pick(NOTIFICATION_TYPES);
      world.notify(type);
    } else {
      const recent = world.statuses.slice(-20).filter((s) => s.status.reblog === null);
      if (recent.length === 0) return;
      const target = world.rng.pick(recent);
      if (roll < 0.98)
        world.edit(target.id, `${target.status.content}<p>Edit: added a detail.</p>`);
      else world.delete(target.id);
    }
  }
}
