// The one place that knows how this server differs from Mastodon: what it is (nodeinfo), what
// it promises (`api_versions`, `configuration`), its limits, and what it turned out not to have.
// Other code asks `supports(feature)` instead of reading version strings: "4.4.0+glitch",
// "2.7.2 (compatible; Pleroma 2.5.2)" and "3.0.0 (compatible; Sharkey …; like Akkoma)" all
// claim a Mastodon version they do not behave like.
//
// Knowledge comes from three places, the later ones correcting the earlier:
// 1. the instance JSON (v2, or v1 on servers without it): limits, `api_versions.mastodon`
//    (Mastodon 4.3 and later), `configuration.translation.enabled`, `configuration.urls`;
// 2. NodeInfo (`/.well-known/nodeinfo` → the 2.x document, nodeinfo.diaspora.software):
//    `software.name` and `software.version`, with what each project's own source says it
//    lacks (the table below);
// 3. what the server answered: an endpoint answering 404/410/501 does not exist here, one
//    answering anything else does; a stream that no form reaches means no streaming.
import type { InstanceInfo } from "./instance-info.js";

export const SERVER_FEATURES = [
  "streaming",
  "groupedNotifications",
  "quotes",
  "markers",
  "filtersV2",
  "conversations",
  "statusHistory",
  "scheduledStatuses",
  "translation",
  "notificationUnreadCount",
  "favourites",
] as const;
export type ServerFeature = (typeof SERVER_FEATURES)[number];

export interface Software {
  /** NodeInfo's `software.name`, lower case ("mastodon", "gotosocial", "akkoma", …). */
  name: string;
  version: string;
}

/**
 * How the server measures a toot against its limit, from each project's own validation code:
 * - Mastodon (app/validators/status_length_validator.rb): grapheme clusters of the CW plus the
 *   text, every URL as `urlLength`, `@user@domain` as `@user`. Hollo and snac advertise
 *   Mastodon's limits (`max_characters`, `characters_reserved_per_url`) but check no length at
 *   all (Hollo src/api/v1/statuses.ts: `status: z.string().min(1)`; snac mastoapi.c posts
 *   whatever arrives), so their advertised rule is the one kept.
 * - Pleroma and Akkoma (lib/pleroma/web/common_api/activity_draft.ex, utils.ex):
 *   `String.length(String.trim(status <> summary))`: grapheme clusters of the text then the CW,
 *   joined, with Unicode White_Space trimmed from both ends; URLs and mentions as written.
 * - GoToSocial (internal/processing/status/common.go, and statuscreate.go in 0.15):
 *   `len([]rune(status)) + len([]rune(spoiler))`: code points of each, URLs as written although
 *   the instance JSON says 25 per URL.
 * - Sharkey (packages/backend/src/server/api/endpoints/notes/create.ts, which its Mastodon API
 *   posts through): `text.length` (UTF-16 code units) against maxNoteLength, the
 *   `max_characters` it advertises, and the CW's `cw.length` against its own maxCwLength
 *   (500 unless configured, config.ts; not advertised in the Mastodon API).
 */
export type CountRule =
  | { kind: "mastodon"; urlLength: number }
  | { kind: "pleroma" }
  | { kind: "gotosocial" }
  | { kind: "sharkey"; maxSpoiler: number };

/** Sharkey's maxCwLength when the instance sets none (packages/backend/src/config.ts). */
export const SHARKEY_MAX_CW = 500;

/**
 * snac cuts a poll option longer than max_poll_option_length bytes (60 unless configured)
 * there and adds "..." (activitypub.c msg_question), whatever `max_characters_per_option`
 * (50) says: 50 Japanese characters are 150 bytes.
 */
export const SNAC_POLL_OPTION_BYTES = 60;

export interface ServerLimits {
  maxCharacters: number;
  count: CountRule;
  maxMediaAttachments: number;
  pollMaxOptions: number;
  pollMaxCharactersPerOption: number;
  /** A limit in UTF-8 bytes the server applies besides the advertised one (snac), or null. */
  pollMaxBytesPerOption: number | null;
  pollMinExpiration: number;
  pollMaxExpiration: number;
}

