// OAuth for the login flow, as Mastodon (Doorkeeper) does it: app registration,
// authorisation code (shown on a page for the out-of-band redirect), PKCE S256, token, revoke.
// The demo user is always "signed in", so authorising needs no password.

import { createHash, randomBytes } from "node:crypto";
import { escapeHtml } from "./html.js";
import { json, type Reply, type RequestContext, type Route, route, str } from "./http-kit.js";
import type { TokenRegistry } from "./tokens.js";

const OOB = "urn:ietf:wg:oauth:2.0:oob";
const CODE_TTL_MS = 10 * 60_000;

interface App {
  id: string;
  name: string;
  website: string | null;
  redirectUris: string[];
  scopes: string[];
  clientId: string;
  clientSecret: string;
}

interface Grant {
  clientId: string;
  redirectUri: string;
  scopes: string[];
  challenge: string | null;
  expiresAt: number;
}

const INVALID_GRANT = json(400, {
  error: "invalid_grant",
  error_description:
    "The provided authorization grant is invalid, expired, revoked, does not match the redirection URI used in the authorization request, or was issued to another client.",
});
const INVALID_CLIENT = json(401, {
  error: "invalid_client",
  error_description:
    "Client authentication failed due to unknown client, no client authentication included, or unsupported authentication method.",
});

function words(value: unknown): string[] {
  if (Array.isArray(value))
    return value
      .map(String)
      .flatMap((v) => v.split(/\s+/))
      .filter(Boolean);
  return (str(value) ?? "").split(/\s+/).filter(Boolean);
}

function secret(): string {
  return randomBytes(32).toString("base64url");
}

function htmlPage(status: number, title: string, body: string): Reply {
  return {
    status,
    contentType: "text/html; charset=utf-8",
    text: `<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)} - tootty demo</title></head><body>${body}</body></html>\n`,
  };
}

export class OAuthProvider {
  private readonly apps = new Map<string, App>();
  private readonly grants = new Map<string, Grant>();
  private nextAppId = 7;

  constructor(
    private readonly tokens: TokenRegistry,
    private readonly now: () => number,
  ) {}

  routes(): Route[] {
    return [
      route("POST", "/api/v1/apps", (ctx) => this.register(ctx)),
      route("GET", "/oauth/authorize", (ctx) => this.authorize(ctx)),
      route("POST", "/oauth/token", (ctx) => this.token(ctx)),
      route("POST", "/oauth/revoke", (ctx) => this.revoke(ctx)),
    ];
  }

  private register(ctx: RequestContext): Reply {
    const name = str(ctx.body.client_name)?.trim();
    if (!name) return json(422, { error: "Validation failed: Application name can't be blank" });
    const redirectUris = words(ctx.body.redirect_uris);
    if (redirectUris.length === 0)
      return json(422, { error: "Validation failed: Redirect URI can't be blank" });
    const scopes = words(ctx.body.scopes);
    const app: App = {
      id: String(this.nextAppId++),
      name,
      website: str(ctx.body.website) ?? null,
      redirectUris,
      scopes: scopes.length > 0 ? scopes : ["read"],
      clientId: secret(),
      clientSecret: secret(),
    };
    this.apps.set(app.clientId, app);
    return json(200, {
      id: app.id,
      name: app.name,
      website: app.website,
      scopes: app.scopes,
      redirect_uri: app.redirectUris.join("\n"),
      redirect_uris: app.redirectUris,
      vapid_key:
        "BCk-QqERU0q-CfYZjcuB6lnyyOYfJ2AifKqfeGIm7Z-HiTU5T9eTG5GxVA0_OH5mMlI4UkkDTpaZwozy0TzdZ2M=",
      client_id: app.clientId,
      client_secret: app.clientSecret,
      client_secret_expires_at: 0,
    });
  }

