// Autocomplete candidates for the composer: "@ali" and "#tag" through /api/v2/search,
// ":blob" through the instance's custom emojis (fetched once per session).
import type { RestClient } from "./rest.js";

const ACCT = /^[A-Za-z0-9_](?:[A-Za-z0-9_.-]*[A-Za-z0-9_])?(?:@[A-Za-z0-9.-]+)?$/;
const TAG = /^[\p{L}\p{N}_]+$/u;
const SHORTCODE = /^[A-Za-z0-9_]+$/;

function list(v: unknown): Record<string, unknown>[] {
  return Array.isArray(v) ? v.filter((x) => x && typeof x === "object") : [];
}

/** Returns `complete(prefix)`: full replacements for the prefix, best first (at most `limit`). */
export function completer(rest: RestClient, limit = 8): (prefix: string) => Promise<string[]> {
  let emojis: Promise<string[]> | null = null;
  const shortcodes = () => {
    emojis ??= rest
      .request<unknown>({ method: "GET", path: "/api/v1/custom_emojis" })
      .then((data) =>
        list(data)
          .filter((e) => e.visibleInPicker !== false)
          .map((e) => e.shortcode)
          .filter((s): s is string => typeof s === "string" && SHORTCODE.test(s)),
      )
      .catch((err: unknown) => {
        emojis = null; // try again next time
        throw err;
      });
    return emojis;
  };

  return async (prefix) => {
    const sigil = prefix[0];
    const word = prefix.slice(1);
    if (sigil === ":") {
      const lower = word.toLowerCase();
      const codes = await shortcodes();
      return codes
        .filter((c) => c.toLowerCase().startsWith(lower))
        .sort((a, b) => a.length - b.length || a.localeCompare(b))
        .slice(0, limit)
        .map((c) => `:${c}:`);
    }
    if (sigil !== "@" && sigil !== "#") return [];
    if (word === "") return [];
    const type = sigil === "@" ? "accounts" : "hashtags";
    const data = await rest.request<Record<string, unknown>>({
      method: "GET",
      path: "/api/v2/search",
      params: { q: prefix, type, limit, resolve: false },
    });
    if (sigil === "@") {
      return list(data?.accounts)
        .map((a) => a.acct)
        .filter((a): a is string => typeof a === "string" && ACCT.test(a))
        .map((a) => `@${a}`);
    }
    return list(data?.hashtags)
      .map((t) => t.name)
      .filter((n): n is string => typeof n === "string" && TAG.test(n))
      .map((n) => `#${n}`);
  };
}
