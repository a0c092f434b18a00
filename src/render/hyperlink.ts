// Links: what a reader is shown about where a link goes, and OSC 8 hyperlinks built only
// from URLs we parsed ourselves (a server can never hand us an escape sequence to forward).
import { sanitizeInline } from "./sanitize.js";

const OSC8_CLOSE = "\x1b]8;;\x1b\\";
const MAX_URL = 2048;

/** Parses an http(s) URL from a server; anything else (javascript:, mailto:, garbage) is null. */
export function parseWebUrl(href: string | null | undefined): URL | null {
  if (!href || href.length > MAX_URL) return null;
  try {
    const url = new URL(href);
    return url.protocol === "https:" || url.protocol === "http:" ? url : null;
  } catch {
    return null;
  }
}

/** The host a reader should see: punycode for international names (no look-alikes), no "www.". */
export function displayHost(url: URL): string {
  return sanitizeInline(url.hostname.replace(/^www\./, ""));
}

/** True when the link's visible text already names the host it points to. */
export function textNamesHost(text: string, url: URL): boolean {
  const host = url.hostname.replace(/^www\./, "").toLowerCase();
  const t = text
    .toLowerCase()
    .replace(/^https?:\/\//, "")
    .replace(/^www\./, "");
  if (!t.startsWith(host)) return false;
  const next = t.charAt(host.length);
  return next === "" || "/:?#…".includes(next);
}

/** Wraps visible text in an OSC 8 hyperlink, or returns it unchanged if the URL is not printable ASCII. */
export function osc8(url: URL, text: string): string {
  const target = url.href;
  if (!/^[\x21-\x7e]+$/.test(target) || target.length > MAX_URL) return text;
  return `\x1b]8;;${target}\x1b\\${text}${OSC8_CLOSE}`;
}
