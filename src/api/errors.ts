// Typed failures of the API room, and the ONE place they become words for the status line.
import { MastoHttpError, MastoTimeoutError, MastoUnexpectedError } from "masto";
import { type MessageKey, type Params, tl } from "../i18n/index.js";
import type { HeaderReader } from "./http-exchange.js";

/** The server said 429: nothing may be sent to this account until `until`. */
export class RateLimitedError extends Error {
  override readonly name = "RateLimitedError";
  constructor(readonly until: Date) {
    super(`rate limited until ${until.toISOString()}`);
  }
}

/** 401: the token is revoked or wrong. Retrying cannot help; the user must log in again. */
export class UnauthorizedError extends Error {
  override readonly name = "UnauthorizedError";
  constructor(readonly serverMessage?: string) {
    super(serverMessage ? `token rejected: ${serverMessage}` : "token rejected");
  }
}

/**
 * 5xx, or an error page that is not JSON. nginx answers 502/503/504 with HTML under load and
 * masto turns that into a bare TypeError without the status: then `status` is undefined.
 */
export class ServerUnavailableError extends Error {
  override readonly name = "ServerUnavailableError";
  constructor(readonly status?: number) {
    super(status ? `server unavailable (HTTP ${status})` : "server unavailable");
  }
}

/** The request never got an HTTP answer: DNS, refused connection, reset, offline. */
export class NetworkError extends Error {
  override readonly name = "NetworkError";
  constructor(readonly detail?: string) {
    super(detail ? `network error: ${detail}` : "network error");
  }
}

export class RequestTimeoutError extends Error {
  override readonly name = "RequestTimeoutError";
  constructor(readonly afterMs: number) {
    super(`no answer after ${Math.round(afterMs / 1000)} s`);
  }
}

/** Any other HTTP error with the server's own text (e.g. 422 "Validation failed: ..."). */
export class HttpError extends Error {
  override readonly name = "HttpError";
  constructor(
    readonly status: number,
    readonly serverMessage: string,
  ) {
    super(`HTTP ${status}: ${serverMessage}`);
  }
}

/**
 * This server has no such endpoint (it answered 404/405/410/501 where Mastodon has one, or is
 * known not to have it): said only where the user asked for the feature, never as an error.
 */
export class NotSupportedError extends Error {
  override readonly name = "NotSupportedError";
  constructor(readonly feature: string) {
    super(`${feature} is not supported by this server`);
  }
}

/** The request was cancelled because the client is closing; never shown to the user. */
export class RequestAbortedError extends Error {
  override readonly name = "RequestAbortedError";
  constructor() {
    super("request aborted");
  }
}

/**
 * A failure of tootty's own making that the user reads (a server's answer it cannot use, a
 * step this client cannot take): `describeError` says the catalogue's `key` with `params`.
 * The English message is for logs and stack traces only.
 */
export class ProblemError extends Error {
  override readonly name = "ProblemError";
  constructor(
    readonly key: MessageKey,
    readonly params?: Params,
  ) {
    super(`${key}${params ? ` ${JSON.stringify(params)}` : ""}`);
  }
}

export type ApiError =
  | RateLimitedError
  | UnauthorizedError
  | ServerUnavailableError
  | NetworkError
  | RequestTimeoutError
  | HttpError
  | NotSupportedError
  | RequestAbortedError;