type Known = Partial<Record<ServerFeature, boolean>>;

const MASTODON_ENDPOINTS: Known = {
  markers: true,
  filtersV2: true,
  conversations: true,
  statusHistory: true,
  scheduledStatuses: true,
};

/**
 * Sharkey's Mastodon API (packages/backend/src/server/api/mastodon/): no markers, filters v2,
 * scheduled statuses, grouped notifications, unread count or translation; conversations and
 * status history are routed. It has no Mastodon streaming, but its socket upgrades any path
 * and answers pings in Misskey's protocol: only the software's name can tell.
 */
const SHARKEY: Known = {
  streaming: false,
  markers: false,
  filtersV2: false,
  scheduledStatuses: false,
  groupedNotifications: false,
  notificationUnreadCount: false,
  translation: false,
  quotes: false,
  conversations: true,
  statusHistory: true,
};

/**
 * snac2 (mastoapi.c): no streaming endpoint although v1 names `urls.streaming_api`; no status
 * history, translation, grouped notifications or unread count. Conversations, filters,
 * favourites and scheduled statuses answer an empty list whatever there is ("TBD", "snac will never have
 * filters"), so they are not there either: an always-empty list would claim there is nothing.
 */
const SNAC: Known = {
  streaming: false,
  conversations: false,
  filtersV2: false,
  scheduledStatuses: false,
  statusHistory: false,
  translation: false,
  groupedNotifications: false,
  notificationUnreadCount: false,
  quotes: false,
  markers: true,
  // "snac will never support a list of favourites": GET /api/v1/favourites is always [].
  favourites: false,
};

/**
 * What a project's own code says it has not got, for endpoints that a request cannot settle
 * cheaply or that are known for certain (absent here = not known: asked when needed and
 * learned from the answer, `:instance` asks the rest). Hollo (fedify-dev/hollo
 * src/api/v1/index.ts routes, src/api/v2/instance.ts): no streaming route and no
 * `configuration.urls`, no filters, conversations or scheduled statuses.
 */
const SOFTWARE: Record<string, Known> = {
  mastodon: MASTODON_ENDPOINTS,
  hometown: MASTODON_ENDPOINTS,
  hollo: { streaming: false, filtersV2: false, conversations: false, scheduledStatuses: false },
  sharkey: SHARKEY,
  snac: SNAC,
};

const DEDUPES_POSTS = new Set(["mastodon", "hometown", "hollo", "pleroma", "akkoma"]);

/**
 * What the instance JSON alone promises. `api_versions.mastodon` exists from Mastodon 4.3:
 * version 2 adds grouped notifications and notifications/unread_count, version 7 quote posts
 * (4.5). It promises those additions, not the whole Mastodon API: Hollo sends
 * `api_versions: { mastodon: 2 }` and has no conversations or filters (src/api/v2/instance.ts).
 */
function fromInstance(info: InstanceInfo): Known {
  const api = info.mastodonApiVersion;
  // Every Mastodon-API server lists the user's favourites, but for snac's stub (below).
  const out: Known = { groupedNotifications: api >= 2, quotes: api >= 7, favourites: true };
  if (api >= 2) out.notificationUnreadCount = true;
  if (info.translationEnabled !== undefined) out.translation = info.translationEnabled;
  return out;
}

export class ServerProfile {
  private instanceInfo: InstanceInfo | undefined;
  private nodeSoftware: Software | undefined;
  /** Learned from answers: overrides every prediction. */
  private readonly learned: Known = {};
  private readonly listeners = new Set<() => void>();

  /** NodeInfo's software, once it has arrived (undefined while unknown or unreadable). */
  get software(): Software | undefined {
    return this.nodeSoftware;
  }

  get instance(): InstanceInfo | undefined {
    return this.instanceInfo;
  }

  setInstance(info: InstanceInfo): void {
    this.instanceInfo = info;
    this.changed();
  }

