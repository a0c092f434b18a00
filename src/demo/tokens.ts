// Access tokens of the demo user: the built-in one and those issued through OAuth.

import { randomBytes } from "node:crypto";

export interface TokenInfo {
  scopes: string[];
  clientId: string | null;
  createdAt: number;
}

export class TokenRegistry {
  private readonly tokens = new Map<string, TokenInfo>();
  private readonly revokeListeners = new Set<(token: string) => void>();

  /** A token shaped like Mastodon's (43 characters of base64url). */
  issue(scopes: string[], clientId: string | null, now: number): string {
    const token = randomBytes(32).toString("base64url");
    this.tokens.set(token, { scopes, clientId, createdAt: now });
    return token;
  }

  lookup(token: string | null | undefined): TokenInfo | undefined {
    return token ? this.tokens.get(token) : undefined;
  }

  revoke(token: string): boolean {
    const existed = this.tokens.delete(token);
    for (const l of this.revokeListeners) l(token);
    return existed;
  }

  onRevoke(listener: (token: string) => void): void {
    this.revokeListeners.add(listener);
  }
}

/** The bearer token of a request, from `Authorization: Bearer …`. */
export function bearerToken(header: string | undefined): string | null {
  const match = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  return match?.[1] ?? null;
}
