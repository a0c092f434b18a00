// Builds masto-shaped statuses for hard cases, with only what a test cares about spelled out.
import type { mastodon } from "masto";

export const NOW = Date.parse("2026-03-10T12:00:00Z");

export function makeAccount(over: Partial<mastodon.v1.Account> = {}): mastodon.v1.Account {
  return {
    id: "100",
    username: "alice",
    acct: "alice",
    displayName: "Alice",
    url: "https://home.example/@alice",
    emojis: [],
    bot: false,
    locked: false,
    ...over,
  } as mastodon.v1.Account;
}

export function makeStatus(over: Partial<mastodon.v1.Status> = {}): mastodon.v1.Status {
  return {
    id: "1",
    uri: "https://home.example/users/alice/statuses/1",
    createdAt: new Date(NOW - 5 * 60_000).toISOString(),
    editedAt: null,
    account: makeAccount(),
    content: "<p>hello</p>",
    visibility: "public",
    sensitive: false,
    spoilerText: "",
    mediaAttachments: [],
    mentions: [],
    tags: [],
    emojis: [],
    reblogsCount: 0,
    favouritesCount: 0,
    repliesCount: 0,
    filtered: [],
    ...over,
  } as mastodon.v1.Status;
}

export function filterResult(action: string, title = "spoilers", context = ["home", "public"]) {
  return {
    filter: { id: `f-${action}`, title, context, filterAction: action, keywords: [], statuses: [] },
    keywordMatches: null,
    statusMatches: null,
  } as unknown as mastodon.v1.FilterResult;
}
