// The panes tootty opens, from the settings (default: Home, Local, Federated).
import type { Session } from "../timeline/session.js";
import type { PaneSource } from "./app.js";
import { type PaneItem, timelinePane } from "./timeline-pane.js";

export function buildPanes(session: Session): PaneSource<PaneItem>[] {
  return [
    timelinePane("Home", session.feed("home"), "home"),
    timelinePane("Local", session.feed("local"), "public"),
    timelinePane("Federated", session.feed("federated"), "public"),
  ];
}
