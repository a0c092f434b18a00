// The panes tootty opens: those of the config file's `panes` (default Home, Local, Federated,
// Notifications), each with its own buffer size and relative width; and a pane for any timeline
// opened later from the command line.
import type { LiveFeed } from "../../api/feed-access.js";
import { fetchLists } from "../../api/lists.js";
import { panesAreDefault } from "../../config/panes.js";
import type { Settings } from "../../config/settings.js";
import { sanitizeInline } from "../../render/index.js";
import type { Session } from "../../timeline/session.js";
import {
  listOf,
  parseTimelineSpec,
  type TimelineSpec,
  timelineTitle,
} from "../../timeline/timeline-spec.js";
import type { PaneSource } from "../shell/app.js";
import { closedPane, closedReason, skippedNotice } from "./closed-pane.js";
import { notificationsPane } from "./notifications-pane.js";
import { type PaneItem, timelinePane } from "./timeline-pane.js";

/** What the config file's panes are when it says nothing (settings' own default lacks Notifications). */
export const DEFAULT_PANE_TIMELINES = ["home", "local", "federated", "notifications"] as const;

export interface PaneSpec {
  timeline: string;
  width?: number;
  bufferSize?: number;
}

/** Finds the first open pane showing `timeline` ("home", "notifications"…), or -1. */
export function paneIndexOf(panes: readonly PaneSource<PaneItem>[], timeline: string): number {
  return panes.findIndex((p) => p.timeline === timeline);
}

/**
 * The panes of the config file (`settings.panes`), or the default four without settings. A
 * timeline the server has closed is left out of the default panes (`notice` is told why, in
 * one line) and shown as closed where the config file names it.
 */
export function buildPanes(
  session: Session,
  settings?: Pick<Settings, "panes" | "bufferSize">,
  notice?: (line: string) => void,
): PaneSource<PaneItem>[] {
  const specs: readonly PaneSpec[] =
    settings?.panes ?? DEFAULT_PANE_TIMELINES.map((timeline) => ({ timeline }));
  const chosen = settings !== undefined && !panesAreDefault(settings.panes);
  const panes: PaneSource<PaneItem>[] = [];
  const skipped: LiveFeed[] = [];
  for (const spec of specs) {
    const closed = closedReason(session, spec.timeline);
    const timeline = parseTimelineSpec(spec.timeline);
    if (closed && timeline) {
      if (chosen || !isLiveFeed(timeline)) panes.push(closedPane(timeline, closed, spec.width));
      else skipped.push(timeline);
      continue;
    }
    const pane = openPane(session, spec);
    if (pane) panes.push(pane);
  }
  const line = skippedNotice(skipped);
  if (line) notice?.(line);
  return panes;
}

/** A pane for one timeline (a new feed of its own, closed with the pane); undefined if unknown. */
export function openPane(session: Session, spec: PaneSpec): PaneSource<PaneItem> | undefined {
  if (spec.timeline === "notifications") {
    // One notification feed per session: a closed Notifications pane leaves it running.
    return notificationsPane(session.notifications, {
      timeline: "notifications",
      width: spec.width,
    });
  }
  const timeline = parseTimelineSpec(spec.timeline);
  if (!timeline) return undefined;
  const feed = session.openFeed(timeline, { storeSize: spec.bufferSize });
  const pane = timelinePane(timelineTitle(timeline), feed, contextOf(timeline), {
    width: spec.width,
    close: () => feed.close(),
  });
  const list = listOf(timeline);
  if (list === undefined) return pane;
  // A list pane is titled by the list's name once known (server text: sanitised).
  let title = pane.title;
  const listeners = new Set<() => void>();
  void fetchLists(session.rest)
    .then((lists) => {
      const found = lists.find((l) => l.id === list);
      if (!found || typeof found.title !== "string") return;
      title = timelineTitle(timeline, sanitizeInline(found.title));
      for (const l of [...listeners]) l();
    })
    .catch(() => {});
  return Object.defineProperties(
    {
      ...pane,
      onChange(listener: () => void) {
        listeners.add(listener);
        const off = pane.onChange(listener);
        return () => {
          listeners.delete(listener);
          off();
        };
      },
    },
    { title: { get: () => title, enumerable: true } },
  ) as PaneSource<PaneItem>;
}

function isLiveFeed(spec: TimelineSpec): spec is LiveFeed {
  return spec === "local" || spec === "federated";
}

function contextOf(spec: TimelineSpec): "home" | "public" {
  return spec === "home" || spec === "direct" || spec.startsWith("list:") ? "home" : "public";
}
