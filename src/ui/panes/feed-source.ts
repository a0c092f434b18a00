// What every pane over a core feed answers the same way: its state in words, the empty pane's
// line, change events, paging one page at a time, and a refresh. The feed (timeline or
// notifications) owns all of it; a pane only words it.
import type { PaneState } from "../../timeline/pane-state.js";
import { describeEmptyPane, describePaneState } from "../../timeline/pane-state.js";
import type { PaneSource } from "../shell/app.js";
import type { ViewItem } from "./viewport.js";

/** The part of a feed a pane reads for this. */
export interface PagedFeed {
  readonly state: PaneState;
  onChange(listener: () => void): () => void;
  loadOlder(): Promise<unknown>;
  refresh(): Promise<void>;
}

export function feedSourceParts<T extends ViewItem>(
  feed: PagedFeed,
  noun: "toots" | "notifications",
): Pick<PaneSource<T>, "state" | "placeholder" | "onChange" | "loadOlder" | "refresh"> {
  let loadingOlder = false;
  return {
    state: (brief) => describePaneState(feed.state, Date.now(), brief),
    placeholder: () => describeEmptyPane(feed.state, noun, Date.now()),
    onChange: (listener) => feed.onChange(listener),
    loadOlder() {
      // One page at a time: paging is rate-limited to 300 requests per 15 minutes.
      if (loadingOlder) return;
      loadingOlder = true;
      feed.loadOlder().finally(() => {
        loadingOlder = false;
      });
    },
    refresh: () => feed.refresh(),
  };
}
