// Which status a pane row is about, and which one an action on it targets. Changes to a status
// travel on the session's status bus (src/timeline/status-bus.ts), not through the UI.
import type { Status } from "../../timeline/store.js";
import type { PaneItem } from "./timeline-pane.js";

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
