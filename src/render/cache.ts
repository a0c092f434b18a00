// Rendered lines cached per status and everything that changes how it looks, so scrolling
// and redraws never re-parse HTML. Bounded by count and by size: the least recently used
// entries go first. Panes draw only their visible window (ui/panes/viewport.ts), so the
// cache needs the toots on screen and those a scroll is about to reach, not every toot held:
// with 4 000 entries it retained 7.0 MB of lines and keys after 30 000 streamed toots at
// 160×45 (a heap snapshot, the bench's memory run), ~1.8 KB an entry; a toot scrolled back
// to after it went is rendered again, ~0.1 ms (`npm run bench -- rendering`: 1 000 cold).
import type { mastodon } from "masto";
import { locale } from "../i18n/index.js";
import { avatarKey, renderWithAvatar } from "./avatar.js";
import { visualBidi } from "./bidi.js";
import { codeHighlightingReady } from "./highlight.js";
import type { RenderOptions } from "./options.js";
import { labelExpiry } from "./time.js";

/** Everything about a status that changes its lines without changing its id or edit time. */
function stateKey(s: mastodon.v1.Status): string {
  const poll = s.poll
    ? `${s.poll.votesCount}/${s.poll.voted}/${s.poll.expired}/${(s.poll.ownVotes ?? []).join(".")}`
    : "";
  return [
    s.repliesCount,
    s.reblogsCount,
    s.favouritesCount,
    (s as { quotesCount?: unknown }).quotesCount,
    s.reblogged ? 1 : 0,
    s.favourited ? 1 : 0,
    s.bookmarked ? 1 : 0,
    s.pinned ? 1 : 0,
    poll,
    (s.filtered ?? []).map((f) => `${f.filter?.id}:${f.filter?.filterAction}`).join(","),
    quoteKey(s),
  ].join("|");
}

function hasCode(s: mastodon.v1.Status): boolean {
  const quoted = (s as { quote?: { quotedStatus?: mastodon.v1.Status | null } }).quote
    ?.quotedStatus;
  return [s.content, quoted?.content].some((c) => typeof c === "string" && c.includes("<pre"));
}

/** A quote's state and the quoted post's own edits and filters change how the quoting one looks. */
function quoteKey(s: mastodon.v1.Status): string {
  const quote = (s as { quote?: { state?: unknown; quotedStatus?: mastodon.v1.Status | null } })
    .quote;
  if (!quote) return "";
  const q = quote.quotedStatus;
  const filters = (q?.filtered ?? []).map((f) => f.filter?.id).join(".");
  return `${String(quote.state)}:${q?.id ?? ""}:${q?.editedAt ?? ""}:${q?.spoilerText ?? ""}:${filters}`;
}

/**
 * What an edit changes, for a server whose statuses carry no `edited_at` (Pleroma, GoToSocial):
 * there the edit time cannot tell two versions apart, so the words, warning, media and poll
 * options do (FNV-1a over them; a toot's text is a few hundred characters).
 */
function untimedEditKey(s: mastodon.v1.Status): string {
  let h = 0x811c9dc5;
  const add = (text: unknown) => {
    const str = typeof text === "string" ? text : "";
    for (let i = 0; i < str.length; i++) h = Math.imul(h ^ str.charCodeAt(i), 0x01000193);
    h = Math.imul(h ^ 0x1f, 0x01000193);
  };
  add(s.content);
  add(s.spoilerText);
  for (const m of s.mediaAttachments ?? []) add(`${m.id}:${m.description ?? ""}`);
  for (const o of s.poll?.options ?? []) add(o.title);
  return `~${(h >>> 0).toString(36)}`;
}

/** Which pictures of the toot are ready (or failed) changes its lines. */
function pictureKey(s: mastodon.v1.Status, opts: RenderOptions): string {
  const media = s.mediaAttachments;
  if (!media || media.length === 0 || !opts.pictures) return "";
  return `${opts.pictureRows ?? 8}:${media.map((m) => opts.pictures!.key(m)).join(",")}`;
}

/**
 * Whether the reader's filters have a say in how `status` is drawn: theirs are the only lines
 * drawn differently by where the toot is shown (home, public, notifications…; see
 * filterVerdict in render/status.ts). A toot without any is drawn once for every pane it is in.
 */
