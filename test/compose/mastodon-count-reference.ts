// The reference the counter is checked against: Mastodon's StatusLengthValidator, transcribed
// step by step onto twitter-text's own extractor, the way the server runs it.
//
// Server (app/validators/status_length_validator.rb):
//   countable_length(spoiler_text + countable_text(text)) with mb_chars.grapheme_length;
//   countable_text is '' for a blank text, else the text with
//   Extractor.remove_overlapping_entities(extract_urls_with_indices(str,
//   extract_url_without_protocol: false) + extract_mentions_or_lists_with_indices(str))
//   rewritten: a URL → 'x' * 23, a mention → "@" + screen_name.split('@').first.
// The URL regex is twitter-text's `valid_url` as patched by config/initializers/twitter_regex.rb;
// here it is installed into twitter-text's own extractUrlsWithIndices (so its domain check and
// t.co rule run unchanged) for the duration of one call, as the initializer patches REGEXEN.
// Mentions are app/lib/extractor.rb's: Account::MENTION_RE, skipped when
// Twitter::Regex[:end_mention_match] matches right after.
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
type Entity = { indices: [number, number]; url?: string; screenName?: string };
const tt = require("twitter-text") as {
  regexen: Record<string, RegExp>;
  extractUrlsWithIndices(text: string, o: { extractUrlsWithoutProtocol: boolean }): Entity[];
  /** Sorts by start and drops overlaps, in place. */
  removeOverlappingEntities(entities: Entity[]): void;
};
// The module's export is the RegExp object twitter-text's extractor loops over.
const stockExtractUrl = require("twitter-text/dist/regexp/extractUrl") as RegExp;

/** twitter-text's regexSupplant: `#{name}` → that regex's source. */
function supplant(template: string, parts: Record<string, string>, flags = ""): RegExp {
  return new RegExp(
    template.replace(/#\{(\w+)\}/g, (_m, name: string) => {
      const p = parts[name] ?? tt.regexen[name]?.source;
      if (p === undefined) throw new Error(`no regex part ${name}`);
      return p;
    }),
    flags,
  );
}

// \p{White_Space} and the UCHARS ranges written for a non-unicode JavaScript regex.
const ws = "\\t\\n\\v\\f\\r \\x85\\xA0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000";
const uBmp = "\\xA0-\\uD7FF\\uF900-\\uFDCF\\uFDF0-\\uFFEF";
const uAstral = "[\\uD800-\\uDB3F\\uDB44-\\uDBFF][\\uDC00-\\uDFFF]";

const parts: Record<string, string> = {};
parts.valid_general_url_path_chars = `[^${ws}<>()?]`;
parts.valid_url_path_ending_chars = supplant(
  `[^${ws}()?!*"'「」<>;:=,.$%\\[\\]~&|@]|(?:#{validUrlBalancedParens})`,
  parts,
).source;
parts.valid_url_balanced_parens = supplant(
  "\\((?:#{valid_general_url_path_chars}+|(?:#{valid_general_url_path_chars}*\\(#{valid_general_url_path_chars}+\\)#{valid_general_url_path_chars}*))\\)",
  parts,
).source;
parts.valid_url_query_chars = `(?:[a-z0-9!?*'();:&=+$/%#\\[\\]\\-_.,~|@\\^${uBmp}]|${uAstral})`;
parts.valid_url_query_ending_chars = `(?:[a-z0-9_&=#/\\-${uBmp}]|${uAstral})`;
parts.valid_url_path = supplant(
  "(?:(?:#{valid_general_url_path_chars}*(?:#{valid_url_balanced_parens}#{valid_general_url_path_chars}*)*#{valid_url_path_ending_chars})|(?:#{valid_general_url_path_chars}+/))",
  parts,
).source;
const validUrl = supplant(
  "((#{validUrlPrecedingChars})(((?:https?|dat|dweb|ipfs|ipns|ssb|gopher|gemini)://)?(#{validDomain})(?::(#{validPortNumber}))?(/#{valid_url_path}*)?(\\?#{valid_url_query_chars}*#{valid_url_query_ending_chars})?))",
  parts,
  "gi",
);

const MENTION_RE =
  /(?<![=/\p{L}\p{M}\p{Nd}\p{Pc}])@(([a-z0-9_]+([.-]+[a-z0-9_]+)*)(?:@[\p{L}\p{M}\p{Nd}\p{Pc}.-]+[\p{L}\p{M}\p{Nd}\p{Pc}]+)?)/giu;

function serverUrls(text: string): Entity[] {
  // The extractor reads matches through exec, RegExp.$n and lastIndex: route all three to
  // Mastodon's pattern while this call runs.
  Object.defineProperty(stockExtractUrl, "exec", {
    configurable: true,
    value(s: string) {
      validUrl.lastIndex = stockExtractUrl.lastIndex;
      const m = validUrl.exec(s);
      stockExtractUrl.lastIndex = validUrl.lastIndex;
      return m;
    },
  });
  try {
    stockExtractUrl.lastIndex = 0;
    return tt.extractUrlsWithIndices(text, { extractUrlsWithoutProtocol: false });
  } finally {
    delete (stockExtractUrl as { exec?: unknown }).exec;
  }
}

function serverMentions(text: string): Entity[] {
  if (!tt.regexen.atSigns!.test(text)) return [];
  const found: Entity[] = [];
  for (const m of text.matchAll(MENTION_RE)) {
    const after = text.slice(m.index + m[0].length);
    if (tt.regexen.endMentionMatch!.test(after)) continue;
    found.push({ screenName: m[1], indices: [m.index, m.index + m[0].length] });
  }
  return found;
}

const segmenter = new Intl.Segmenter(undefined, { granularity: "grapheme" });
const graphemes = (s: string) => [...segmenter.segment(s)].length;

export function referenceCount(text: string, spoiler: string, urlLength = 23): number {
  let countable = "";
  if (!/^[\t\n\v\f\r \x85\xA0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]*$/.test(text)) {
    const entities = [...serverUrls(text), ...serverMentions(text)];
    if (entities.length > 0) tt.removeOverlappingEntities(entities);
    let last = 0;
    for (const e of entities) {
      countable += text.slice(last, e.indices[0]);
      countable += e.url !== undefined ? "x".repeat(urlLength) : `@${e.screenName!.split("@")[0]}`;
      last = e.indices[1];
    }
    countable += text.slice(last);
  }
  return graphemes(spoiler + countable);
}
