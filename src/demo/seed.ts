// Fills the demo instance with history, so timelines can be paged from the first request.

import { randomDraft } from "./content.js";
import type { DemoWorld, PublishTarget } from "./world.js";
import { NOTIFICATION_TYPES, UNKNOWN_NOTIFICATION_TYPE } from "./world.js";

type Slot = PublishTarget | "mine" | "notification" | "edit";

export function seedHistory(world: DemoWorld, seedCount: number): void {
  const { rng } = world;
  const slots: Slot[] = [];
  const push = (slot: Slot, n: number) => {
    for (let i = 0; i < n; i++) slots.push(slot);
  };
  push("local", seedCount);
  push("federated", seedCount);
  push("home", Math.ceil(seedCount * 0.6));
  push("mine", Math.max(3, Math.ceil(seedCount / 15)));
  const notifications = Math.max(6, Math.ceil(seedCount / 3));
  push("notification", notifications);
  // Half the seeded notification ids have 7 digits, half 8: a client comparing ids lexically
  // (or as numbers after a lossy parse) gets the order wrong, as it would on a real server.
  world.restartNotificationIds(10_000_000n - BigInt(Math.ceil(notifications / 2)) - 1n);
  push("edit", Math.ceil(seedCount / 20));
  // Shuffle (Fisher–Yates), but the demo user's first posts come early so notifications can point at them.
  for (let i = slots.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [slots[i], slots[j]] = [slots[j]!, slots[i]!];
  }
  slots.unshift("mine", "mine");

  const end = world.now() - 5_000;
  const step = 45_000;
  let at = end - slots.length * step;
  for (const slot of slots) {
    at += rng.int(step / 3, (step * 5) / 3);
    at = Math.min(at, end);
    if (slot === "mine") {
      const draft = randomDraft({
        rng,
        author: world.me,
        other: () => rng.pick(world.accounts.slice(1, 8)),
      });
      world.postAsMe(
        draft,
        rng.pick(["public", "public", "unlisted", "private"] as const),
        at,
        false,
      );
    } else if (slot === "notification") {
      const type = rng.chance(0.05) ? UNKNOWN_NOTIFICATION_TYPE : rng.pick(NOTIFICATION_TYPES);
      world.notify(type, {}, at, false);
    } else if (slot === "edit") {
      const recent = world.statuses.slice(-30).filter((s) => s.status.reblog === null);
      if (recent.length > 0) {
        const target = rng.pick(recent);
        world.edit(target.id, `${target.status.content}<p>Edit: fixed a typo.</p>`, at);
      }
    } else {
      world.publish(slot, {}, at, false);
    }
  }
}
