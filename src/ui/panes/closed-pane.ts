// A pane for a live timeline this server has closed to the reader (Mastodon 4.5's
// `configuration.timelines_access`, api/feed-access.ts): asked for by name in the config
// file, it is shown, saying so, and asks the server nothing, since the server would only
// answer empty pages.
import { type LiveFeed, liveFeedClosed, mayViewClosedFeeds } from "../../api/feed-access.js";
import { tl } from "../../i18n/index.js";
import type { Session } from "../../timeline/session.js";
import { timelineTitle } from "../../timeline/timeline-spec.js";
import type { PaneSource } from "../shell/app.js";
import type { PaneItem } from "./timeline-pane.js";

/** The live timelines this server keeps from the signed-in reader, in pane order. */
export function closedLiveFeeds(session: Session): LiveFeed[] {
  const access = (session.profile.instance ?? session.instance).timelinesAccess;
  // A session always has a token: every `authenticated` feed is open to it.
  const reader = { signedIn: true, viewClosed: mayViewClosedFeeds(session.account) };
  return (["local", "federated"] as const).filter((feed) => liveFeedClosed(feed, access, reader));
}

/** Why `timeline` cannot be opened here, or undefined when it can. */
export function closedReason(session: Session, timeline: string): string | undefined {
  if (timeline !== "local" && timeline !== "federated") return undefined;
  if (!closedLiveFeeds(session).includes(timeline)) return undefined;
  return tl(timeline === "local" ? "feeds.closedLocal" : "feeds.closedFederated");
}

/** The one line said at start-up when default panes were left out, or undefined. */
export function skippedNotice(skipped: readonly LiveFeed[]): string | undefined {
  if (skipped.length === 0) return undefined;
  if (skipped.length > 1) return tl("feeds.skippedBoth");
  return tl(skipped[0] === "local" ? "feeds.skippedLocal" : "feeds.skippedFederated");
}

export function closedPane(feed: LiveFeed, reason: string, width?: number): PaneSource<PaneItem> {
  return {
    title: timelineTitle(feed),
    timeline: feed,
    width,
    items: () => [],
    state: () => tl("feeds.closedState"),
    placeholder: () => reason,
    onChange: () => () => {},
  };
}
