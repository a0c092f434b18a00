// What this simulated server's admin has set, as Mastodon 4.5 reports it in /api/v2/instance:
// the API version (`api_versions.mastodon`) and who may read the live feeds
// (`configuration.timelines_access`, entities/Instance.md). Tests change them at run time.

export type FeedAccess = "public" | "authenticated" | "disabled";

export interface TimelinesAccess {
  live_feeds: { local: FeedAccess; remote: FeedAccess };
  hashtag_feeds: { local: FeedAccess; remote: FeedAccess };
  trending_link_feeds: { local: FeedAccess; remote: FeedAccess };
}

/** The part tests set: any feed's local or remote access. */
export type TimelinesAccessInput = {
  [K in keyof TimelinesAccess]?: Partial<TimelinesAccess[K]>;
};

export interface DemoServerSettings {
  /** `api_versions.mastodon`: 7 is Mastodon 4.5 (quote posts). */
  apiVersion: number;
  timelinesAccess: TimelinesAccess;
}

const ACCESS = new Set<string>(["public", "authenticated", "disabled"]);

export function defaultServerSettings(apiVersion = 7): DemoServerSettings {
  const open = () => ({ local: "public" as const, remote: "public" as const });
  return {
    apiVersion,
    timelinesAccess: { live_feeds: open(), hashtag_feeds: open(), trending_link_feeds: open() },
  };
}

/** Applies `input` to `settings`; throws on a value Mastodon does not have. */
export function setTimelinesAccess(
  settings: DemoServerSettings,
  input: TimelinesAccessInput,
): void {
  for (const feed of ["live_feeds", "hashtag_feeds", "trending_link_feeds"] as const) {
    const part = input[feed];
    if (!part) continue;
    for (const side of ["local", "remote"] as const) {
      const v = part[side];
      if (v === undefined) continue;
      if (!ACCESS.has(v))
        throw new Error(`${feed}.${side} must be public, authenticated or disabled`);
      settings.timelinesAccess[feed][side] = v;
    }
  }
}

/**
 * Which posts a public feed gives a signed-in user without the "View live and topic feeds"
 * permission, as Mastodon's PublicFeed (and TagFeed, which inherits it with the topic
 * settings) decides: a side that is `disabled` is left out, so asking for only that side gives
 * nothing, and the whole feed gives the other side.
 */
export function liveFeedScope(
  settings: DemoServerSettings,
  asked: "all" | "local" | "remote",
  feed: "live_feeds" | "hashtag_feeds" = "live_feeds",
): { local: boolean; remote: boolean } {
  const { local, remote } = settings.timelinesAccess[feed];
  const localOk = local !== "disabled";
  const remoteOk = remote !== "disabled";
  return {
    local: localOk && asked !== "remote",
    remote: remoteOk && asked !== "local",
  };
}
