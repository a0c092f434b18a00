// tootty's own words in English: the source catalogue. Every other catalogue has exactly
// these keys (its type says so, and a test checks the placeholders and plural forms).
// `{name}` is a placeholder; an object is a plural, keyed by Intl.PluralRules categories.
// Each room's words are in a file of their own (en-render.ts…), spread in here.
import { enActions } from "./en-actions.js";
import { enCli } from "./en-cli.js";
import { enCompose } from "./en-compose.js";
import { enRender } from "./en-render.js";

export const en = {
  ...enRender,
  ...enCompose,
  ...enActions,
  ...enCli,
  "timeline.home": "Home",
  "timeline.local": "Local",
  "timeline.federated": "Federated",
  "timeline.direct": "Direct",
  "timeline.notifications": "Notifications",
  "timeline.list": "List {name}",
  "pane.loading": "Loading…",
  "pane.newAbove": { one: "{count} new", other: "{count} new" },
  "status.hintsTabs": "j/k move  {paneKeys}/Tab pane  g top  ? help  q quit",
  "status.hintsColumns": "j/k move  h/l pane  g/G top/end  ? help  q quit",
  "tooSmall.title": "Terminal too small",
  "tooSmall.size": "{size}, tootty needs {needed}",
  "tooSmall.hint": "Enlarge the window, or press q to quit.",
  "flash.loadingOlder": "Loading older toots…",
  "flash.refreshing": "Refreshing…",
  "flash.upToDate": "Up to date",
  "flash.switching": "Switching to {acct}…",
  "confirm.quit": "Quit tootty? (y/n)",
  "gap.loading": "loading the missing toots…",
  "gap.missing": "gap: toots missing here — Enter loads them",
  "followRequest.keys": "a: accept · x: reject",
  "drafts.unsent": {
    one: "{count} unsent draft — c to continue, :drafts in the composer",
    other: "{count} unsent drafts — c to continue, :drafts in the composer",
  },
  "quote.selectToot": "Select a toot to quote",
  "quote.unsupported":
    "This server has no quote posts (Mastodon API level {version}; quotes need 7)",
  "quote.denied": "@{acct} does not allow you to quote this toot",
  "quote.manual": "@{acct} approves quotes by hand: yours shows once accepted",
  "quote.title": "Quote @{acct}",
  "compose.quoting": "quoting {label}",
  "compose.quotePolicy": "quotes: {policy}",
  "compose.unquoted": "No quote any more",
  "compose.quoteUsage": "Use :quote STATUS-ID (or Q on a toot); :noquote removes it",
  "compose.quotePolicyUsage": "Who may quote this toot: :quotepolicy public, followers or nobody",
  "quotePolicy.public": "anyone",
  "quotePolicy.followers": "followers only",
  "quotePolicy.nobody": "nobody but you",
  "quotePolicy.set": "Who may quote your toot: {policy}",
  "quotePolicy.notOwn": "You can only choose who quotes your own toots",
  "quotePolicy.failed": "Quote policy not changed: {problem}",
  "quotes.title": "Quotes of @{acct}'s toot · {count}",
  "quotes.loading": "Quotes of @{acct}'s toot (loading…)",
  "quotes.footer": "L more · Enter thread · Esc back",
  "quotes.footerOwn": "x revoke · L more · Enter thread · Esc back",
  "quotes.end": "No more quotes",
  "quotes.failed": "Could not load the quotes: {problem}",
  "quotes.revokeConfirm": "Revoke @{acct}'s quote? (y/n)",
  "quotes.notRevoked": "Quote kept",
  "quotes.revoked": "Revoked @{acct}'s quote",
  "quotes.revokeFailed": "Not revoked: {problem}",
  "thread.fetchingReplies": "fetching more replies…",
  "thread.newReplies": { one: "{count} more reply arrived", other: "{count} more replies arrived" },
  "thread.noNewReplies": "No more replies were found",
  "state.regenerating": "feed is being regenerated (next try in {wait})",
  "state.regeneratingNow": "feed is being regenerated, asking again…",
  "access.localPosts": "local posts",
  "access.remotePosts": "remote posts",
  "access.closed": "{timeline} timeline closed by this server ({posts} disabled)",
  "state.problem.unreachable": "cannot reach the server",
  "state.problem.unavailableStatus": "server unavailable (HTTP {status})",
  "state.problem.unavailable": "server unavailable",
  "state.problem.timeout": "the server does not answer",
  "state.problem.refused": "server refused (HTTP {status})",
  "state.problem.unexpected": "unreadable answer from the server",
  "state.seconds": "{seconds}s",
  "state.waiting": "waiting for the server",
  "state.connecting": "connecting…",
  "state.liveCatchUpFailed": "live, but {problem}",
  "state.liveEmpty": "live, no toots yet",
  "state.live": "live",
  "state.reconnecting": "reconnecting (next try in {wait})",
  "state.pollingNoStreaming": "polling (the server has no streaming)",
  "state.pollingReconnecting": "polling (reconnecting…)",
  "state.pollingReconnectingIn": "polling (reconnecting in {wait})",
  "state.failingRetrying": "{problem}, retrying",
  "state.failingNextTry": "{problem} (next try in {wait})",
  "state.streamRefused": "stream refused: {reason}",
  "state.rateLimited": "rate-limited until {time}",
  "state.offline": "offline",
  "state.tokenRejected": "token rejected — run tootty login",
  "help.title": "Keys",
  "help.footer": "j/k scroll · Esc back",
  "help.unbound": "(unbound)",
  "help.commands": "Commands (:)",
  "empty.waiting": "Waiting for the server…",
  "empty.noToots": "No toots yet.",
  "empty.noNotifications": "No notifications yet.",
  "empty.failed": "Nothing loaded: {problem}.",
} as const;

export type MessageKey = keyof typeof en;
/** A plural message: one text per Intl.PluralRules category the language uses. */
export type PluralMessage = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };
export type Message = string | PluralMessage;
/** A catalogue for `source`'s keys: a string for each string, a plural for each plural. */
export type Translation<Source> = {
  readonly [K in keyof Source]: Source[K] extends string ? string : PluralMessage;
};
export type Catalogue = Translation<typeof en>;
