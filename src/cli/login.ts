// `tootty login [HOST]`: the OAuth code flow with a pasted code, so it works over SSH with
// nothing listening locally. Ends with the account stored and the server's rules shown.

import { AccountStore } from "../config/accounts.js";
import { AppStore } from "../config/apps.js";
import { InstanceUrlError, instanceKey, normaliseInstanceUrl } from "../config/instance-url.js";
import { oneLine } from "../config/one-line.js";
import { configDir } from "../config/paths.js";
// Stored accounts and app registrations change only here: through conf (private-store.ts).
import "../config/conf-writer.js";
import { tl } from "../i18n/index.js";
import { type Launcher, openInBrowser } from "./oauth/browser.js";
import {
  authorizeUrl,
  exchangeCode,
  registerApp,
  SCOPES,
  verifyCredentials,
} from "./oauth/client.js";
import { LoginError } from "./oauth/errors.js";
import type { FetchLike } from "./oauth/http.js";
import { checkInstance, type InstanceFacts } from "./oauth/instance.js";
import { createPkce } from "./oauth/pkce.js";
import { LineReader } from "./oauth/prompt.js";

/** The streams and environment every sub-command gets (process.* in real use). */
export interface CliIo {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  err: NodeJS.WritableStream;
  env: NodeJS.ProcessEnv;
}

/** Transport and browser, replaceable in tests. */
export interface LoginDeps {
  fetch?: FetchLike;
  launchBrowser?: Launcher;
}

/** Prints a one-line error (exit code 1) for the failures a user can meet. */
export function reportError(io: CliIo, error: unknown): number {
  if (error instanceof InstanceUrlError) {
    io.err.write(`tootty: ${error.message}\n`);
    return 2;
  }
  const message = error instanceof Error ? error.message : String(error);
  io.err.write(`tootty: ${oneLine(message, 300)}\n`);
  return 1;
}

function sameOrigin(stored: string, key: string): boolean {
  try {
    return instanceKey(new URL(stored)) === key;
  } catch {
    return false; // a hand-edited accounts.json may hold anything
  }
}

function showRulesOnce(io: CliIo, facts: InstanceFacts): void {
  io.output.write(`\n${tl("login.rules", { domain: facts.domain })}\n`);
  if (facts.rules.length === 0) io.output.write(`  ${tl("login.noRules")}\n`);
  for (const [i, rule] of facts.rules.entries()) io.output.write(`  ${i + 1}. ${rule}\n`);
  io.output.write(
    `${tl("login.maxCharacters", { domain: facts.domain, max: facts.maxCharacters })}\n`,
  );
}

export async function runLogin(
  args: { host?: string; configDir?: string },
  io: CliIo,
  deps: LoginDeps = {},
): Promise<number> {
  const fetchImpl = deps.fetch ?? fetch;
  const reader = new LineReader(io.input);
  try {
    const host = args.host ?? (await reader.ask(tl("login.askInstance"), io.output));
    if (!host) {
      io.err.write(`${tl("login.noInstance")}\n`);
      return 2;
    }
    const origin = normaliseInstanceUrl(host);
    const dir = args.configDir ?? configDir(io.env);
    const apps = new AppStore(dir);
    const accounts = new AccountStore(dir, { env: io.env });

    const facts = await checkInstance(fetchImpl, origin);
    const where = `${origin.host}${facts.version ? `, ${facts.version}` : ""}`;
    io.output.write(`${tl("login.loggingIn", { title: facts.title, host: where })}\n`);

    const key = instanceKey(origin);
    let app = apps.get(key);
    if (!app || app.scopes !== SCOPES) {
      app = await registerApp(fetchImpl, origin);
      apps.put(key, app);
    }
    const pkce = facts.pkce ? createPkce() : undefined;
    const forceLogin = accounts.list().some((a) => sameOrigin(a.instance_url, key));
    const url = authorizeUrl(origin, app, { challenge: pkce?.challenge, forceLogin }).href;
    io.output.write(`\n${tl("login.openAddress")}\n\n  ${url}\n\n`);
    if (openInBrowser(url, io.env, deps.launchBrowser)) io.output.write(`${tl("login.opened")}\n`);

    const code = await reader.ask(tl("login.askCode"), io.output);
    if (!code) throw new LoginError("cancelled", tl("login.noCode"));

    let token: string;
    try {
      token = await exchangeCode(fetchImpl, origin, app, code, pkce?.verifier);
    } catch (error) {
      // The app may have been deleted on the server: register afresh next time.
      if (error instanceof LoginError && error.kind === "unknown-client") apps.forget(key);
      throw error;
    }
    const me = await verifyCredentials(fetchImpl, origin, token);
    const acct = `${me.username}@${facts.domain}`;
    accounts.add({ acct, instance_url: key, access_token: token });
    const isDefault = accounts.default()?.acct === acct;
    io.output.write(`\n${tl(isDefault ? "login.loggedInDefault" : "login.loggedIn", { acct })}\n`);

    if (!app.rules_shown_at) {
      showRulesOnce(io, facts);
      apps.put(key, { ...app, rules_shown_at: new Date().toISOString() });
    }
    return 0;
  } catch (error) {
    return reportError(io, error);
  } finally {
    reader.close();
  }
}
