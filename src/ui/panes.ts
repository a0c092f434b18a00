// The panes tootty opens (default: Home, Local, Federated, and Notifications as the fourth).
import { systemClock } from "../api/clock.js";
import type { Session } from "../timeline/session.js";
import type { PaneSource } from "./app.js";
import { type PaneItem, timelinePane } from "./timeline-pane.js";
import { notificationsPane } from "./views/notifications-pane.js";
import { MarkerSaver } from "./views/read-markers.js";

/** Saves the read position of home and notifications as they load (markers API). */
function startReadMarkers(session: Session): MarkerSaver {
  const home = session.feed("home");
  return new MarkerSaver({
    rest: session.rest,
    clock: systemClock,
    sources: {
      newest: () => ({
        home: home.store.newestId(),
        notifications: session.notifications.store.newestId(),
      }),
      onChange(listener) {
        const offs = [home.onChange(listener), session.notifications.onChange(listener)];
        return () => {
          for (const off of offs) off();
        };
      },
    },
  });
}

/** Where the Notifications pane sits (the `n` key focuses it). */
export const NOTIFICATIONS_PANE_INDEX = 3;

export function buildPanes(session: Session): PaneSource<PaneItem>[] {
  startReadMarkers(session);
  return [
    timelinePane("Home", session.feed("home"), "home"),
    timelinePane("Local", session.feed("local"), "public"),
    timelinePane("Federated", session.feed("federated"), "public"),
    notificationsPane(session.notifications),
  ];
}
