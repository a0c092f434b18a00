// Mastodon's experimental async refreshes (4.4+, methods/async_refreshes.md): an answer that is
// not complete yet (a thread whose remote replies are being fetched, a home feed being
// regenerated) carries
//   Mastodon-Async-Refresh: id="<string>", retry=<int>, result_count=<int>
// `retry` is how many seconds to wait at least before asking again (the same endpoint, or
// GET /api/v1_alpha/async_refreshes/:id); `result_count` is optional.
import type { HeaderReader } from "./http-exchange.js";
import type { RestClient } from "./rest.js";

export interface AsyncRefreshHint {
  id: string;
  retrySeconds: number;
  /** Results the refresh has brought so far, when the server says. */
  resultCount?: number;
}

export interface AsyncRefreshStatus {
  id: string;
  status: "running" | "finished";
  resultCount?: number;
}

/** A hostile or broken server may ask for any wait: kept between 1 s and 5 minutes. */
const MIN_RETRY_S = 1;
const MAX_RETRY_S = 300;
const MAX_ID_LENGTH = 512;

/** Reads the header's value (a comma-separated list of key=value, the id quoted). */
export function parseAsyncRefresh(value: string | null | undefined): AsyncRefreshHint | undefined {
  if (typeof value !== "string" || value.length > 2048) return undefined;
  const fields = new Map<string, string>();
  for (const part of value.split(",")) {
    const m = /^\s*([a-z_]+)\s*=\s*(?:"([^"]*)"|([^\s"]*))\s*$/i.exec(part);
    if (m) fields.set(m[1]!.toLowerCase(), m[2] ?? m[3] ?? "");
  }
  const id = fields.get("id");
  if (!id || id.length > MAX_ID_LENGTH || !/^[\x21-\x7e]+$/.test(id)) return undefined;
  const retry = Number(fields.get("retry"));
  const retrySeconds = Number.isFinite(retry)
    ? Math.min(MAX_RETRY_S, Math.max(MIN_RETRY_S, Math.round(retry)))
    : MIN_RETRY_S * 3;
  const count = Number(fields.get("result_count"));
  return {
    id,
    retrySeconds,
    ...(fields.has("result_count") && Number.isInteger(count) && count >= 0
      ? { resultCount: count }
      : {}),
  };
}

/** The hint on an answer, if it has one. */
export function asyncRefreshOf(headers: HeaderReader | undefined): AsyncRefreshHint | undefined {
  return parseAsyncRefresh(headers?.get("mastodon-async-refresh"));
}

/** GET /api/v1_alpha/async_refreshes/:id → `{ async_refresh: { id, status, result_count } }`. */
export async function fetchAsyncRefresh(
  rest: Pick<RestClient, "request">,
  id: string,
): Promise<AsyncRefreshStatus> {
  const data = await rest.request<{ asyncRefresh?: Record<string, unknown> } | null>({
    method: "GET",
    path: `/api/v1_alpha/async_refreshes/${encodeURIComponent(id)}`,
  });
  const r = data?.asyncRefresh ?? {};
  const count = r.resultCount;
  return {
    id,
    // Anything but "running" means no more is coming from this job.
    status: r.status === "running" ? "running" : "finished",
    ...(typeof count === "number" && Number.isInteger(count) && count >= 0
      ? { resultCount: count }
      : {}),
  };
}
