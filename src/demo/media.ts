// Media attachments, polls and link cards shaped like Mastodon's, with the fields a client
// actually meets (meta sizes, blurhash, alt text or its absence, sensitive flags on the status).

import { DEMO_DOMAIN } from "./accounts.js";
import { HOSTILE_PICTURES, type HostilePicture } from "./pictures.js";
import type { Prng } from "./prng.js";
import type { ApiCard, ApiMediaAttachment, ApiPoll } from "./types.js";

const BLURHASHES = [
  "UFBWY:8_0Jxv4mx]t8t64.%M-:IUWGWAt6M}",
  "LEHV6nWB2yk8pyo0adR*.7kCMdnj",
  "L6PZfSi_.AyE_3t7t7R**0o#DgR4",
  "LKO2?U%2Tw=w]~RBVZRi};RPxuwH",
];

const ALT_TEXTS = [
  "A grey cat asleep on a keyboard, paws over the escape key.",
  "Screenshot of a terminal split into three panes showing timelines side by side.",
  "Sunset over a harbour; fishing boats in silhouette.",
  "夜の東京タワー、雨上がりの道路に光が反射している。",
  "Hand-drawn diagram: client → streaming socket → store → panes.",
];

function size(width: number, height: number) {
  return { width, height, size: `${width}x${height}`, aspect: width / height };
}

export type MediaKind = ApiMediaAttachment["type"];

/**
 * About one picture in thirty is broken, as on the real network (a dead media host's error
 * page, a truncated upload, a bogus header). Chosen from the file name, not the world's PRNG,
 * so every seeded and generated post stays what it was for a seed.
 */
function brokenPicture(file: string): HostilePicture | undefined {
  if (Number.parseInt(file.slice(0, 2), 16) >= 8) return undefined;
  return HOSTILE_PICTURES[Number.parseInt(file.slice(2, 3), 16) % HOSTILE_PICTURES.length];
}

export function makeMedia(
  rng: Prng,
  id: string,
  kind: MediaKind,
  withAlt: boolean,
  remoteDomain: string | null,
): ApiMediaAttachment {
  const file = rng.hex(16);
  const ext = kind === "image" ? "jpeg" : kind === "audio" ? "mp3" : "mp4";
  const path = `${id.slice(0, 3)}/${id.slice(3, 6)}/${id.slice(6, 9)}`;
  const base = remoteDomain
    ? `https://${DEMO_DOMAIN}/system/cache/media_attachments/files/${path}`
    : `https://${DEMO_DOMAIN}/system/media_attachments/files/${path}`;
  const url = `${base}/original/${file}.${ext}`;
  const hostile = kind === "audio" ? undefined : brokenPicture(file);
  const preview =
    kind === "audio"
      ? null
      : hostile
        ? `https://${DEMO_DOMAIN}/system/hostile/${hostile}.png`
        : `${base}/small/${file}.png`;
  const description = withAlt ? rng.pick(ALT_TEXTS) : null;
  let meta: Record<string, unknown>;
  if (kind === "image") {
    meta = { original: size(1600, 1200), small: size(640, 480), focus: { x: -0.27, y: 0.51 } };
  } else if (kind === "audio") {
    meta = {
      length: "0:03:12.05",
      duration: 192.05,
      audio_encode: "mp3",
      audio_bitrate: "44100 Hz",
      audio_channels: "stereo",
      original: { duration: 192.05, bitrate: 128_000 },
    };
  } else {
    const duration = kind === "gifv" ? 3.2 : 41.6;
    meta = {
      length: kind === "gifv" ? "0:00:03.20" : "0:00:41.60",
      duration,
      fps: 30,
      size: "1280x720",
      width: 1280,
      height: 720,
      aspect: 1280 / 720,
      original: { ...size(1280, 720), frame_rate: "30/1", duration, bitrate: 1_240_000 },
      small: size(640, 360),
    };
  }
  return {
    id,
    type: kind,
    url,
    preview_url: preview,
    remote_url: remoteDomain ? `https://${remoteDomain}/media/${file}.${ext}` : null,
    preview_remote_url: null,
    text_url: null,
    meta,
    description,
    blurhash: kind === "audio" ? null : rng.pick(BLURHASHES),
  };
}

export function makePoll(
  rng: Prng,
  id: string,
  now: number,
  options: readonly string[],
  shape: { multiple: boolean; expired: boolean; voted: boolean },
): ApiPoll {
  const counts = options.map(() => rng.int(0, 120));
  const own = shape.voted ? [rng.int(0, options.length - 1)] : [];
  const votes = counts.reduce((a, b) => a + b, 0);
  return {
    id,
    expires_at: new Date(shape.expired ? now - 3_600_000 : now + 86_400_000).toISOString(),
    expired: shape.expired,
    multiple: shape.multiple,
    votes_count: votes,
    voters_count: shape.multiple ? Math.max(0, Math.round(votes * 0.7)) : votes,
    voted: shape.voted,
    own_votes: own,
    options: options.map((title, i) => ({ title, votes_count: counts[i] ?? 0 })),
    emojis: [],
  };
}

export function makeCard(
  url: string,
  title: string,
  description: string,
  provider: string,
): ApiCard {
  return {
    url,
    title,
    description,
    type: "link",
    author_name: "",
    author_url: "",
    provider_name: provider,
    provider_url: "",
    html: "",
    width: 400,
    height: 210,
    image: `https://${DEMO_DOMAIN}/system/preview_cards/images/000/000/042/original/card.jpg`,
    embed_url: "",
    blurhash: "UFBWY:8_0Jxv4mx]t8t64.%M-:IUWGWAt6M}",
  };
}
