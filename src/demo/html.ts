// Builds status HTML exactly as Mastodon's formatter and sanitiser emit it, so the client's
// renderer meets the same markup here as on a real server.

import type { ApiAccount } from "./types.js";

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

export function mentionHtml(account: Pick<ApiAccount, "url" | "username">): string {
  return `<span class="h-card" translate="no"><a href="${escapeHtml(account.url)}" class="u-url mention">@<span>${escapeHtml(account.username)}</span></a></span>`;
}

export function hashtagHtml(tag: string, domain: string): string {
  return `<a href="https://${domain}/tags/${encodeURIComponent(tag.toLowerCase())}" class="mention hashtag" rel="tag">#<span>${escapeHtml(tag)}</span></a>`;
}

/**
 * Mastodon shortens displayed links: the scheme (and "www.") is an `invisible` span, the
 * first 30 characters are shown, and anything longer is an `ellipsis` span plus an
 * `invisible` rest.
 */
export function linkHtml(url: string): string {
  const match = /^(https?:\/\/(?:www\.)?)(.*)$/.exec(url);
  const prefix = match?.[1] ?? "";
  const rest = match?.[2] ?? url;
  const shown = rest.slice(0, 30);
  const hidden = rest.slice(30);
  const cls = hidden.length > 0 ? "ellipsis" : "";
  return `<a href="${escapeHtml(url)}" rel="nofollow noopener" target="_blank"><span class="invisible">${escapeHtml(prefix)}</span><span class="${cls}">${escapeHtml(shown)}</span><span class="invisible">${escapeHtml(hidden)}</span></a>`;
}

/** A piece of a status: literal text (escaped here), or markup already built. */
export type Part = string | { html: string };

export function partsToHtml(parts: readonly Part[]): string {
  return parts
    .map((part) =>
      typeof part === "string" ? escapeHtml(part).replace(/\n/g, "<br />") : part.html,
    )
    .join("");
}

/** Paragraphs become `<p>` elements, line breaks inside them `<br />`, as Mastodon does. */
export function paragraphsHtml(paragraphs: ReadonlyArray<readonly Part[]>): string {
  return paragraphs.map((p) => `<p>${partsToHtml(p)}</p>`).join("");
}
