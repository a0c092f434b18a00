// Which timeline a feed or pane follows, written as the config file and the command line write
// it: "home", "local", "federated", "tag:NAME", "list:ID", "direct"; and the views' own feeds:
// "account:ID" (a profile), "bookmarks", "favourites". One place knows, for each, the stream to
// subscribe to (none for the views' own: no streaming API carries them) and the title.
import type { TimelineKind } from "../api/rest.js";
import type { Subscription } from "../api/stream.js";
import { shown, tl } from "../i18n/index.js";

export type TimelineSpec =
  | TimelineKind
  | `tag:${string}`
  | `list:${string}`
  | "direct"
  | `account:${string}`
  | "bookmarks"
  | "favourites";

const TAG = /^tag:#?([\p{L}\p{N}_]{1,100})$/u;
const LIST = /^list:([A-Za-z0-9]{1,40})$/;

/** A spec from untrusted text (config, command line), or undefined when it names no timeline. */
export function parseTimelineSpec(text: string): TimelineSpec | undefined {
  if (text === "home" || text === "local" || text === "federated" || text === "direct") return text;
  const tag = TAG.exec(text);
  if (tag) return `tag:${tag[1]}`;
  return LIST.test(text) ? (text as `list:${string}`) : undefined;
}

export function isTimelineKind(spec: TimelineSpec): spec is TimelineKind {
  return spec === "home" || spec === "local" || spec === "federated";
}

export function tagOf(spec: TimelineSpec): string | undefined {
  return spec.startsWith("tag:") ? spec.slice(4) : undefined;
}

export function listOf(spec: TimelineSpec): string | undefined {
  return spec.startsWith("list:") ? spec.slice(5) : undefined;
}

/** Bookmarks and favourites: listed by when they were saved, paged by the `Link` header. */
export function isSavedList(spec: TimelineSpec): spec is "bookmarks" | "favourites" {
  return spec === "bookmarks" || spec === "favourites";
}

export function accountOf(spec: TimelineSpec): string | undefined {
  return spec.startsWith("account:") ? spec.slice(8) : undefined;
}

/**
 * The streaming subscription that carries this timeline's live events; undefined for a
 * profile, bookmarks and favourites, which Mastodon's streaming API has no stream for.
 */
export function subscriptionOf(spec: TimelineSpec): Subscription | undefined {
  if (isSavedList(spec) || spec.startsWith("account:")) return undefined;
  if (spec === "home") return { stream: "user" };
  if (spec === "local") return { stream: "public:local" };
  if (spec === "federated") return { stream: "public" };
  if (spec === "direct") return { stream: "direct" };
  const tag = tagOf(spec);
  if (tag !== undefined) return { stream: "hashtag", tag };
  return { stream: "list", list: listOf(spec) ?? "" };
}

/** The pane title; `listTitle` is the list's name when known (it is server text: sanitise it). */
export function timelineTitle(spec: TimelineSpec, listTitle?: string): string {
  return shown(timelineTitleWords(spec, listTitle));
}

/** `timelineTitle` in logical order, for a piece of another message. */
export function timelineTitleWords(spec: TimelineSpec, listTitle?: string): string {
  switch (spec) {
    case "home":
      return tl("timeline.home");
    case "local":
      return tl("timeline.local");
    case "federated":
      return tl("timeline.federated");
    case "direct":
      return tl("timeline.direct");
    case "bookmarks":
      return tl("timeline.bookmarks");
    case "favourites":
      return tl("timeline.favourites");
  }
  const account = accountOf(spec);
  if (account !== undefined) return `@${account}`;
  const tag = tagOf(spec);
  if (tag !== undefined) return `#${tag}`;
  return tl("timeline.list", { name: listTitle || listOf(spec) || "" });
}
