// How a stored status is rendered for a given audience. Mastodon includes the viewer's own
// state (favourited, reblogged, …) only for an authenticated viewer; public streams carry
// the anonymous rendering without those keys.

import type { ApiStatus } from "./types.js";

export function anonymousView(status: ApiStatus): ApiStatus {
  const { favourited, reblogged, muted, bookmarked, pinned, filtered, ...rest } = status;
  return { ...rest, reblog: status.reblog ? anonymousView(status.reblog) : null };
}

export function viewFor(status: ApiStatus, authenticated: boolean): ApiStatus {
  return authenticated ? status : anonymousView(status);
}
