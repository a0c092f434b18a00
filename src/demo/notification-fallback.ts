// Mastodon 4.6's `fallback` for notifications of a type the client did not list in
// `supported_types[]` (app/serializers/concerns/notification_fallback_concern.rb,
// entities/NotificationFallback.md): a title naming who did it and a summary pointing to the
// web app, both HTML. No list sent, no fallback; the baseline types every client knows never
// get one; a type with no words gets a fallback whose title and summary are null.
import type { ApiAccount } from "./types.js";

/** Notification::PROPERTIES `baseline` types and the others every client of 4.6 shows. */
const BASELINE = new Set([
  "mention",
  "status",
  "reblog",
  "follow",
  "follow_request",
  "favourite",
  "poll",
  "update",
  "quote",
  "quoted_update",
  "annual_report",
]);

const SUMMARY =
  'You\'re on an app that does not support the most recent version of Mastodon. <a href="https://demo.tootty.example/">Sign in</a> to the Mastodon web app for full functionality.';

function mention(account: ApiAccount): string {
  return `<span class="h-card"><a href="${account.url}" class="u-url mention">@<span>${account.username}</span></a></span>`;
}

export interface NotificationFallback {
  title: string | null;
  summary: string | null;
  description: null;
}

/** The fallback for a notification (or a group led by `account`), or undefined for none. */
export function fallbackFor(
  type: string,
  account: ApiAccount,
  supported: readonly string[] | undefined,
): NotificationFallback | undefined {
  if (!supported || supported.length === 0) return undefined;
  if (BASELINE.has(type) || supported.includes(type)) return undefined;
  switch (type) {
    case "added_to_collection":
      return {
        title: `${mention(account)} added you to a collection`,
        summary: SUMMARY,
        description: null,
      };
    case "admin.sign_up":
      return { title: `${mention(account)} signed up`, summary: SUMMARY, description: null };
    default:
      return { title: null, summary: null, description: null };
  }
}

/** `supported_types[]` as sent, or undefined when the client sent none. */
export function supportedTypes(q: URLSearchParams): string[] | undefined {
  const list = q.getAll("supported_types[]");
  return list.length > 0 ? list : undefined;
}
