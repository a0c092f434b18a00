// A status → terminal lines at a pane width. Pure: same status and options, same lines.
import type { mastodon } from "masto";
import { rtlInterface, tl, tlAround } from "../i18n/index.js";
import { isolateRun, markArranged, visualBidi } from "./bidi.js";
import { layoutBlocks } from "./blocks.js";
import { type Glyphs, glyphsFor, quoteBar } from "./glyphs.js";
import { parseStatusHtml } from "./html.js";
import { parseWebUrl } from "./hyperlink.js";
import type { RenderOptions } from "./options.js";
import { paintFitted, paintLine } from "./paint.js";
import type { InlineContext, Piece } from "./pieces.js";
import { type QuoteView, quoteView } from "./quote.js";
import { sanitizeInline } from "./sanitize.js";
import {
  boostLine,
  cardLine,
  countsLine,
  emojiSet,
  headerLine,
  hiddenNotice,
  mediaLines,
  ownLines,
  pollLines,
  replyLine,
  spoilerLines,
} from "./status-parts.js";
import type { Role } from "./theme.js";
import { padToWidth } from "./width.js";
import { type Line, wrapItems } from "./wrap.js";

export interface FilterVerdict {
  action: "hide" | "warn" | "blur";
  title: string;
}

/** Which filter applies here: hide beats warn beats blur; unknown actions act as warn. */
export function filterVerdict(
  status: mastodon.v1.Status,
  context: RenderOptions["context"],
): FilterVerdict | null {
  const results = [...(status.filtered ?? []), ...(status.reblog?.filtered ?? [])];
  let warn: string | null = null;
  let blur: string | null = null;
  for (const r of results) {
    const f = r?.filter;
    if (!f) continue;
    if (context && Array.isArray(f.context) && !f.context.includes(context)) continue;
    const title = sanitizeInline(String(f.title ?? ""));
    if (f.filterAction === "hide") return { action: "hide", title };
    if (f.filterAction === "blur") blur ??= title;
    else warn ??= title;
  }
  if (warn !== null) return { action: "warn", title: warn };
  if (blur !== null) return { action: "blur", title: blur };
  return null;
}

export function renderStatus(status: mastodon.v1.Status, opts: RenderOptions): string[] {
  try {
    return renderAt(status, opts, false);
  } catch {
    // A shape that breaks a part (no account, a number where text belongs) is shown as one
    // notice: nothing a server sends may end the program.
    const width = Math.max(1, Math.floor(opts.width));
    const notice = ownLines(
      wrapItems([{ text: tl("status.malformed"), roles: ["notice"] }], width),
      width,
    );
    return finish(notice, width, opts, glyphsFor(opts.unicode));
  }
}

/** Narrower than this, a quoted post is not drawn inside its quote: only a one-line notice. */
const MIN_QUOTE_WIDTH = 16;

