// The instance metadata endpoints: /api/v1/instance, /api/v2/instance, /api/v1/instance/rules.

import { DEMO_DOMAIN } from "./accounts.js";
import type { DemoFlavour } from "./flavour.js";
import type { DemoServerSettings } from "./server-settings.js";
import type { ApiAccount } from "./types.js";

const TITLE = "tootty demo";
const DESCRIPTION =
  "A simulated Mastodon instance for trying tootty without an account or a network.";

const configuration = (f: DemoFlavour) => ({
  statuses: {
    max_characters: f.maxCharacters,
    max_media_attachments: f.maxMediaAttachments,
    characters_reserved_per_url: f.advertisedUrlLength ?? f.charactersReservedPerUrl ?? 0,
  },
  media_attachments: {
    supported_mime_types: [
      "image/jpeg",
      "image/png",
      "image/gif",
      "image/webp",
      "video/mp4",
      "audio/mpeg",
    ],
    image_size_limit: 16_777_216,
    image_matrix_limit: 33_177_600,
    video_size_limit: 103_809_024,
    video_frame_rate_limit: 120,
    video_matrix_limit: 8_294_400,
  },
  polls: {
    max_options: f.pollMaxOptions,
    max_characters_per_option: f.pollMaxCharactersPerOption,
    min_expiration: 300,
    max_expiration: 2_629_746,
  },
});

export const RULES = [
  { id: "1", text: "Be kind. No harassment, hate speech or bigotry.", hint: "" },
  { id: "2", text: "Put sensitive media and spoilers behind a content warning.", hint: "" },
  {
    id: "3",
    text: "No spam or unlabelled automated posting.",
    hint: "Bots must set the bot flag.",
  },
];

export function instanceV2(
  streamingUrl: string,
  contact: ApiAccount,
  f: DemoFlavour,
  server: DemoServerSettings,
) {
  return {
    domain: DEMO_DOMAIN,
    title: TITLE,
    version: f.instanceVersion,
    source_url: "https://github.com/mastodon/mastodon",
    description: DESCRIPTION,
    usage: { users: { active_month: 42 } },
    thumbnail: {
      url: `https://${DEMO_DOMAIN}/packs/media/images/preview.png`,
      blurhash: null,
      versions: {},
    },
    icon: [],
    languages: ["en", "ja", "ar", "he", "zh"],
    configuration: {
      // Hollo sends no `urls` at all; the others name their streaming host.
      ...(f.streaming === "none"
        ? {}
        : {
            urls: {
              streaming: streamingUrl,
              status: null,
              about: `https://${DEMO_DOMAIN}/about`,
              privacy_policy: null,
              terms_of_service: null,
            },
          }),
      vapid: { public_key: "" },
      accounts: { max_featured_tags: 10, max_pinned_statuses: 5 },
      ...configuration(f),
      // The simulated Mastodon translates (POST /api/v1/statuses/:id/translate,
      // "DemoTranslate"), as a Mastodon with a translation service configured does; the
      // other servers say they do not, and tootty then does not offer it.
      translation: { enabled: f.name === "mastodon" },
      // Mastodon 4.5; the other servers do not send it.
      ...(f.hasApiVersions ? { timelines_access: structuredClone(server.timelinesAccess) } : {}),
    },
    registrations: { enabled: false, approval_required: false, message: null, url: null },
    ...(f.hasApiVersions ? { api_versions: { mastodon: server.apiVersion } } : {}),
    contact: { email: `admin@${DEMO_DOMAIN}`, account: contact },
    rules: RULES,
  };
}

export function instanceV1(
  streamingUrl: string,
  contact: ApiAccount,
  counts: { statuses: number; users: number },
  f: DemoFlavour,
) {
  // Pleroma and Akkoma keep their limits outside `configuration`, under their own names.
  const limits =
    f.name === "pleroma"
      ? {
          max_toot_chars: f.maxCharacters,
          max_media_attachments: f.maxMediaAttachments,
          poll_limits: {
            max_options: f.pollMaxOptions,
            max_option_chars: f.pollMaxCharactersPerOption,
            min_expiration: 0,
            max_expiration: 31_536_000,
          },
          pleroma: { metadata: { features: ["mastodon_api", "polls", "pleroma_emoji_reactions"] } },
        }
      : { configuration: { accounts: { max_featured_tags: 10 }, ...configuration(f) } };
  return {
    uri: DEMO_DOMAIN,
    title: TITLE,
    short_description: DESCRIPTION,
    description: DESCRIPTION,
    email: `admin@${DEMO_DOMAIN}`,
    version: f.instanceVersion,
    ...(f.streaming === "none" && !f.namesStreamingUrl
      ? {}
      : { urls: { streaming_api: streamingUrl } }),
    stats: { user_count: counts.users, status_count: counts.statuses, domain_count: 9 },
    thumbnail: null,
    languages: ["en"],
    registrations: false,
    approval_required: false,
    invites_enabled: false,
    ...limits,
    contact_account: contact,
    rules: RULES,
  };
}

/** `/.well-known/nodeinfo`: where the NodeInfo document is (nodeinfo.diaspora.software). */
export function nodeinfoIndex(baseUrl: string) {
  return {
    links: [
      {
        rel: "http://nodeinfo.diaspora.software/ns/schema/2.0",
        href: `${baseUrl}/nodeinfo/2.0`,
      },
    ],
  };
}

/** NodeInfo 2.0: the software's name and version, what a client knows the server by. */
export function nodeinfo(f: DemoFlavour, counts: { statuses: number; users: number }) {
  return {
    version: "2.0",
    software: { name: f.software.name, version: f.software.version },
    protocols: ["activitypub"],
    services: { outbound: [], inbound: [] },
    usage: { users: { total: counts.users, activeMonth: 42 }, localPosts: counts.statuses },
    openRegistrations: false,
    metadata: { nodeName: TITLE },
  };
}
