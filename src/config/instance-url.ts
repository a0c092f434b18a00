// Turns what a user types ("mastodon.social", "@me@mastodon.social", a pasted profile URL)
// into the instance's origin. Plain http is allowed only to this machine: a token sent
// over http anywhere else can be read by anyone on the path.
import { tl } from "../i18n/index.js";
import { oneLine } from "./one-line.js";

export class InstanceUrlError extends Error {
  override name = "InstanceUrlError";
}

export function isLoopback(hostname: string): boolean {
  if (hostname === "localhost" || hostname.endsWith(".localhost")) return true;
  if (hostname === "[::1]") return true;
  // WHATWG URL parsing has already turned forms like "127.1" into dotted quads.
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname);
}

function isIpLiteral(hostname: string): boolean {
  return hostname.startsWith("[") || /^\d{1,3}(\.\d{1,3}){3}$/.test(hostname);
}

/** Returns the instance's origin as a URL (path, query and fragment dropped). */
export function normaliseInstanceUrl(input: string): URL {
  const shown = oneLine(input, 80);
  let text = input.trim();
  if (text === "") throw new InstanceUrlError(tl("url.none"));
  // An account handle: @user@host or user@host, but not a URL with credentials in it.
  const handle = /^@?[A-Za-z0-9_.-]+@([^\s/@:]+(?::\d+)?)$/.exec(text);
  if (handle?.[1]) text = handle[1];
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) text = `https://${text}`;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new InstanceUrlError(tl("url.notInstance", { input: shown }));
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new InstanceUrlError(tl("url.notHttps", { input: shown }));
  }
  if (url.username || url.password) {
    throw new InstanceUrlError(tl("url.credentials", { input: shown }));
  }
  const host = url.hostname;
  if (host === "" || (!host.includes(".") && !isLoopback(host) && !isIpLiteral(host))) {
    throw new InstanceUrlError(tl("url.notInstance", { input: shown }));
  }
  if (url.protocol === "http:" && !isLoopback(host)) {
    throw new InstanceUrlError(tl("url.plainHttp", { host: url.host }));
  }
  return new URL(url.origin);
}

/** The origin as a string without the trailing slash URL.href adds: a stable key for caches. */
export function instanceKey(url: URL): string {
  return url.origin;
}