/** `nested`: drawn inside a quote (no counts; a quote in a quote is only named). */
function renderAt(status: mastodon.v1.Status, opts: RenderOptions, nested: boolean): string[] {
  const width = Math.max(1, Math.floor(opts.width));
  const expanded = opts.expanded ?? false;
  const verdict = filterVerdict(status, opts.context);
  if (verdict?.action === "hide") return [];
  const g = glyphsFor(opts.unicode);
  const s = status.reblog ?? status;
  const lines: Line[] = [];
  const push = (l: Line | null) => {
    if (l) lines.push(l);
  };

  if (verdict?.action === "warn" && !expanded) {
    const notice = [
      ...filterWords("status.filtered", verdict.title),
      { text: tl("status.expandToShow", { dash: g.dash }), roles: ["notice"] as Role[] },
    ];
    lines.push(...ownLines(wrapItems(notice, width), width));
    return finish(lines, width, opts, g);
  }
  if (status.reblog) push(boostLine(status, width, g));
  push(headerLine(s, width, opts.now, expanded, g));
  push(replyLine(s, width, expanded, g));
  if (verdict?.action === "warn")
    lines.push(
      ...ownLines(wrapItems(filterWords("status.filteredShown", verdict.title), width), width),
    );

  const hasCw = typeof s.spoilerText === "string" && s.spoilerText.trim() !== "";
  if (hasCw) lines.push(...spoilerLines(s, width));
  if (hasCw && !expanded) {
    lines.push(...hiddenNotice(s, tl("status.cwShort"), width, g));
  } else {
    const ctx: InlineContext = {
      theme: opts.theme,
      expanded,
      emojis: emojiSet(s.emojis),
      mentions: new Map((s.mentions ?? []).map((m) => [m.url, m.acct])),
      authorHost: parseWebUrl(s.account?.url)?.hostname ?? "",
      glyphs: g,
    };
    const quote = quoteView(s);
    const html = typeof s.content === "string" ? s.content : "";
    lines.push(
      ...layoutBlocks(
        parseStatusHtml(html, { hideQuoteInline: quote.kind !== "none" }),
        width,
        ctx,
      ),
    );
    if (s.poll) lines.push(...pollLines(s.poll, width, opts.now, opts.theme.markers, g));
    if (opts.showMedia !== false) {
      lines.push(
        ...mediaLines(
          s,
          width,
          {
            blurredBy: verdict?.action === "blur" ? verdict.title : null,
            expanded,
            pictures: nested ? undefined : opts.pictures,
            pictureRows: opts.pictureRows,
          },
          g,
        ),
      );
    }
    lines.push(...quoteLines(quote, width, opts, nested, g));
    // Mastodon shows no link preview beside a quote: the quoted post is the preview.
    if (s.card && quote.kind !== "status") push(cardLine(s.card, width, g));
  }
  if (!nested) push(countsLine(s, width, g));
  return finish(lines, width, opts, g);
}

/** "Matches filter: {title}", the filter's title (the reader's own words) keeping its direction. */
function filterWords(key: "status.filtered" | "status.filteredShown", title: string): Piece[] {
  const [before, after] = tlAround(key, "title");
  const words: Piece[] = [{ text: before, roles: ["filtered"] }];
  words.push(...isolateRun([{ text: title, roles: ["filtered"] }]));
  if (after) words.push({ text: after, roles: ["filtered"] });
  return words;
}

function quoteLines(
  quote: QuoteView,
  width: number,
  opts: RenderOptions,
  nested: boolean,
  g: Glyphs,
): Line[] {
  if (quote.kind === "none") return [];
  const notice = (text: string) =>
    ownLines(wrapItems([{ text: `[${text}]`, roles: ["notice"] }], width), width);
  if (quote.kind === "notice") return notice(quote.text);
  if (nested || width < MIN_QUOTE_WIDTH) return notice(tl("quote.nested"));
  const inner = renderAt(quote.status, { ...opts, width: width - 2 }, true);
  if (inner.length === 0) return notice(tl("quote.filtered"));
  // The inner lines are painted already: each becomes one piece beside the bar. A right-to-left
  // interface, where tootty does the bidi, mirrors the toot around the quote (its header, its
  // counts against the right edge), so the bar stands on the right; a terminal that reorders
  // gets the bar first, in logical order, and places it by the line's direction itself.
  const right = rtlInterface() && visualBidi();
  const bar = paintLine(
    [{ text: quoteBar(g, opts.theme.markers, right), roles: ["quoteBar"] }],
    opts.theme,
    false,
  );
  return inner.map((text) =>
    markArranged([{ text: right ? padToWidth(text, width - 2) + bar : bar + text, roles: [] }]),
  );
}

function finish(lines: Line[], width: number, opts: RenderOptions, g: Glyphs): string[] {
  return lines.map((l) => paintFitted(l, width, g, opts.theme, opts.hyperlinks ?? false));
}
