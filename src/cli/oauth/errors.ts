// Every way a login can fail, as one line a user can act on. Node's fetch hides the real
// reason in error.cause.code (ENOTFOUND, ECONNREFUSED, CERT_HAS_EXPIRED…); we read it here
// and nowhere else.

import { oneLine } from "../../config/one-line.js";
import { tl } from "../../i18n/index.js";

export type LoginErrorKind =
  | "unknown-host"
  | "not-mastodon"
  | "tls"
  | "network"
  | "bad-code"
  | "unknown-client"
  | "server"
  | "cancelled";

export class LoginError extends Error {
  override name = "LoginError";
  constructor(
    readonly kind: LoginErrorKind,
    message: string,
  ) {
    super(message);
  }
}

function causeCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string") return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

function innermostMessage(error: unknown): string {
  let current: unknown = error;
  while ((current as { cause?: unknown })?.cause) current = (current as { cause: unknown }).cause;
  const message = (current as { message?: unknown })?.message;
  return typeof message === "string" ? oneLine(message, 60) : tl("login.unknownError");
}

const TLS_CODE = /CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_(GET|VERIFY)|EPROTO/;

/** Maps a fetch rejection to a LoginError for the given host. */
export function networkFailure(error: unknown, host: string): LoginError {
  const name = (error as { name?: unknown })?.name;
  if (name === "TimeoutError" || name === "AbortError") {
    return new LoginError("network", tl("login.noAnswer", { host }));
  }
  const code = causeCode(error) ?? innermostMessage(error);
  if (code === "ENOTFOUND") {
    return new LoginError("unknown-host", tl("login.unknownHost", { host }));
  }
  if (TLS_CODE.test(code)) {
    return new LoginError("tls", tl("login.tls", { host, code }));
  }
  return new LoginError("network", tl("login.network", { host, code }));
}
