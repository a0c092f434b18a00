// Is this a Mastodon-API server, and what does a new user need to know about it? Tries
// /api/v2/instance (4.0+) then /api/v1/instance (older Mastodon, Pleroma, GoToSocial…).

import { oneLine } from "../../config/one-line.js";
import { tl } from "../../i18n/index.js";
import { LoginError } from "./errors.js";
import { type FetchLike, requestJson } from "./http.js";

export interface InstanceFacts {
  /** The instance's account domain (may differ from the web host). */
  domain: string;
  title: string;
  version: string;
  /** PKCE S256 is supported from Mastodon 4.3 (api_versions.mastodon ≥ 2). */
  pkce: boolean;
  maxCharacters: number;
  /** Rule texts, made safe for the terminal. */
  rules: string[];
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json =>
  typeof v === "object" && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === "string" ? v : undefined);

function supportsPkce(version: string, apiVersions: unknown): boolean {
  if (isObject(apiVersions) && typeof apiVersions.mastodon === "number")
    return apiVersions.mastodon >= 2;
  // Forks report "2.7.2 (compatible; Pleroma 2.6)"; only plain Mastodon versions count here.
  const match = /^(\d+)\.(\d+)\.\d+(?:[-+][\w.-]*)?$/.exec(version);
  if (!match) return false;
  const major = Number(match[1]);
  const minor = Number(match[2]);
  return major > 4 || (major === 4 && minor >= 3);
}

function maxCharacters(body: Json): number {
  const config = isObject(body.configuration) ? body.configuration : {};
  const statuses = isObject(config.statuses) ? config.statuses : {};
  const value = statuses.max_characters ?? body.max_toot_chars;
  return typeof value === "number" && Number.isInteger(value) && value > 0 ? value : 500;
}

function ruleTexts(value: unknown): string[] | undefined {
  if (!Array.isArray(value)) return undefined;
  return value
    .map((r) => (isObject(r) ? str(r.text) : undefined))
    .filter((t): t is string => Boolean(t))
    .slice(0, 50)
    .map((t) => oneLine(t, 300));
}

function cleanDomain(value: string | undefined, fallback: string): string {
  const domain = value?.toLowerCase();
  return domain && /^[a-z0-9.-]+(:\d+)?$/.test(domain) ? domain : fallback;
}

export async function checkInstance(fetchImpl: FetchLike, origin: URL): Promise<InstanceFacts> {
  const v2 = await requestJson(fetchImpl, new URL("/api/v2/instance", origin));
  let body: Json | undefined;
  let domain: string | undefined;
  if (
    v2.status === 200 &&
    isObject(v2.body) &&
    str(v2.body.domain) &&
    isObject(v2.body.configuration)
  ) {
    body = v2.body;
    domain = str(v2.body.domain);
  } else {
    const v1 = await requestJson(fetchImpl, new URL("/api/v1/instance", origin));
    if (v1.status === 200 && isObject(v1.body) && str(v1.body.uri)) {
      body = v1.body;
      // v1's uri is the bare domain on Mastodon, a full URL on some forks.
      domain = str(v1.body.uri)
        ?.replace(/^https?:\/\//, "")
        .replace(/\/.*$/, "");
    }
  }
  if (!body) {
    throw new LoginError("not-mastodon", tl("login.notMastodon", { host: origin.host }));
  }
  const version = oneLine(str(body.version) ?? "", 60);
  let rules = ruleTexts(body.rules);
  if (!rules) {
    const reply = await requestJson(fetchImpl, new URL("/api/v1/instance/rules", origin)).catch(
      () => undefined,
    );
    rules = reply?.status === 200 ? (ruleTexts(reply.body) ?? []) : [];
  }
  return {
    domain: cleanDomain(domain, origin.host),
    title: oneLine(str(body.title) ?? origin.host, 80),
    version,
    pkce: supportsPkce(version, body.api_versions),
    maxCharacters: maxCharacters(body),
    rules,
  };
}
