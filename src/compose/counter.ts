/**
 * Counts a toot's length as Mastodon's server does (app/validators/status_length_validator.rb):
 * grapheme clusters of the CW plus the text, where the text is blank-or-counted, every URL
 * the server's extractor finds counts as `characters_reserved_per_url` (23 on Mastodon) and
 * every `@user@domain` mention as `@user`; where a URL and a mention overlap the earlier wins.
 *
 * The URL extractor is twitter-text's (the library Mastodon's Gemfile pins), with the changes
 * Mastodon makes to it in config/initializers/twitter_regex.rb: any non-space character may
 * appear in a path, non-ASCII characters in a query, more schemes (dat, dweb, ipfs, ipns, ssb,
 * gopher, gemini), and only URLs with a scheme count (`extract_url_without_protocol: false`).
 * The domain, the character allowed before a URL and the TLD list come from twitter-text,
 * as twitter-regexen.ts keeps them (the library itself is not loaded; see its generator).
 */
import { domainToASCII } from "node:url";
import type { CountRule } from "../api/server-profile.js";
import { formatDigits } from "../i18n/index.js";
import { graphemeCount } from "./graphemes.js";
import { regexen as re } from "./twitter-regexen.js";

export const DEFAULT_URL_LENGTH = 23;

// Unicode White_Space, spelled out: the twitter-text pieces are non-`u` regexes, so `\p{…}`
// is unavailable in the pattern they are joined into.
const WHITE_SPACE =
  "\\x09-\\x0D\\x20\\x85\\xA0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000";
// Mastodon's UCHARS (RFC 3987 ucschar): BMP ranges, then any astral pair except plane 14's
// tags and variation selectors (U+E0000–E0FFF, high surrogates DB40–DB43).
const UCHARS_BMP = "\\xA0-\\uD7FF\\uF900-\\uFDCF\\uFDF0-\\uFFEF";
const ASTRAL = "[\\uD800-\\uDB3F\\uDB44-\\uDBFF][\\uDC00-\\uDFFF]";

const pathChar = `[^${WHITE_SPACE}<>()?]`;
// Mastodon redefines the balanced parens after using the stock ones in the ending characters.
const pathEnding = `(?:[^${WHITE_SPACE}()?!*"'「」<>;:=,.$%\\[\\]~&|@]|${re.validUrlBalancedParens.source})`;
const balancedParens = `\\((?:${pathChar}+|(?:${pathChar}*\\(${pathChar}+\\)${pathChar}*))\\)`;
const urlPath = `(?:(?:${pathChar}*(?:${balancedParens}${pathChar}*)*${pathEnding})|(?:${pathChar}+\\/))`;
const queryChar = `(?:[a-z0-9!?*'();:&=+$/%#\\[\\]\\-_.,~|@^${UCHARS_BMP}]|${ASTRAL})`;
const queryEnding = `(?:[a-z0-9_&=#/\\-${UCHARS_BMP}]|${ASTRAL})`;

/** Mastodon's `valid_url`; groups: 2 preceding character, 3 URL, 4 scheme, 5 domain. */
export const MASTODON_URL_SOURCE =
  `((${re.validUrlPrecedingChars.source})(` +
  "((?:https?|dat|dweb|ipfs|ipns|ssb|gopher|gemini):\\/\\/)?" +
  `(${re.validDomain.source})` +
  `(?::(${re.validPortNumber.source}))?` +
  `(\\/${urlPath}*)?` +
  `(\\?${queryChar}*${queryEnding})?))`;

// Account::MENTION_RE: not after "=", "/" or a word character; the domain is optional.
const WORD = "\\p{L}\\p{M}\\p{Nd}\\p{Pc}";
const MENTION_RE = new RegExp(
  `(?<![=/${WORD}])@(([a-z0-9_]+(?:[.-]+[a-z0-9_]+)*)(?:@[${WORD}.-]+[${WORD}]+)?)`,
  "giu",
);
const MAX_URL_LENGTH = 4096;
const MAX_LABEL_LENGTH = 63;
const MAX_TCO_SLUG_LENGTH = 40;

interface Entity {
  start: number;
  end: number;
  /** What the server counts in its place. */
  replacement: string;
}

/** twitter-text's domain check: each label 1–63 characters once punycoded, URL ≤ 4096. */
function plausibleDomain(url: string, scheme: string, domain: string): boolean {
  let ascii = 0;
  const labels = domain.split(".");
  for (const label of labels) {
    const encoded = /^[\x00-\x7f]*$/.test(label) ? label : domainToASCII(label);
    if (encoded.length < 1 || encoded.length > MAX_LABEL_LENGTH) return false;
    ascii += encoded.length;
  }
  ascii += labels.length - 1;
  return scheme.length + url.length + ascii - domain.length <= MAX_URL_LENGTH;
}