  private authorize(ctx: RequestContext): Reply {
    const q = ctx.url.searchParams;
    const app = this.apps.get(q.get("client_id") ?? "");
    if (!app)
      return htmlPage(
        401,
        "An error has occurred",
        "<p>Client authentication failed due to unknown client.</p>",
      );
    const redirectUri = q.get("redirect_uri") ?? "";
    if (!app.redirectUris.includes(redirectUri)) {
      return htmlPage(
        400,
        "An error has occurred",
        "<p>The requested redirect uri is malformed or doesn't match client redirect URI.</p>",
      );
    }
    if (q.get("response_type") !== "code") {
      return htmlPage(
        400,
        "An error has occurred",
        "<p>The authorization server does not support this response type.</p>",
      );
    }
    const scopes = words(q.get("scope") ?? "read");
    if (
      !scopes.every((s) => app.scopes.includes(s) || app.scopes.includes(s.split(":")[0] ?? ""))
    ) {
      return htmlPage(
        400,
        "An error has occurred",
        "<p>The requested scope is invalid, unknown, or malformed.</p>",
      );
    }
    const challenge = q.get("code_challenge");
    if (challenge && q.get("code_challenge_method") !== "S256") {
      return htmlPage(
        400,
        "An error has occurred",
        "<p>The code challenge method must be S256.</p>",
      );
    }
    const code = secret();
    this.grants.set(code, {
      clientId: app.clientId,
      redirectUri,
      scopes,
      challenge,
      expiresAt: this.now() + CODE_TTL_MS,
    });
    if (redirectUri === OOB) {
      return htmlPage(
        200,
        "Authorization code",
        `<div class="simple_form"><p class="hint">Copy this authorization code and paste it to the application.</p><input class="oauth-code" readonly="readonly" type="text" value="${escapeHtml(code)}"></div>`,
      );
    }
    const target = new URL(redirectUri);
    target.searchParams.set("code", code);
    const state = q.get("state");
    if (state) target.searchParams.set("state", state);
    return { status: 302, text: "", headers: { Location: target.toString() } };
  }

  private token(ctx: RequestContext): Reply {
    const b = ctx.body;
    const app = this.apps.get(str(b.client_id) ?? "");
    if (str(b.grant_type) !== "authorization_code") {
      return json(400, {
        error: "unsupported_grant_type",
        error_description:
          "The authorization grant type is not supported by the authorization server.",
      });
    }
    // Public clients using PKCE may leave the secret out; a wrong secret is still refused.
    const givenSecret = str(b.client_secret);
    if (!app || (givenSecret !== undefined && givenSecret !== app.clientSecret))
      return INVALID_CLIENT;
    const code = str(b.code) ?? "";
    const grant = this.grants.get(code);
    // Codes are single-use: any attempt consumes it.
    this.grants.delete(code);
    if (!grant || grant.clientId !== app.clientId || grant.expiresAt <= this.now())
      return INVALID_GRANT;
    if (grant.redirectUri !== str(b.redirect_uri)) return INVALID_GRANT;
    if (grant.challenge) {
      const verifier = str(b.code_verifier) ?? "";
      const digest = createHash("sha256").update(verifier).digest("base64url");
      if (digest !== grant.challenge) return INVALID_GRANT;
    } else if (givenSecret === undefined) {
      return INVALID_CLIENT;
    }
    const token = this.tokens.issue(grant.scopes, app.clientId, this.now());
    return json(200, {
      access_token: token,
      token_type: "Bearer",
      scope: grant.scopes.join(" "),
      created_at: Math.floor(this.now() / 1000),
    });
  }

  private revoke(ctx: RequestContext): Reply {
    const token = str(ctx.body.token) ?? "";
    const info = this.tokens.lookup(token);
    const clientId = str(ctx.body.client_id);
    const app = clientId ? this.apps.get(clientId) : undefined;
    const authenticated = app !== undefined && str(ctx.body.client_secret) === app.clientSecret;
    // Doorkeeper: a token of a confidential app may only be revoked by that app; a token
    // issued outside any app (the demo's built-in one) needs no client authentication.
    const allowed = info?.clientId
      ? authenticated && info.clientId === app?.clientId
      : clientId === undefined || authenticated;
    if (!allowed) {
      return json(403, {
        error: "unauthorized_client",
        error_description: "You are not authorized to revoke this token",
      });
    }
    if (info) this.tokens.revoke(token);
    // RFC 7009: the answer is the same whether or not the token existed.
    return json(200, {});
  }
}
