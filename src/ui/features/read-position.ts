// Read position through the markers API: home and notifications open where you left off (in
// this client or any other), and the position is saved as you read and on quit.
//
// "Read up to" is the item at the top of the pane's window: everything above it is what the
// pane counts as new. That is also what Mastodon's web client stores (`last_read_id`).

import { systemClock } from "../../api/clock.js";
import { describeError, NotSupportedError } from "../../api/errors.js";
import { fetchMarkers, type Marker, type MarkerTimeline } from "../../api/markers.js";
import { tl } from "../../i18n/index.js";
import type { Session } from "../../timeline/session.js";
import type { PaneItem } from "../panes/timeline-pane.js";
import type { PaneSource, RunningApp } from "../shell/app.js";
import { MarkerSaver } from "./read-markers.js";

const CHECK_MS = 2_000;

interface Tracked {
  /** Also the pane's `timeline`: the panes are found by what they show, wherever they sit. */
  timeline: MarkerTimeline;
  /** Pane item id ↔ the id the markers API speaks of. */
  toItemId(items: readonly PaneItem[], markerId: string): string | undefined;
  toMarkerId(item: PaneItem | undefined): string | undefined;
}

/**
 * The Notifications row that holds notification `id`: its own row, or the group it is in
 * (a group row is keyed by its group, `g:KEY`, and saved as its newest notification's id).
 */
export function notificationRowOf(items: readonly PaneItem[], id: string): string | undefined {
  return items.find(
    (item) =>
      item.kind === "notification" &&
      (item.notification.id === id || item.group?.notifications.some((n) => n.id === id)),
  )?.id;
}

const TRACKED: Tracked[] = [
  {
    timeline: "home",
    toItemId: (_items, id) => id,
    toMarkerId: (item) => (item?.kind === "status" ? item.id : undefined),
  },
  {
    timeline: "notifications",
    toItemId: notificationRowOf,
    toMarkerId: (item) => (item?.kind === "notification" ? item.notification.id : undefined),
  },
];

export interface ReadPosition {
  /** Saves now (on quit); resolves when done or after `timeoutMs`. */
  flush(timeoutMs?: number): Promise<void>;
  close(): void;
}

/** Asks for the saved markers; start it early, alongside the first timeline pages. */
export function requestMarkers(session: Session): Promise<Partial<Record<MarkerTimeline, Marker>>> {
  const request = fetchMarkers(session.rest);
  // Its reader attaches after the panes are built. Where the server is known to have no
  // markers (Sharkey) it rejects at once, and a rejection nobody handles by the next turn of
  // the event loop ends the process: mark it handled here; the reader still sees it.
  request.catch(() => undefined);
  return request;
}

export function trackReadPosition(
  session: Session,
  panes: readonly PaneSource<PaneItem>[],
  app: RunningApp<PaneItem>,
  markersRequest: Promise<Partial<Record<MarkerTimeline, Marker>>> = requestMarkers(session),
): ReadPosition {
  // The first pane of each tracked timeline at start (the marker is restored there); its index
  // is looked up each time, since panes move when others open or close.
  const tracked = TRACKED.flatMap((t) => {
    const pane = panes.find((p) => p.timeline === t.timeline);
    return pane ? [{ ...t, pane }] : [];
  });
  const offs: Array<() => void> = [];

  // Restore: once the marker is known and the pane has loaded, put the marker at the top.
  void markersRequest
    .then((markers) => {
      session.notifications.setReadMarker(markers.notifications?.lastReadId);
      for (const t of tracked) {
        const lastRead = markers[t.timeline]?.lastReadId;
        if (typeof lastRead !== "string" || lastRead === "") continue;
        const pane = t.pane;
        /** The bottom item when the next page down was asked for, until that page is in. */
        let bottomWhenAsked: string | undefined;
        const tryRestore = () => {
          const at = app.indexOf(pane);
          // Once the user has moved in the pane, their position wins over a late marker.
          if (at < 0 || app.userMoved(at)) return true;
          const items = pane.items();
          if (items.length === 0) return false;
          const row = t.toItemId(items, lastRead);
          if (row !== undefined && app.scrollTo(at, row)) return true;
          // Not in the first page: one page further down before giving up. No more than that:
          // the marker may point at a toot since deleted, which no page would ever bring.
          const bottom = items[items.length - 1]!.id;
          if (bottomWhenAsked === undefined && pane.loadOlder) {
            bottomWhenAsked = bottom;
            pane.loadOlder();
            return false;
          }
          // Other changes (a new toot on top) come before the page: wait for it.
          return bottom !== bottomWhenAsked;
        };
        if (!tryRestore()) {
          const off = pane.onChange(() => {
            if (tryRestore()) off();
          });
          offs.push(off);
        }
      }
    })
    .catch((err: unknown) => {
      // A server without markers (Sharkey, snac) simply keeps no read position: nothing to say.
      if (err instanceof NotSupportedError) return;
      app.flash(tl("markers.couldNotRead", { why: describeError(err) }));
    });

  // Save: the saver debounces; we tell it when a top item changes.
  const listeners = new Set<() => void>();
  const newest = () => {
    const out: Partial<Record<MarkerTimeline, string>> = {};
    // Saving follows whichever pane shows the timeline now (one may be closed and reopened).
    for (const t of TRACKED) {
      const at = app.panes().findIndex((p) => p.timeline === t.timeline);
      const id = at < 0 ? undefined : t.toMarkerId(app.topItem(at));
      if (id) out[t.timeline] = id;
    }
    return out;
  };
  let last = JSON.stringify(newest());
  const check = setInterval(() => {
    const now = JSON.stringify(newest());
    if (now === last) return;
    last = now;
    for (const l of listeners) l();
  }, CHECK_MS);
  check.unref();
  const saver = new MarkerSaver({
    rest: session.rest,
    clock: systemClock,
    sources: {
      newest,
      onChange(listener) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    },
    onError: (message) => app.flash(message),
    // The notifications marker moved: the title's unread count is the server's again.
    onSaved: () => {
      const saved = newest().notifications;
      if (saved) session.notifications.setReadMarker(saved);
      void session.notifications.refreshCounts().catch(() => {});
    },
  });

  return {
    flush(timeoutMs = 2_000) {
      return Promise.race([saver.flush(), new Promise<void>((r) => setTimeout(r, timeoutMs))]);
    },
    close() {
      clearInterval(check);
      for (const off of offs) off();
      saver.close();
    },
  };
}
