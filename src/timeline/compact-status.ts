// What a held status keeps of the entity the server sent: what rendering and the actions on a
// toot read, and nothing else. A pane holds 2 000 statuses (store.ts), each a whole masto
// entity besides its account (shared: shared-accounts.ts). Dropped or shared:
// - `application` (the posting app: never shown);
// - `quoteApproval`'s `automatic`/`manual` lists: only `currentUser` is read
//   (api/quotes.ts), so it becomes one shared object per value;
// - the card's embed HTML, image, blurhash, authors…: a card is drawn as its title and
//   domain (render/status-parts.ts);
// - of each attachment, all but its id, type, addresses, description, blurhash and the
//   preview's size: the original's size, the focus point, a video's frame rate and duration,
//   text_url… are never read (images/pictures.ts reads meta.small; the media viewer and
//   links the rest). One fixed shape too, where the server's came in many;
// - every empty list (mentions, tags, emojis, media, filters) becomes one shared frozen
//   empty array.
// The status object itself is changed in place (no property deleted, which would turn it
// into a slow dictionary object): stores replace statuses whole when they change
// (status-change.ts) and never mutate these fields.
import type { mastodon } from "masto";

type Status = mastodon.v1.Status;

const EMPTY: readonly never[] = Object.freeze([]);
const LISTS = ["mentions", "tags", "emojis", "mediaAttachments", "filtered"] as const;
const approvals = new Map<unknown, object>();

function compactApproval(approval: unknown): unknown {
  if (!approval || typeof approval !== "object") return approval;
  const current = (approval as { currentUser?: unknown }).currentUser;
  if (typeof current !== "string" || current.length > 16) return approval;
  let shared = approvals.get(current);
  if (!shared) {
    shared = Object.freeze({ currentUser: current });
    approvals.set(current, shared);
  }
  return shared;
}

function compactCard(card: unknown): unknown {
  if (!card || typeof card !== "object") return card;
  const { url, title, type, providerName } = card as Record<string, unknown>;
  return { url, title, type, providerName };
}

function compactMedia(media: unknown): unknown {
  if (!media || typeof media !== "object") return media;
  const { id, type, url, previewUrl, remoteUrl, description, blurhash, meta } = media as Record<
    string,
    unknown
  >;
  const small = (meta as { small?: unknown } | null | undefined)?.small;
  const size =
    small && typeof small === "object"
      ? {
          width: (small as { width?: unknown }).width,
          height: (small as { height?: unknown }).height,
        }
      : small;
  return {
    id,
    type,
    url,
    previewUrl,
    remoteUrl,
    description,
    blurhash,
    meta: meta && typeof meta === "object" ? { small: size } : meta,
  };
}

function compactOne(status: Status, seen: Set<object>): void {
  if (!status || typeof status !== "object" || seen.has(status)) return;
  seen.add(status);
  const s = status as unknown as Record<string, unknown>;
  if (s.application != null) s.application = null;
  if ("quoteApproval" in s) s.quoteApproval = compactApproval(s.quoteApproval);
  if (s.card) s.card = compactCard(s.card);
  const media = s.mediaAttachments;
  if (Array.isArray(media) && media.length > 0 && !Object.isFrozen(media))
    s.mediaAttachments = Object.freeze(media.map(compactMedia));
  for (const key of LISTS) {
    const list = s[key];
    if (Array.isArray(list) && list.length === 0 && !Object.isFrozen(list)) s[key] = EMPTY;
  }
}

/** Compacts `status`, its boosted original and their quoted posts, in place. */
export function compactStatus(status: Status): void {
  const seen = new Set<object>();
  for (const s of [status, status?.reblog]) {
    if (!s || typeof s !== "object") continue;
    compactOne(s, seen);
    const quoted = (s as { quote?: { quotedStatus?: Status | null } | null }).quote?.quotedStatus;
    if (quoted && typeof quoted === "object") compactOne(quoted, seen);
  }
}