/** Strips control characters so a hostile server message cannot drive the terminal. */
function clean(text: string, max = 120): string {
  const flat = text.replace(/[\u0000-\u001f\u007f-\u009f]+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

export function formatClockTime(at: Date): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `${p(at.getHours())}:${p(at.getMinutes())}:${p(at.getSeconds())}`;
}

/**
 * One line for the status bar, in the interface language (logical order: the shell puts what
 * it draws in display order). Every error shown to the user goes through here.
 */
export function describeError(err: unknown): string {
  if (err instanceof RateLimitedError)
    return tl("error.rateLimited", { time: formatClockTime(err.until) });
  if (err instanceof UnauthorizedError) return tl("error.tokenRejected");
  if (err instanceof ServerUnavailableError)
    return err.status
      ? tl("error.unavailableStatus", { status: String(err.status) })
      : tl("error.unavailable");
  if (err instanceof NetworkError)
    return err.detail
      ? tl("error.unreachableDetail", { detail: clean(err.detail, 60) })
      : tl("error.unreachable");
  if (err instanceof RequestTimeoutError)
    return tl("error.timeout", { count: Math.round(err.afterMs / 1000) });
  if (err instanceof HttpError)
    return tl("error.refused", { status: String(err.status), message: clean(err.serverMessage) });
  if (err instanceof RequestAbortedError) return tl("error.cancelled");
  if (err instanceof NotSupportedError) return tl("error.notSupported");
  if (err instanceof ProblemError) return tl(err.key, err.params);
  if (err instanceof Error) return tl("error.unexpectedDetail", { message: clean(err.message) });
  return tl("error.unexpected");
}

/** Reads X-RateLimit-Reset (ISO 8601, or seconds as some servers send); undefined if unusable. */
export function parseRateLimitReset(
  value: string | null | undefined,
  now: number,
): Date | undefined {
  if (!value) return undefined;
  if (/^\d+(\.\d+)?$/.test(value.trim())) {
    const n = Number(value);
    // Epoch seconds (big) or delta seconds (small).
    return new Date(n > 1e9 ? n * 1000 : now + n * 1000);
  }
  const t = Date.parse(value);
  return Number.isNaN(t) ? undefined : new Date(t);
}

/**
 * What the server said: `error`, with `error_description` after it where there is one (OAuth
 * errors, RFC 6749 §5.2; Sharkey's Mastodon API answers `MAX_LENGTH` and the sentence there).
 */
function serverSentence(err: MastoHttpError): string {
  const message = err.message || "";
  const description = typeof err.description === "string" ? err.description.trim() : "";
  if (!description || description === message) return message;
  return message ? `${message}: ${description}` : description;
}

/** The headers of the answer an error came from (http-exchange.ts's, or fetch's Response). */
function errorHeaders(err: MastoHttpError): HeaderReader | undefined {
  const headers = (err as { cause?: { headers?: Partial<HeaderReader> } }).cause?.headers;
  return typeof headers?.get === "function" ? (headers as HeaderReader) : undefined;
}

/**
 * Turns whatever masto (or fetch) threw into one of our typed errors.
 * `now` lets a 429 without a usable reset header default to a short pause.
 */
export function classifyError(
  err: unknown,
  now: number,
  defaultPauseMs = 60_000,
): ApiError | Error {
  if (
    err instanceof RateLimitedError ||
    err instanceof UnauthorizedError ||
    err instanceof ServerUnavailableError ||
    err instanceof NetworkError ||
    err instanceof RequestTimeoutError ||
    err instanceof HttpError ||
    err instanceof NotSupportedError ||
    err instanceof RequestAbortedError
  )
    return err;
  if (err instanceof MastoHttpError) {
    const status = err.statusCode;
    if (status === 429) {
      const reset = parseRateLimitReset(errorHeaders(err)?.get("x-ratelimit-reset"), now);
      return new RateLimitedError(reset ?? new Date(now + defaultPauseMs));
    }
    if (status === 401) return new UnauthorizedError(err.message || undefined);
    if (status >= 500) return new ServerUnavailableError(status);
    return new HttpError(status, serverSentence(err));
  }
  if (err instanceof MastoTimeoutError) return new RequestTimeoutError(15_000);
  // masto: "The server returned data with an unknown encoding. The server may be down."
  if (err instanceof MastoUnexpectedError) return new ServerUnavailableError();
  if (err instanceof TypeError) {
    // undici: TypeError("fetch failed") with the socket error as cause.
    if (err.message === "fetch failed" || (err as { cause?: unknown }).cause instanceof Error) {
      const cause = (err as { cause?: { code?: string; message?: string } }).cause;
      return new NetworkError(cause?.code ?? cause?.message);
    }
    // masto on an HTML error page: destructures the undefined body → bare TypeError, status lost.
    return new ServerUnavailableError();
  }
  if (err instanceof Error && (err.name === "AbortError" || err.name === "TimeoutError"))
    return new RequestAbortedError();
  return err instanceof Error ? err : new Error(String(err));
}
