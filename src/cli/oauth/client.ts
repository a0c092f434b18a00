// The OAuth code flow for a terminal: register an app (once per instance), send the user to
// the authorise page, exchange the code they paste, check the token, and revoke it at logout.

import type { RegisteredApp } from "../../config/apps.js";
import { tl } from "../../i18n/index.js";
import { LoginError } from "./errors.js";
import { type FetchLike, requestJson, serverErrorText } from "./http.js";

/** `follow` is deprecated; read write push covers everything tootty does. */
export const SCOPES = "read write push";
/** Out-of-band: the server shows the code on a page; nothing has to listen locally (SSH). */
export const OOB_REDIRECT = "urn:ietf:wg:oauth:2.0:oob";
export const CLIENT_NAME = "tootty";
export const CLIENT_WEBSITE = "https://github.com/tootty/tootty";

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json =>
  typeof v === "object" && v !== null && !Array.isArray(v);

export async function registerApp(fetchImpl: FetchLike, origin: URL): Promise<RegisteredApp> {
  const reply = await requestJson(fetchImpl, new URL("/api/v1/apps", origin), {
    method: "POST",
    form: {
      client_name: CLIENT_NAME,
      redirect_uris: OOB_REDIRECT,
      scopes: SCOPES,
      website: CLIENT_WEBSITE,
    },
  });
  const body = reply.body;
  if (
    reply.status !== 200 ||
    !isObject(body) ||
    typeof body.client_id !== "string" ||
    typeof body.client_secret !== "string"
  ) {
    const why = serverErrorText(body);
    throw new LoginError(
      "server",
      tl("login.refusedRegister", httpWords(origin, reply.status, why)),
    );
  }
  return {
    client_id: body.client_id,
    client_secret: body.client_secret,
    scopes: SCOPES,
    redirect_uri: OOB_REDIRECT,
    registered_at: new Date().toISOString(),
  };
}

export function authorizeUrl(
  origin: URL,
  app: RegisteredApp,
  options: { challenge?: string; forceLogin?: boolean },
): URL {
  const url = new URL("/oauth/authorize", origin);
  url.searchParams.set("response_type", "code");
  url.searchParams.set("client_id", app.client_id);
  url.searchParams.set("redirect_uri", app.redirect_uri);
  url.searchParams.set("scope", app.scopes);
  if (options.challenge) {
    url.searchParams.set("code_challenge", options.challenge);
    url.searchParams.set("code_challenge_method", "S256");
  }
  // Adding a second account on the same server: let the user sign in as someone else.
  if (options.forceLogin) url.searchParams.set("force_login", "true");
  return url;
}

export async function exchangeCode(
  fetchImpl: FetchLike,
  origin: URL,
  app: RegisteredApp,
  code: string,
  verifier?: string,
): Promise<string> {
  const form: Record<string, string> = {
    grant_type: "authorization_code",
    code,
    client_id: app.client_id,
    client_secret: app.client_secret,
    redirect_uri: app.redirect_uri,
    scope: app.scopes,
  };
  if (verifier) form.code_verifier = verifier;
  const reply = await requestJson(fetchImpl, new URL("/oauth/token", origin), {
    method: "POST",
    form,
  });
  const body = reply.body;
  if (
    reply.status === 200 &&
    isObject(body) &&
    typeof body.access_token === "string" &&
    body.access_token
  ) {
    return body.access_token;
  }
  const error = isObject(body) ? body.error : undefined;
  if (error === "invalid_grant") {
    throw new LoginError("bad-code", tl("login.badCode", { host: origin.host }));
  }
  if (error === "invalid_client") {
    throw new LoginError("unknown-client", tl("login.unknownClient", { host: origin.host }));
  }
  const why = serverErrorText(body);
  throw new LoginError("server", tl("login.refusedExchange", httpWords(origin, reply.status, why)));
}

/** The host, the status and the server's own words (if any) for a refusal's message. */
function httpWords(origin: URL, status: number, why: string | undefined) {
  return { host: origin.host, status: String(status), why: why ? `: ${why}` : "" };
}

export interface VerifiedAccount {
  username: string;
}

export async function verifyCredentials(
  fetchImpl: FetchLike,
  origin: URL,
  token: string,
): Promise<VerifiedAccount> {
  const reply = await requestJson(
    fetchImpl,
    new URL("/api/v1/accounts/verify_credentials", origin),
    { bearer: token },
  );
  const body = reply.body;
  if (
    reply.status === 200 &&
    isObject(body) &&
    typeof body.username === "string" &&
    /^[\w.-]{1,64}$/.test(body.username)
  ) {
    return { username: body.username };
  }
  const why = serverErrorText(body);
  throw new LoginError(
    "server",
    tl("login.tokenNotAccepted", httpWords(origin, reply.status, why)),
  );
}

/** Revokes a token; resolves when the server confirms, throws a LoginError otherwise. */
export async function revokeToken(
  fetchImpl: FetchLike,
  origin: URL,
  app: RegisteredApp | undefined,
  token: string,
): Promise<void> {
  const form: Record<string, string> = { token };
  if (app) {
    form.client_id = app.client_id;
    form.client_secret = app.client_secret;
  }
  const reply = await requestJson(fetchImpl, new URL("/oauth/revoke", origin), {
    method: "POST",
    form,
  });
  if (reply.status === 200) return;
  const why = serverErrorText(reply.body);
  throw new LoginError("server", tl("login.notRevoked", httpWords(origin, reply.status, why)));
}
