// A pane for a live or hashtag timeline this server has closed to the reader (Mastodon 4.5's
// `configuration.timelines_access`, api/feed-access.ts): asked for by name in the config
// file, it is shown, saying so, and asks the server nothing, since the server would only
// answer empty pages.
import {
  hashtagFeedSides,
  type LiveFeed,
  liveFeedClosed,
  mayViewClosedFeeds,
} from "../../api/feed-access.js";
import { tl } from "../../i18n/index.js";
import type { Session } from "../../timeline/session.js";
import { type TimelineSpec, timelineTitle } from "../../timeline/timeline-spec.js";
import type { PaneSource } from "../shell/app.js";
import type { PaneItem } from "./timeline-pane.js";

function readerOf(session: Session) {
  // A session always has a token: every `authenticated` feed is open to it.
  return { signedIn: true, viewClosed: mayViewClosedFeeds(session.account) };
}

function accessOf(session: Session) {
  return (session.profile.instance ?? session.instance).timelinesAccess;
}

/** The live timelines this server keeps from the signed-in reader, in pane order. */
export function closedLiveFeeds(session: Session): LiveFeed[] {
  const access = accessOf(session);
  const reader = readerOf(session);
  return (["local", "federated"] as const).filter((feed) => liveFeedClosed(feed, access, reader));
}

/** Why `timeline` cannot be opened here, or undefined when it can. */
export function closedReason(session: Session, timeline: string): string | undefined {
  if (timeline.startsWith("tag:")) {
    const sides = hashtagFeedSides(accessOf(session), readerOf(session));
    return sides.local || sides.remote ? undefined : tl("feeds.closedTags");
  }
  if (timeline !== "local" && timeline !== "federated") return undefined;
  if (!closedLiveFeeds(session).includes(timeline)) return undefined;
  return tl(timeline === "local" ? "feeds.closedLocal" : "feeds.closedFederated");
}

/**
 * The one line said when a hashtag timeline opens on a server that leaves other servers'
 * posts out of it (`hashtag_feeds.remote` closed to this reader), or undefined.
 */
export function tagScopeNotice(session: Session, timeline: string): string | undefined {
  if (!timeline.startsWith("tag:")) return undefined;
  const sides = hashtagFeedSides(accessOf(session), readerOf(session));
  return sides.local && !sides.remote ? tl("feeds.tagsLocalOnly") : undefined;
}

/** The one line said at start-up when default panes were left out, or undefined. */
export function skippedNotice(skipped: readonly LiveFeed[]): string | undefined {
  if (skipped.length === 0) return undefined;
  if (skipped.length > 1) return tl("feeds.skippedBoth");
  return tl(skipped[0] === "local" ? "feeds.skippedLocal" : "feeds.skippedFederated");
}

export function closedPane(
  timeline: TimelineSpec,
  reason: string,
  width?: number,
): PaneSource<PaneItem> {
  return {
    title: timelineTitle(timeline),
    timeline,
    width,
    items: () => [],
    state: () => tl("feeds.closedState"),
    placeholder: () => reason,
    onChange: () => () => {},
  };
}
