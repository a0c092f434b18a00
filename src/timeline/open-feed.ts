// How a feed fetches a page of each kind of timeline over REST.
import type { PageParams, RestClient } from "../api/rest.js";
import { conversationStatusesPage, listTimelinePage, tagTimelinePage } from "../api/timelines.js";
import type { Status } from "./store.js";
import { isTimelineKind, listOf, type TimelineSpec, tagOf } from "./timeline-spec.js";

export function feedPageFetcher(
  rest: Pick<RestClient, "timeline" | "request">,
  spec: TimelineSpec,
): (page: PageParams) => Promise<Status[]> {
  if (isTimelineKind(spec)) return (page) => rest.timeline(spec, page);
  if (spec === "direct") return (page) => conversationStatusesPage(rest, page);
  const tag = tagOf(spec);
  if (tag !== undefined) return (page) => tagTimelinePage(rest, tag, page);
  const list = listOf(spec) ?? "";
  return (page) => listTimelinePage(rest, list, page);
}