function filterable(status: mastodon.v1.Status): boolean {
  const has = (s: { filtered?: unknown } | null | undefined) =>
    s?.filtered != null && (!Array.isArray(s.filtered) || s.filtered.length > 0);
  const shown = status.reblog ?? status;
  const quoted = (shown as { quote?: { quotedStatus?: mastodon.v1.Status | null } | null }).quote
    ?.quotedStatus;
  return has(status) || has(status.reblog) || has(quoted);
}

function renderKey(status: mastodon.v1.Status, opts: RenderOptions): string {
  const s = status.reblog ?? status;
  return [
    status.id,
    s.id,
    s.editedAt ?? untimedEditKey(s),
    opts.width,
    opts.expanded ? 1 : 0,
    opts.theme.key,
    opts.unicode === false ? 0 : 1,
    visualBidi() ? 1 : 0,
    locale(),
    // Code blocks are drawn plain until the highlighter has loaded, highlighted after.
    codeHighlightingReady() && hasCode(s) ? 1 : 0,
    opts.showMedia === false ? 0 : 1,
    opts.pictures ? pictureKey(s, opts) : "",
    avatarKey(status, opts),
    opts.hyperlinks ? 1 : 0,
    filterable(status) ? (opts.context ?? "") : "",
    stateKey(s),
    status.reblog ? stateKey(status) : "",
  ].join("\u0000");
}

interface Entry {
  lines: string[];
  /** What the entry holds, counted as UTF-16 (an upper bound on what V8 stores). */
  bytes: number;
  /** The header shows "5m": the entry is stale from this instant on (or before `since`). */
  since: number;
  until: number;
}

/** A Map entry, an Entry and the lines array: V8's sizes, roughly. */
const ENTRY_OVERHEAD = 120;

function sizeOf(key: string, lines: readonly string[]): number {
  let bytes = ENTRY_OVERHEAD + key.length * 2;
  for (const line of lines) bytes += 16 + line.length * 2;
  return bytes;
}

export class RenderCache {
  private readonly entries = new Map<string, Entry>();
  private held = 0;
  hits = 0;
  misses = 0;

  /**
   * `maxEntries` toots and `maxBytes` of lines: 400 covers the visible rows of every pane of a
   * large terminal several times over; 768 KiB is ~450 typical toots, and keeps a few very
   * long ones from holding more. The bytes counted are fewer than V8 holds (a line built by
   * concatenation keeps its pieces): at 1 000 and 2 MiB, a heap snapshot after 20 000
   * streamed statuses at 160×45 found 1.5 MB in the pieces of its lines alone.
   */
  constructor(
    private readonly maxEntries = 400,
    private readonly maxBytes = 768 * 1024,
  ) {}

  get(status: mastodon.v1.Status, opts: RenderOptions): string[] {
    try {
      return this.cached(status, opts);
    } catch {
      // A field of the wrong type broke the key (a `filtered` that is not a list): such a
      // status is drawn uncached; renderStatus itself never throws.
      return renderWithAvatar(status, opts);
    }
  }

  private cached(status: mastodon.v1.Status, opts: RenderOptions): string[] {
    const key = renderKey(status, opts);
    const found = this.entries.get(key);
    if (found && opts.now >= found.since && opts.now < found.until) {
      this.hits++;
      // Re-insert: a Map iterates in insertion order, so the first key is the least recent.
      this.entries.delete(key);
      this.entries.set(key, found);
      return found.lines;
    }
    this.misses++;
    const lines = renderWithAvatar(status, opts);
    const shown = status.reblog ?? status;
    let [since, until] = labelExpiry(shown.createdAt, opts.now);
    // A quoted post shows its own "5m": the entry also goes stale when that label changes.
    const quoted = (shown as { quote?: { quotedStatus?: mastodon.v1.Status | null } }).quote
      ?.quotedStatus;
    if (quoted) {
      const [qSince, qUntil] = labelExpiry(quoted.createdAt, opts.now);
      since = Math.max(since, qSince);
      until = Math.min(until, qUntil);
    }
    this.drop(key);
    const bytes = sizeOf(key, lines);
    this.entries.set(key, { lines, bytes, since, until });
    this.held += bytes;
    // The newest entry stays even alone over the byte bound: it is on screen.
    while (
      this.entries.size > 1 &&
      (this.entries.size > this.maxEntries || this.held > this.maxBytes)
    ) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.drop(oldest);
    }
    return lines;
  }

  private drop(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.held -= entry.bytes;
  }

  get size(): number {
    return this.entries.size;
  }

  /** What the entries hold, in bytes as counted for the bound. */
  get bytes(): number {
    return this.held;
  }

  clear(): void {
    this.entries.clear();
    this.held = 0;
  }
}
