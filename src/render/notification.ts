// One-line notification summaries for every type, unknown ones included.
import type { mastodon } from "masto";
import { NOTIFICATION_TYPES } from "../api/notification-types.js";
import { locale, type MessageKey, tl } from "../i18n/index.js";
import { isolateRun, visualBidi } from "./bidi.js";
import { blockText } from "./blocks.js";
import { glyphsFor } from "./glyphs.js";
import { parseStatusHtml } from "./html.js";
import type { RenderOptions } from "./options.js";
import { paintFitted } from "./paint.js";
import type { Piece } from "./pieces.js";
import { sanitizeInline } from "./sanitize.js";
import { acctText, namePieces, ownLine } from "./status-parts.js";
import type { Role } from "./theme.js";
import { labelExpiry, relativeTime } from "./time.js";
import { clipLine } from "./wrap.js";

/** The notification types Mastodon documents, each with its words in the catalogue. */
const VERBS: ReadonlySet<string> = new Set(NOTIFICATION_TYPES);

/** Server HTML (a fallback's title or summary) as one sanitised line. */
function htmlLine(html: unknown): string {
  if (typeof html !== "string" || html === "") return "";
  return sanitizeInline(blockText(parseStatusHtml(html)))
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * What Mastodon 4.6 says of a type this client does not know (`fallback`, only for types not
 * in `supported_types[]`): its title already names who did it. Undefined without a title or
 * summary (Mastodon sends both as null for types it has no words for either).
 */
function fallbackOf(n: mastodon.v1.Notification): { title: string; summary: string } | undefined {
  const f = (n as { fallback?: unknown }).fallback;
  if (f === null || typeof f !== "object") return undefined;
  const title = htmlLine((f as { title?: unknown }).title);
  const summary = htmlLine((f as { summary?: unknown }).summary);
  return title || summary ? { title, summary } : undefined;
}

/** One line of a status' words for an excerpt (its CW instead, if it has one). */
function excerpt(status: mastodon.v1.Status | null | undefined): string {
  if (!status) return "";
  const spoiler = status.spoilerText?.trim();
  if (spoiler) return `${tl("status.cw")}${sanitizeInline(spoiler)}`;
  const text = blockText(parseStatusHtml(typeof status.content === "string" ? status.content : ""));
  return sanitizeInline(text).replace(/\s+/g, " ").trim();
}

/** A summary as last drawn, and everything it was drawn from. */
interface Drawn {
  key: string;
  /** The values the line shows, compared by identity: a changed one draws it again. */
  from: readonly unknown[];
  /** The time shown ("5m") holds from `since` to `until`. */
  since: number;
  until: number;
  line: string;
}

/**
 * Summaries as last drawn, per notification: a pane draws the summaries in view at every
 * paint (each streamed toot paints), and each one parses its status' HTML for the excerpt.
 */
const drawnSummaries = new WeakMap<object, Drawn>();

/** What a summary is drawn from besides the options: its parts, in order, by identity. */
function summarySources(
  n: mastodon.v1.Notification,
  accounts: readonly mastodon.v1.Account[] | undefined,
): unknown[] {
  const status = (n as { status?: mastodon.v1.Status | null }).status;
  const account = (n as { account?: mastodon.v1.Account | null }).account;
  const shown = accounts && accounts.length > 1 ? accounts.slice(0, 2) : [account];
  return [
    (n as { type?: unknown }).type,
    n.createdAt,
    (n as { fallback?: unknown }).fallback,
    status,
    status?.content,
    status?.spoilerText,
    accounts?.length,
    ...shown.flatMap((a) => [a, a?.displayName, a?.acct, a?.username, a?.emojis]),
  ];
}

/**
 * `accounts`: everyone in the notification's group, newest first ("Sara, Taro and 3 others
 * favourited your post"); absent or one, the notification's own account. `count`: how many
 * the group holds, where the server samples fewer accounts than it counts.
 */
export function renderNotificationSummary(
  n: mastodon.v1.Notification,
  opts: RenderOptions,
  accounts?: readonly mastodon.v1.Account[],
  count?: number,
): string {
  try {
    if (typeof n !== "object" || n === null) return summaryOf(n, opts, accounts, count);
    const key = [
      opts.width,
      opts.theme.key,
      opts.unicode === false ? 0 : 1,
      opts.expanded ? 1 : 0,
      visualBidi() ? 1 : 0,
      locale(),
      count ?? "",
    ].join("\u0000");
    const from = summarySources(n, accounts);
    const last = drawnSummaries.get(n);
    if (
      last &&
      last.key === key &&
      opts.now >= last.since &&
      opts.now < last.until &&
      last.from.length === from.length &&
      last.from.every((v, i) => v === from[i])
    )
      return last.line;
    const line = summaryOf(n, opts, accounts, count);
    const [since, until] = labelExpiry(n.createdAt, opts.now);
    drawnSummaries.set(n, { key, from, since, until, line });
    return line;
  } catch {
    // A shape that breaks a part (an account that is a number, a createdAt that is an object)
    // is shown as a notice: nothing a server sends may end the program.
    const notice: Piece = { text: tl("notification.malformed"), roles: ["notice"] };
    return drawn([notice], opts);
  }
}

function summaryOf(
  n: mastodon.v1.Notification,
  opts: RenderOptions,
  accounts?: readonly mastodon.v1.Account[],
  count?: number,
): string {
  const p = (text: string, ...roles: Role[]): Piece => ({ text, roles });
  const type = String((n as { type?: unknown }).type ?? "");
  const fallback = VERBS.has(type) ? undefined : fallbackOf(n);
  if (fallback) {
    const words = fallback.title || fallback.summary;
    const line: Piece[] = [
      { ...p(relativeTime(n.createdAt, opts.now), "meta"), isolate: true },
      p(" "),
      ...isolateRun([p(words)]),
    ];
    if (fallback.title && fallback.summary)
      line.push(p(": ", "notice"), ...isolateRun([p(fallback.summary, "notice")]));
    return drawn(line, opts);
  }
  const verb = VERBS.has(type)
    ? tl(`notification.${type}` as MessageKey)
    : tl("notification.unknown", {
        type: sanitizeInline(type) || tl("notification.unknownType"),
      });
  const account = (n as { account?: mastodon.v1.Account | null }).account;
  const status = (n as { status?: mastodon.v1.Status | null }).status;
  // The time keeps its own direction: an Arabic one ("٣ د") beside a right-to-left name would
  // otherwise be one run with it and be drawn after the name.
  const line: Piece[] = [
    { ...p(relativeTime(n.createdAt, opts.now), "meta"), isolate: true },
    p(" "),
  ];
  if (accounts && accounts.length > 1) {
    const [first, second] = accounts as [mastodon.v1.Account, mastodon.v1.Account];
    const others = Math.max(accounts.length, count ?? 0) - 2;
    line.push(...isolateRun(namePieces(first, "displayName")));
    line.push(p(others > 0 ? tl("notification.listComma") : tl("notification.and")));
    line.push(...isolateRun(namePieces(second, "displayName")));
    if (others > 0) line.push(p(tl("notification.andOthers", { count: others })));
  } else if (account)
    line.push(...isolateRun(namePieces(account, "displayName")), p(" "), {
      ...p(acctText(account, opts.expanded ?? false), "acct"),
      isolate: true,
    });
  line.push(p(`${verb.startsWith("'") ? "" : " "}${verb}`));
  const text = excerpt(status);
  if (text) line.push(p(": ", "notice"), ...isolateRun([p(text, "notice")]));
  return drawn(line, opts);
}

/**
 * A summary line as drawn: cut to the width in reading order, then in the interface's
 * direction (a right-to-left interface mirrors it: the time on the right, the excerpt cut on
 * the left), the names and the excerpt keeping their own.
 */
function drawn(line: Piece[], opts: RenderOptions): string {
  const g = glyphsFor(opts.unicode);
  const width = Math.max(1, opts.width);
  const fitted = ownLine(clipLine(line, width, g.ellipsis), width);
  return paintFitted(fitted, width, g, opts.theme, false);
}

/**
 * One account on a line of its own: its name and handle (each keeping its own direction), then
 * `after` (tootty's words, logical order: "· 3 notifications"), indented by `indent` cells; in
 * a right-to-left interface mirrored as a notification's summary is, against the right edge.
 */
export function renderAccountLine(
  account: mastodon.v1.Account,
  opts: RenderOptions,
  after = "",
  indent = 0,
): string {
  const g = glyphsFor(opts.unicode);
  const width = Math.max(1, opts.width);
  const line: Piece[] = [
    { text: " ".repeat(indent), roles: [] },
    ...isolateRun(namePieces(account, "displayName")),
    { text: " ", roles: [] },
    { text: acctText(account, true), roles: ["acct"], isolate: true },
  ];
  if (after) line.push({ text: ` ${after}`, roles: ["meta"] });
  return paintFitted(
    ownLine(clipLine(line, width, g.ellipsis), width),
    width,
    g,
    opts.theme,
    false,
  );
}

/** The accounts of a notification group, one line each ("s" opens a group row to them). */
export function renderGroupAccounts(
  accounts: readonly mastodon.v1.Account[],
  opts: RenderOptions,
): string[] {
  return accounts.flatMap((account) => {
    try {
      return [renderAccountLine(account, opts, "", 2)];
    } catch {
      // A malformed account is left out of the list rather than ending the program.
      return [];
    }
  });
}
