// Server-side handling of posted text: Mastodon's length rule and its plain-text formatter
// (links, mentions and hashtags turned into the same markup remote statuses carry).

import { DEMO_DOMAIN, type DemoAccount, findAccount } from "./accounts.js";
import { escapeHtml, hashtagHtml, linkHtml, mentionHtml } from "./html.js";

const URL_RE = /https?:\/\/[^\s<>"]+[^\s<>".,:;!?)\]'"]/g;
const MENTION_RE = /(^|[^/\w])@([a-z0-9_]+)(?:@([a-z0-9.-]+[a-z0-9]+))?/gi;
const TAG_RE = /(^|[^/\w&])#([\p{L}\p{N}_]*[\p{L}_][\p{L}\p{N}_]*)/gu;

const segmenter = new Intl.Segmenter(undefined, { granularity: "grapheme" });

/** Mastodon's StatusLengthValidator: URLs count 23, `@user@domain` counts as `@user`, graphemes. */
export function mastodonLength(text: string, spoiler: string): number {
  const counted = text
    .replace(URL_RE, "x".repeat(23))
    .replace(MENTION_RE, (_m, pre: string, user: string) => `${pre}@${user}`);
  return [...segmenter.segment(spoiler + counted)].length;
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
