// One-line notification summaries for every type, unknown ones included.
import type { mastodon } from "masto";
import type { RenderOptions } from "./options.js";
import { paintLine } from "./paint.js";
import type { Piece } from "./pieces.js";
import { sanitizeInline } from "./sanitize.js";
import { acctText, namePieces } from "./status-parts.js";
import type { Role } from "./theme.js";
import { relativeTime } from "./time.js";
import { clipLine } from "./wrap.js";

const VERBS: Record<string, string> = {
  mention: "mentioned you",
  status: "posted",
  reblog: "boosted your post",
  follow: "followed you",
  follow_request: "requested to follow you",
  favourite: "favourited your post",
  poll: "'s poll has ended",
  update: "edited a post",
  "admin.sign_up": "signed up",
  "admin.report": "filed a report",
  severed_relationships: "— some of your follow relationships were severed",
  moderation_warning: "— you received a moderation warning",
  quote: "quoted your post",
  quoted_update: "edited a post that quotes you",
};

/** Plain text of a status' HTML for a one-line excerpt (tags dropped, breaks to spaces). */
function excerpt(status: mastodon.v1.Status | null | undefined): string {
  if (!status) return "";
  const spoiler = status.spoilerText?.trim();
  if (spoiler) return `CW: ${sanitizeInline(spoiler)}`;
  // Tags are removed by a real parser elsewhere; here we only need the words for one line.
  const text = String(status.content ?? "")
    .replace(/<br\s*\/?>|<\/p>/gi, " ")
    .replace(/<[^>]*>/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&amp;/g, "&");
  return sanitizeInline(text).replace(/\s+/g, " ").trim();
}

export function renderNotificationSummary(
  n: mastodon.v1.Notification,
  opts: RenderOptions,
): string {
  const p = (text: string, ...roles: Role[]): Piece => ({ text, roles });
  const type = String((n as { type?: unknown }).type ?? "");
  const known = VERBS[type];
  const verb = known ?? `sent a notification (${sanitizeInline(type) || "unknown"})`;
  const account = (n as { account?: mastodon.v1.Account | null }).account;
  const status = (n as { status?: mastodon.v1.Status | null }).status;
  const line: Piece[] = [p(`${relativeTime(n.createdAt, opts.now)} `, "meta")];
  if (account)
    line.push(
      ...namePieces(account, "displayName"),
      p(` ${acctText(account, opts.expanded ?? false)}`, "acct"),
    );
  line.push(p(`${verb.startsWith("'") || verb.startsWith("—") ? "" : " "}${verb}`));
  const text = excerpt(status);
  if (text) line.push(p(`: ${text}`, "notice"));
  return paintLine(clipLine(line, Math.max(1, opts.width)), opts.theme, false);
}
