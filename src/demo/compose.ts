// Server-side handling of posted text: Mastodon's length rule and its plain-text formatter
// (links, mentions and hashtags turned into the same markup remote statuses carry).

import { DEMO_DOMAIN, type DemoAccount, findAccount } from "./accounts.js";
import { escapeHtml, hashtagHtml, linkHtml, mentionHtml } from "./html.js";

const URL_RE = /https?:\/\/[^\s<>"]+[^\s<>".,:;!?)\]'"]/g;
const MENTION_RE = /(^|[^/\w])@([a-z0-9_]+)(?:@([a-z0-9.-]+[a-z0-9]+))?/gi;
const TAG_RE = /(^|[^/\w&])#([\p{L}\p{N}_]*[\p{L}_][\p{L}\p{N}_]*)/gu;

const segmenter = new Intl.Segmenter(undefined, { granularity: "grapheme" });

/**
 * Grapheme clusters, a line at a time: a cluster always ends after a line feed (UAX #29
 * GB4), and Node 20's segments each copy the whole input, so one long string costs O(n²).
 */
export function graphemeCount(text: string): number {
  let n = 0;
  for (const line of text.split(/(?<=\n)/)) for (const _ of segmenter.segment(line)) n++;
  return n;
}

// The length rule's own entity patterns (twitter-text as Mastodon uses it): a URL needs
// http(s)://, a host with a dot (or an IPv6 literal) and no word glued before it; trailing
// punctuation and an unbalanced ")" end the sentence, not the URL. A mention is not after
// "=", "/" or a word character. The composer's counter (src/compose/counter.ts) agrees.
const COUNT_URL_RE =
  /(?<![\p{L}\p{N}@＠$#＃])https?:\/\/(?:[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+|\[[0-9a-fA-F:]+\])(?::\d+)?(?:[/?#][^\s]*)?/giu;
// Account::MENTION_RE ([[:word:]] is \p{L}\p{M}\p{Nd}\p{Pc}); a mention followed by another @,
// a Latin accent or "://" is none (Twitter::Regex[:end_mention_match]).
const COUNT_MENTION_RE =
  /(?<![=/\p{L}\p{M}\p{Nd}\p{Pc}])@([a-z0-9_]+(?:[.-]+[a-z0-9_]+)*)(?:@[\p{L}\p{M}\p{Nd}\p{Pc}.-]+[\p{L}\p{M}\p{Nd}\p{Pc}])?/giu;
const END_MENTION =
  /^(?:[@\uff20\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff]|[\u0300-\u036f]|:\/\/)/u;

function trimUrl(url: string): string {
  let end = url.length;
  for (;;) {
    const ch = url[end - 1];
    if (ch === undefined) break;
    if (/[\p{L}\p{N}=_#/+\-&%~*]/u.test(ch)) break;
    if (ch === ")") {
      const inner = url.slice(0, end);
      if (inner.split(")").length <= inner.split("(").length) break;
    }
    end--;
  }
  return url.slice(0, end);
}

function localMentions(segment: string): string {
  return segment.replace(COUNT_MENTION_RE, (all: string, user: string, at: number) =>
    END_MENTION.test(segment.slice(at + all.length)) ? all : `@${user}`,
  );
}

/**
 * Mastodon's StatusLengthValidator: the CW plus the text with every URL as 23 characters
 * (`urlLength`) and `@user@domain` as `@user`, in grapheme clusters. Other servers' rules are
 * in length-rules.ts.
 */
export function mastodonLength(text: string, spoiler: string, urlLength = 23): number {
  // countable_text is '' for a blank text (Ruby's blank?: only white space).
  if (/^[\s\u0085]*$/.test(text) && !text.includes("\ufeff")) return graphemeCount(spoiler);
  const placeholder = "x".repeat(urlLength);
  let counted = "";
  let last = 0;
  for (const m of text.matchAll(COUNT_URL_RE)) {
    if (m.index < last) continue;
    counted += localMentions(text.slice(last, m.index)) + placeholder;
    last = m.index + trimUrl(m[0]).length;
  }
  counted += localMentions(text.slice(last));
  // One string (`[status.spoiler_text, countable_text].join`): a mark opening the text joins the CW.
  return graphemeCount(spoiler + counted);
}

export interface Formatted {
  html: string;
  tags: string[];
  mentions: DemoAccount[];
}

/** Plain text → status HTML with linkified URLs, known mentions and hashtags. */
export function formatPlainText(text: string, accounts: readonly DemoAccount[]): Formatted {
  const tags: string[] = [];
  const mentions: DemoAccount[] = [];
  const tokenRe = new RegExp(`${URL_RE.source}|${MENTION_RE.source}|${TAG_RE.source}`, "giu");
  const linkify = (line: string) => {
    let out = "";
    let last = 0;
    for (const m of line.matchAll(tokenRe)) {
      const whole = m[0];
      const start = m.index ?? 0;
      out += escapeHtml(line.slice(last, start));
      last = start + whole.length;
      if (/^https?:\/\//.test(whole)) {
        out += linkHtml(whole);
      } else if (m[2] !== undefined) {
        // Groups: 1 text before, 2 username, 3 domain.
        const acct = m[3] && m[3] !== DEMO_DOMAIN ? `${m[2]}@${m[3]}` : m[2];
        const who = findAccount(accounts, acct);
        out += escapeHtml(m[1] ?? "");
        if (who) {
          if (!mentions.includes(who)) mentions.push(who);
          out += mentionHtml(who.account);
        } else out += escapeHtml(whole.slice((m[1] ?? "").length));
      } else if (m[5] !== undefined) {
        // Groups: 4 text before, 5 tag.
        tags.push(m[5]);
        out += escapeHtml(m[4] ?? "") + hashtagHtml(m[5], DEMO_DOMAIN);
      } else out += escapeHtml(whole);
    }
    return out + escapeHtml(line.slice(last));
  };
  const html = text
    .split(/\n{2,}/)
    .map((p) => `<p>${p.split("\n").map(linkify).join("<br />")}</p>`)
    .join("");
  return { html, tags, mentions };
}
