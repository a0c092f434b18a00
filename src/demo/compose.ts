// Server-side handling of posted text: Mastodon's length rule and its plain-text formatter
// (links, mentions and hashtags turned into the same markup remote statuses carry).

import { DEMO_DOMAIN, type DemoAccount, findAccount } from "./accounts.js";
import { escapeHtml, hashtagHtml, linkHtml, mentionHtml } from "./html.js";

const URL_RE = /https?:\/\/[^\s<>"]+[^\s<>".,:;!?)\]'"]/g;
const MENTION_RE = /(^|[^/\w])@([a-z0-9_]+)(?:@([a-z0-9.-]+[a-z0-9]+))?/gi;
const TAG_RE = /(^|[^/\w&])#([\p{L}\p{N}_]*[\p{L}_][\p{L}\p{N}_]*)/gu;

const segmenter = new Intl.Segmenter(undefined, { granularity: "grapheme" });

// The length rule's own entity patterns (twitter-text as Mastodon uses it): a URL needs
// http(s)://, a host with a dot (or an IPv6 literal) and no word glued before it; trailing
// punctuation and an unbalanced ")" end the sentence, not the URL. A mention is not after
// "=", "/" or a word character. The composer's counter (src/compose/counter.ts) agrees.
const COUNT_URL_RE =
  /(?<![\p{L}\p{N}@＠$#＃])https?:\/\/(?:[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+|\[[0-9a-fA-F:]+\])(?::\d+)?(?:[/?#][^\s]*)?/giu;
const COUNT_MENTION_RE =
  /(?<![=/\p{L}\p{N}_])@([a-z0-9_]+(?:[.-]+[a-z0-9_]+)*)(@[\p{L}\p{N}_]+(?:[.-]+[\p{L}\p{N}_]+)*)?/giu;

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
  return segment.replace(COUNT_MENTION_RE, (_all, user: string) => `@${user}`);
}

/**
 * Mastodon's StatusLengthValidator: the CW plus the text with every URL as 23 characters
 * (`urlLength`) and `@user@domain` as `@user`, in grapheme clusters. A `urlLength` of null
 * counts the text as it is (Pleroma's rule: its limit applies to the plain text).
 */
export function mastodonLength(
  text: string,
  spoiler: string,
  urlLength: number | null = 23,
): number {
  if (urlLength === null) return [...segmenter.segment(spoiler + text)].length;
  const placeholder = "x".repeat(urlLength);
  let counted = "";
  let last = 0;
  for (const m of text.matchAll(COUNT_URL_RE)) {
    if (m.index < last) continue;
    counted += localMentions(text.slice(last, m.index)) + placeholder;
    last = m.index + trimUrl(m[0]).length;
  }
  counted += localMentions(text.slice(last));
  return [...segmenter.segment(spoiler)].length + [...segmenter.segment(counted)].length;
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
