// One place that applies a changed or deleted status everywhere it is shown: every timeline
// store (through the feeds, like a streamed edit), the notifications, and any open view.
import type { Session } from "../../timeline/session.js";
import type { Status } from "../../timeline/store.js";
import type { PaneItem } from "../timeline-pane.js";

export type StatusChange = { kind: "edit"; status: Status } | { kind: "delete"; id: string };

const listenersBySession = new WeakMap<Session, Set<(c: StatusChange) => void>>();

function listenersOf(session: Session): Set<(c: StatusChange) => void> {
  let set = listenersBySession.get(session);
  if (!set) {
    set = new Set();
    listenersBySession.set(session, set);
  }
  return set;
}

export function publishStatusChange(session: Session, change: StatusChange): void {
  // Every open feed (whatever its timeline) and the notifications.
  session.shareStatusChange(change);
  for (const l of [...listenersOf(session)]) l(change);
}

/** Open views listen while they are on screen. */
export function onStatusChange(session: Session, listener: (c: StatusChange) => void): () => void {
  const set = listenersOf(session);
  set.add(listener);
  return () => set.delete(listener);
}

/** The status a pane row is about: the toot itself, or the one a notification points at. */
export function statusOfItem(item: PaneItem | undefined): Status | undefined {
  if (!item) return undefined;
  if (item.kind === "status") return item.status;
  if (item.kind === "notification") {
    const s = (item.notification as { status?: Status | null }).status;
    return s ?? undefined;
  }
  return undefined;
}

/** Actions apply to the original of a boost. */
export function actionTarget(status: Status): Status {
  return status.reblog ?? status;
}

/** A status as it would look after the edit, inside a boost if it is one. */
export function replaceInside(shown: Status, updated: Status): Status | undefined {
  if (shown.id === updated.id) return updated;
  if (shown.reblog?.id === updated.id) return { ...shown, reblog: updated };
  return undefined;
}
