// A pane's change notifications, at most one per turn of the event loop. Every listener of a
// pane does work proportional to the pane (the shell re-syncs its viewport from `items()`,
// which re-maps the whole timeline), so streamed toots notified one by one cost
// O(toots × held): ~2 s of CPU per 1000 toots with 2000 held, and the garbage grew the heap.
// Every toot that arrived in one read of the socket now makes one notification, delivered in
// the same turn (before the shell's paint timer can run, so a frame never shows a half-applied
// change): the busier the client, the more toots per read, the fewer notifications per toot.
// Adapter in the start-up room; the lasting fix belongs in the shell (sync on paint) and the
// pane (map only what changed).

export interface Notifier {
  onChange(listener: () => void): () => void;
}

/** Same object, with `onChange` listeners called once per event-loop turn however many changes. */
export function coalesceChanges<P extends Notifier>(pane: P): P {
  const onChange = (listener: () => void): (() => void) => {
    let pending: NodeJS.Immediate | undefined;
    const off = pane.onChange(() => {
      pending ??= setImmediate(() => {
        pending = undefined;
        listener();
      });
    });
    return () => {
      off();
      if (pending !== undefined) clearImmediate(pending);
      pending = undefined;
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