function urlEntities(text: string, placeholder: string): Entity[] {
  if (!text.includes(":")) return [];
  const out: Entity[] = [];
  for (const m of text.matchAll(new RegExp(MASTODON_URL_SOURCE, "gi"))) {
    const before = m[2] ?? "";
    let url = m[3] ?? "";
    const scheme = m[4];
    const domain = m[5] ?? "";
    if (!scheme || !plausibleDomain(url, scheme, domain)) continue;
    const start = m.index + before.length;
    // t.co links end at their slug.
    const tco = re.validTcoUrl.exec(url);
    if (tco) {
      if ((tco[1] ?? "").length > MAX_TCO_SLUG_LENGTH) continue;
      url = tco[0];
    }
    out.push({ start, end: start + url.length, replacement: placeholder });
  }
  return out;
}

function mentionEntities(text: string): Entity[] {
  if (!re.atSigns.test(text)) return [];
  const out: Entity[] = [];
  for (const m of text.matchAll(MENTION_RE)) {
    const end = m.index + m[0].length;
    // A mention followed by another @, an accented letter or "://" is not one.
    if (re.endMentionMatch.test(text.slice(end))) continue;
    out.push({ start: m.index, end, replacement: `@${m[2] ?? ""}` });
  }
  return out;
}

/** Ruby's `String#blank?`: empty or only whitespace ([[:space:]], which has no U+FEFF). */
const BLANK_RE = new RegExp(`^[${WHITE_SPACE}]*$`);

/** The text as the server measures it: URLs as placeholders, remote mentions as local ones. */
export function countableText(text: string, urlLength = DEFAULT_URL_LENGTH): string {
  if (BLANK_RE.test(text)) return "";
  const entities = [...urlEntities(text, "x".repeat(urlLength)), ...mentionEntities(text)].sort(
    (a, b) => a.start - b.start,
  );
  let out = "";
  let last = 0;
  for (const e of entities) {
    if (e.start < last) continue; // overlaps the one before: the server drops it
    out += text.slice(last, e.start) + e.replacement;
    last = e.end;
  }
  return out + text.slice(last);
}

export function countLikeMastodon(
  text: string,
  spoiler: string,
  opts: { urlLength?: number } = {},
): number {
  // One string, as the server joins them: a combining mark opening the text joins the CW's end.
  return graphemeCount(spoiler + countableText(text, opts.urlLength));
}

// Elixir's String.trim removes Unicode White_Space (lib/elixir/unicode/properties.ex reads
// PropList.txt's White_Space), the set spelled out above; U+FEFF is not in it.
const TRIM_RE = new RegExp(`^[${WHITE_SPACE}]+|[${WHITE_SPACE}]+$`, "g");

function codePointCount(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

const MASTODON_RULE: CountRule = { kind: "mastodon", urlLength: DEFAULT_URL_LENGTH };

/**
 * The number the server compares with its limit (`max_characters`), by its own rule (see
 * CountRule in api/server-profile.ts for where each rule is read from). On Sharkey this is the
 * text alone; its CW has a limit of its own (`spoilerOverLimit`).
 */
export function countFor(text: string, spoiler: string, rule: CountRule = MASTODON_RULE): number {
  switch (rule.kind) {
    case "mastodon":
      return countLikeMastodon(text, spoiler, { urlLength: rule.urlLength });
    case "pleroma":
      // `status <> summary`: the text first, so a CW opening with a combining mark joins the
      // text's last character.
      return graphemeCount((text + spoiler).replace(TRIM_RE, ""));
    case "gotosocial":
      // Go's []rune over the JSON-decoded string: a lone surrogate arrives as one U+FFFD.
      return codePointCount(text) + codePointCount(spoiler);
    case "sharkey":
      return text.length;
  }
}

/** Sharkey's separate CW limit: the CW's count and its limit when over, else null. */
export function spoilerOverLimit(
  spoiler: string,
  rule: CountRule = MASTODON_RULE,
): { used: number; max: number } | null {
  if (rule.kind !== "sharkey" || spoiler.length <= rule.maxSpoiler) return null;
  return { used: spoiler.length, max: rule.maxSpoiler };
}

/**
 * A poll option's length as the server measures it against `max_characters_per_option`:
 * grapheme clusters on Mastodon (PollOptionsValidator) and Pleroma/Akkoma (`String.length`);
 * code points on GoToSocial (`len([]rune(option))`) and Sharkey (notes/create's JSON schema
 * `maxLength`, which ajv counts in code points).
 */
export function pollOptionLength(option: string, rule: CountRule = MASTODON_RULE): number {
  return rule.kind === "gotosocial" || rule.kind === "sharkey"
    ? codePointCount(option)
    : graphemeCount(option);
}

/**
 * The count as the composer's status line shows it, "used/max", in the interface language's
 * digits as every number tootty writes (ar-EG "١٢/٥٠٠"). A refusal for length quotes this same
 * text, so the message and the counter beside it read alike.
 */
export function countLabel(used: number, max: number): string {
  return `${formatDigits(used)}/${formatDigits(max)}`;
}
