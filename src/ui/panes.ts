// The panes tootty opens (default: Home, Local, Federated, and Notifications as the fourth).
import type { Session } from "../timeline/session.js";
import type { PaneSource } from "./app.js";
import { type PaneItem, timelinePane } from "./timeline-pane.js";
import { notificationsPane } from "./views/notifications-pane.js";

/** Where the Notifications pane sits (the `n` key focuses it). */
export const NOTIFICATIONS_PANE_INDEX = 3;

export function buildPanes(session: Session): PaneSource<PaneItem>[] {
  return [
    timelinePane("Home", session.feed("home"), "home"),
    timelinePane("Local", session.feed("local"), "public"),
    timelinePane("Federated", session.feed("federated"), "public"),
    notificationsPane(session.notifications),
  ];
}
