// PKCE (RFC 7636, S256): the code pasted by the user is useless to anyone who saw it but
// does not hold the verifier, which never leaves this process.
import { createHash, randomBytes } from "node:crypto";

export interface Pkce {
  verifier: string;
  challenge: string;
}

export function challengeFor(verifier: string): string {
  return createHash("sha256").update(verifier).digest("base64url");
}

export function createPkce(random: (n: number) => Buffer = randomBytes): Pkce {
  // 32 random bytes → 43 base64url characters, the RFC's recommended minimum entropy.
  const verifier = random(32).toString("base64url");
  return { verifier, challenge: challengeFor(verifier) };
}
