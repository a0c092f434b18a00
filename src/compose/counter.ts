/**
 * Counts a toot's length as Mastodon's server does (StatusLengthValidator):
 * grapheme clusters of the CW plus the text, after every http(s) URL is replaced by
 * 23 characters (configuration.statuses.characters_reserved_per_url) and every
 * `@user@domain` mention by `@user`.
 */
import { graphemeCount } from "./graphemes.js";

export const DEFAULT_URL_LENGTH = 23;

// Like the server's twitter-text extractor: a URL needs a scheme, a host with a dot
// (or an IP), and is not glued to the word before it.
const URL_RE =
  /(?<![\p{L}\p{N}@＠$#＃])https?:\/\/(?:[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+|\[[0-9a-fA-F:]+\])(?::\d+)?(?:[/?#][^\s]*)?/giu;
// The server's Account::MENTION_RE: not after "=", "/" or a word character.
const MENTION_RE =
  /(?<![=/\p{L}\p{N}_])@([a-z0-9_]+(?:[.-]+[a-z0-9_]+)*)(@[\p{L}\p{N}_]+(?:[.-]+[\p{L}\p{N}_]+)*)?/giu;

/** Punctuation after a URL ends the sentence, not the URL; an unmatched ")" too. */
function trimUrl(url: string): string {
  let end = url.length;
  for (;;) {
    const ch = url[end - 1];
    if (ch === undefined) break;
    if (/[\p{L}\p{N}=_#/+\-&%~*]/u.test(ch)) break;
    if (ch === ")") {
      const inner = url.slice(0, end);
      const opens = inner.split("(").length - 1;
      const closes = inner.split(")").length - 1;
      if (closes <= opens) break;
    }
    end--;
  }
  return url.slice(0, end);
}

/** The text as the server measures it: URLs as placeholders, remote mentions as local ones. */
export function countableText(text: string, urlLength = DEFAULT_URL_LENGTH): string {
  const placeholder = "x".repeat(urlLength);
  let out = "";
  let last = 0;
  for (const m of text.matchAll(URL_RE)) {
    const url = trimUrl(m[0]);
    const start = m.index;
    if (start < last) continue;
    out += shortenMentions(text.slice(last, start)) + placeholder;
    last = start + url.length;
  }
  return out + shortenMentions(text.slice(last));
}

function shortenMentions(segment: string): string {
  return segment.replace(MENTION_RE, (_all, user: string) => `@${user}`);
}

export function countLikeMastodon(
  text: string,
  spoiler: string,
  opts: { urlLength?: number } = {},
): number {
  return graphemeCount(spoiler) + graphemeCount(countableText(text, opts.urlLength));
}