  setSoftware(software: Software | undefined): void {
    if (!software) return;
    this.nodeSoftware = { name: software.name.toLowerCase(), version: software.version };
    this.changed();
  }

  /** true / false when known, undefined when it has to be asked. */
  known(feature: ServerFeature): boolean | undefined {
    const learned = this.learned[feature];
    if (learned === false) return false;
    // What the software's own code lacks stays lacking whatever an answer seemed to show: snac's
    // stubs answer 200 with an empty list, Sharkey's socket opens and carries nothing.
    if (this.softwareLacks(feature)) return false;
    if (learned !== undefined) return learned;
    const fromSoftware = this.nodeSoftware
      ? SOFTWARE[this.nodeSoftware.name]?.[feature]
      : undefined;
    if (fromSoftware !== undefined) return fromSoftware;
    return this.instanceInfo ? fromInstance(this.instanceInfo)[feature] : undefined;
  }

  /** Whether the software named by NodeInfo is known, from its own code, to lack this. */
  softwareLacks(feature: ServerFeature): boolean {
    return this.nodeSoftware ? SOFTWARE[this.nodeSoftware.name]?.[feature] === false : false;
  }

  /**
   * Whether a repeated POST with the same Idempotency-Key returns the first toot instead of
   * posting again: Mastodon's PostStatusService keeps the key an hour, Pleroma and Akkoma in
   * their IdempotencyPlug, Hollo in posts.idempotence_key (src/api/v1/statuses.ts). Sharkey's
   * Mastodon API and snac never read the header, and a server not known here may not either:
   * false until NodeInfo names one that does.
   */
  dedupesPosts(): boolean {
    return DEDUPES_POSTS.has(this.nodeSoftware?.name ?? "");
  }

  /** Whether to try: false only when this server is known not to have it. */
  supports(feature: ServerFeature): boolean {
    return this.known(feature) !== false;
  }

  /** Features known to be missing here, in a fixed order. */
  unsupported(): ServerFeature[] {
    return SERVER_FEATURES.filter((f) => this.known(f) === false);
  }

  /** Features neither promised nor seen missing yet. */
  unknown(): ServerFeature[] {
    return SERVER_FEATURES.filter((f) => this.known(f) === undefined);
  }

  /** What an answer showed: the endpoint exists (true) or does not (false). */
  learn(feature: ServerFeature, present: boolean): void {
    if (this.learned[feature] === present) return;
    this.learned[feature] = present;
    this.changed();
  }

  get limits(): ServerLimits {
    const info = this.instanceInfo;
    return {
      maxCharacters: info?.maxCharacters ?? 500,
      count: this.countRule(),
      maxMediaAttachments: info?.maxMediaAttachments ?? 4,
      pollMaxOptions: info?.pollMaxOptions ?? 4,
      pollMaxCharactersPerOption: info?.pollMaxCharactersPerOption ?? 50,
      pollMaxBytesPerOption: this.nodeSoftware?.name === "snac" ? SNAC_POLL_OPTION_BYTES : null,
      pollMinExpiration: info?.pollMinExpiration ?? 300,
      pollMaxExpiration: info?.pollMaxExpiration ?? 2_629_746,
    };
  }

  /** The server's own length rule, decided from NodeInfo's software name. */
  private countRule(): CountRule {
    switch (this.nodeSoftware?.name) {
      case "pleroma":
      case "akkoma":
        return { kind: "pleroma" };
      case "gotosocial":
        return { kind: "gotosocial" };
      case "sharkey":
        return { kind: "sharkey", maxSpoiler: SHARKEY_MAX_CW };
    }
    // v1's `pleroma` object says so before NodeInfo has arrived.
    if (this.instanceInfo?.pleromaMetadata === true) return { kind: "pleroma" };
    return { kind: "mastodon", urlLength: this.instanceInfo?.charactersReservedPerUrl ?? 23 };
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(): void {
    for (const l of [...this.listeners]) l();
  }
}
