// The few HTTP calls a login needs, with plain fetch. masto.js has no helpers worth using
// for the OAuth code flow (no PKCE, no token exchange, no revoke), and we need the raw
// status codes to tell "wrong code" from "server broken" anyway.

import { oneLine } from "../../config/one-line.js";
import { tl } from "../../i18n/index.js";
import { LoginError, networkFailure } from "./errors.js";

export type FetchLike = typeof fetch;

export interface HttpResult {
  status: number;
  body: unknown;
}

const TIMEOUT_MS = 20_000;
const MAX_BODY = 2_000_000;

export interface RequestOptions {
  method?: "GET" | "POST";
  form?: Record<string, string>;
  bearer?: string;
}

/** One request; JSON body parsed (undefined if not JSON). Redirects are refused, not followed. */
export async function requestJson(
  fetchImpl: FetchLike,
  url: URL,
  options: RequestOptions = {},
): Promise<HttpResult> {
  const headers: Record<string, string> = { accept: "application/json" };
  if (options.bearer) headers.authorization = `Bearer ${options.bearer}`;
  const init: RequestInit = {
    method: options.method ?? "GET",
    headers,
    // Following a redirect could carry a client secret or token to another host, or to http.
    redirect: "manual",
    signal: AbortSignal.timeout(TIMEOUT_MS),
  };
  if (options.form) {
    headers["content-type"] = "application/x-www-form-urlencoded";
    init.body = new URLSearchParams(options.form).toString();
  }
  let response: Response;
  let text: string;
  try {
    response = await fetchImpl(url, init);
    text = await response.text();
  } catch (error) {
    throw networkFailure(error, url.host);
  }
  if (response.status >= 300 && response.status < 400) {
    const location = oneLine(response.headers.get("location") ?? "elsewhere", 100);
    throw new LoginError(
      "server",
      tl("login.redirects", { host: url.host, path: url.pathname, location }),
    );
  }
  if (text.length > MAX_BODY) {
    throw new LoginError("server", tl("login.oversized", { host: url.host, path: url.pathname }));
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  return { status: response.status, body };
}

/** The server's own error text (`error_description` or `error`), made safe for one line. */
export function serverErrorText(body: unknown): string {
  if (typeof body !== "object" || body === null) return "";
  const b = body as Record<string, unknown>;
  const text = typeof b.error_description === "string" ? b.error_description : b.error;
  return typeof text === "string" ? oneLine(text, 120) : "";
}
