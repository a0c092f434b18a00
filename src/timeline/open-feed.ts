// How a feed fetches a page of each kind of timeline over REST.

import { accountStatuses } from "../api/accounts.js";
import type { PageParams, RestClient } from "../api/rest.js";
import { collection } from "../api/search.js";
import { conversationStatusesPage, listTimelinePage, tagTimelinePage } from "../api/timelines.js";
import type { FeedPage } from "./feed.js";
import {
  accountOf,
  isSavedList,
  isTimelineKind,
  listOf,
  type TimelineSpec,
  tagOf,
} from "./timeline-spec.js";

export function feedPageFetcher(
  rest: Pick<RestClient, "timeline" | "request" | "requestPage">,
  spec: TimelineSpec,
): (page: PageParams) => Promise<FeedPage> {
  if (isTimelineKind(spec)) return (page) => rest.timeline(spec, page);
  // Paged by the Link header's cursors (the feed follows them, not the statuses' ids).
  if (isSavedList(spec)) return (page) => collection(rest, spec, page);
  const account = accountOf(spec);
  if (account !== undefined) return (page) => accountStatuses(rest, account, page);
  if (spec === "direct") return (page) => conversationStatusesPage(rest, page);
  const tag = tagOf(spec);
  if (tag !== undefined) return (page) => tagTimelinePage(rest, tag, page);
  const list = listOf(spec) ?? "";
  return (page) => listTimelinePage(rest, list, page);
}
