// Adapts a TimelineFeed (the store's owner) to what a pane draws: items with ids, a state
// word for the title, and the actions the pane may ask for.

import type { RenderContext } from "../../render/index.js";
import type { TimelineFeed } from "../../timeline/feed.js";
import type { NotificationGroup } from "../../timeline/notification-groups.js";
import type { Notification } from "../../timeline/notifications.js";
import type { GapMarker, Status, TimelineItem } from "../../timeline/store.js";
import type { PaneSource } from "../shell/app.js";
import { feedSourceParts } from "./feed-source.js";

export type PaneItem =
  | { kind: "status"; id: string; status: Status; context: RenderContext }
  /** `load` fills the gap (Enter on the row). */
  | { kind: "gap"; id: string; gap: GapMarker; load?: () => void }
  /** `group`: the notifications shown as this one row (Mastodon's grouping), newest first. */
  | { kind: "notification"; id: string; notification: Notification; group?: NotificationGroup };

export interface TimelinePaneOptions {
  /** Relative width in columns mode (the config file's `width`). */
  width?: number;
  /** Runs when the pane is closed, e.g. closing a feed opened for this pane only. */
  close?: () => void;
}

export function timelinePane(
  title: string,
  feed: TimelineFeed,
  context: RenderContext,
  options: TimelinePaneOptions = {},
): PaneSource<PaneItem> {
  let source: readonly TimelineItem[] | undefined;
  let mapped: PaneItem[] = [];
  // The store keeps its status objects across changes (an edit replaces one): so are their
  // pane items reused, instead of 2000 new objects every time one toot arrives. Each item is
  // written out field by field: a spread (`{ ...item, context }`) gave every item a hidden
  // class of its own, ~240 bytes more an item (test/ui/pane-items-memory.test.ts).
  const cache = new WeakMap<object, PaneItem>();
  const paneItem = (item: TimelineItem): PaneItem => {
    const key = item.kind === "gap" ? item : item.status;
    let found = cache.get(key);
    if (!found) {
      found =
        item.kind === "gap"
          ? {
              kind: "gap",
              id: `gap:${item.afterId}`,
              gap: item,
              load: () => void feed.loadGap(item.afterId),
            }
          : { kind: "status", id: item.id, status: item.status, context };
      cache.set(key, found);
    }
    return found;
  };
  return {
    title,
    timeline: feed.kind,
    width: options.width,
    close: options.close,
    items() {
      const items = feed.store.items;
      if (items !== source) {
        source = items;
        mapped = items.map(paneItem);
      }
      return mapped;
    },
    ...feedSourceParts(feed, "toots"),
  };
}
