// NodeInfo (nodeinfo.diaspora.software/protocol): `/.well-known/nodeinfo` lists links to the
// document by schema version; the document names the software and its version. Every
// Mastodon-API server publishes it (Mastodon, GoToSocial, Pleroma/Akkoma, Hollo, Misskey and
// its forks, snac), and it is public: no token is sent.

import { NetworkError } from "./errors.js";
import { exchange, type HttpAnswer, TOO_LARGE } from "./http-exchange.js";
import { cutDeeperThan } from "./server-json.js";
import type { Software } from "./server-profile.js";

/** NodeInfo documents are a few hundred bytes; anything far bigger is not one. */
const MAX_BYTES = 256 * 1024;
const SCHEMA = /^https?:\/\/nodeinfo\.diaspora\.software\/ns\/schema\/2\.(\d+)$/;

export type FetchJson = (url: string, signal: AbortSignal) => Promise<unknown>;

/** GETs JSON without credentials; undefined for anything that is not a readable JSON answer. */
export function plainFetchJson(): FetchJson {
  return async (url, signal) => {
    let res: HttpAnswer;
    try {
      res = await exchange({
        method: "GET",
        url: new URL(url),
        headers: { Accept: "application/json" },
        signal,
        maxBytes: MAX_BYTES,
      });
    } catch (err) {
      if (err instanceof NetworkError && err.detail === TOO_LARGE) return undefined;
      throw err;
    }
    if (res.status < 200 || res.status > 299) return undefined;
    try {
      return cutDeeperThan(JSON.parse(res.text));
    } catch {
      return undefined;
    }
  };
}

function obj(v: unknown): Record<string, unknown> {
  return v !== null && typeof v === "object" && !Array.isArray(v)
    ? (v as Record<string, unknown>)
    : {};
}

/** The newest 2.x document link, only on the instance's own origin (it could point anywhere). */
export function nodeinfoDocumentUrl(index: unknown, instanceUrl: string): string | undefined {
  const links = obj(index).links;
  if (!Array.isArray(links)) return undefined;
  const origin = new URL(instanceUrl).origin;
  let best: { minor: number; href: string } | undefined;
  for (const link of links.slice(0, 20)) {
    const { rel, href } = obj(link);
    if (typeof rel !== "string" || typeof href !== "string") continue;
    const m = SCHEMA.exec(rel);
    if (!m) continue;
    let url: URL;
    try {
      url = new URL(href, instanceUrl);
    } catch {
      continue;
    }
    if (url.origin !== origin) continue;
    const minor = Number(m[1]);
    if (!best || minor > best.minor) best = { minor, href: url.toString() };
  }
  return best?.href;
}

/** `software` of a NodeInfo document, bounded and checked. */
export function softwareOf(doc: unknown): Software | undefined {
  const software = obj(obj(doc).software);
  const name = software.name;
  const version = software.version;
  if (typeof name !== "string" || !/^[a-z0-9._-]{1,64}$/i.test(name)) return undefined;
  return {
    name: name.toLowerCase(),
    version: typeof version === "string" ? version.slice(0, 64) : "",
  };
}

/** Asks the server what it is; undefined when it does not say (never an error). */
export async function fetchSoftware(
  instanceUrl: string,
  get: FetchJson,
  signal: AbortSignal,
): Promise<Software | undefined> {
  const base = instanceUrl.replace(/\/+$/, "");
  const index = await get(`${base}/.well-known/nodeinfo`, signal);
  const href = nodeinfoDocumentUrl(index, instanceUrl);
  return href ? softwareOf(await get(href, signal)) : undefined;
}
