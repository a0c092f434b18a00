// The instance metadata endpoints: /api/v1/instance, /api/v2/instance, /api/v1/instance/rules.

import { DEMO_DOMAIN } from "./accounts.js";
import type { ApiAccount } from "./types.js";

export const DEMO_VERSION = "4.3.0";
const TITLE = "tootty demo";
const DESCRIPTION =
  "A simulated Mastodon instance for trying tootty without an account or a network.";

const configuration = {
  statuses: { max_characters: 500, max_media_attachments: 4, characters_reserved_per_url: 23 },
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
    max_options: 4,
    max_characters_per_option: 50,
    min_expiration: 300,
    max_expiration: 2_629_746,
  },
};

export const RULES = [
  { id: "1", text: "Be kind. No harassment, hate speech or bigotry.", hint: "" },
  { id: "2", text: "Put sensitive media and spoilers behind a content warning.", hint: "" },
  {
    id: "3",
    text: "No spam or unlabelled automated posting.",
    hint: "Bots must set the bot flag.",
  },
];

export function instanceV2(streamingUrl: string, contact: ApiAccount) {
  return {
    domain: DEMO_DOMAIN,
    title: TITLE,
    version: DEMO_VERSION,
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
      urls: {
        streaming: streamingUrl,
        status: null,
        about: `https://${DEMO_DOMAIN}/about`,
        privacy_policy: null,
        terms_of_service: null,
      },
      vapid: { public_key: "" },
      accounts: { max_featured_tags: 10, max_pinned_statuses: 5 },
      ...configuration,
      translation: { enabled: false },
    },
    registrations: { enabled: false, approval_required: false, message: null, url: null },
    api_versions: { mastodon: 2 },
    contact: { email: `admin@${DEMO_DOMAIN}`, account: contact },
    rules: RULES,
  };
}

export function instanceV1(
  streamingUrl: string,
  contact: ApiAccount,
  counts: { statuses: number; users: number },
) {
  return {
    uri: DEMO_DOMAIN,
    title: TITLE,
    short_description: DESCRIPTION,
    description: DESCRIPTION,
    email: `admin@${DEMO_DOMAIN}`,
    version: DEMO_VERSION,
    urls: { streaming_api: streamingUrl },
    stats: { user_count: counts.users, status_count: counts.statuses, domain_count: 9 },
    thumbnail: null,
    languages: ["en"],
    registrations: false,
    approval_required: false,
    invites_enabled: false,
    configuration: {
      accounts: { max_featured_tags: 10 },
      ...configuration,
    },
    contact_account: contact,
    rules: RULES,
  };
}
