// `tootty logout [ACCT]`: revoke the token on the server (/oauth/revoke), then forget it.
// If the server cannot be reached the token is still forgotten here, and the user is told
// where to revoke it by hand; exit 1 so a script notices.

import { AccountStore } from "../config/accounts.js";
import { AppStore } from "../config/apps.js";
import { instanceKey, normaliseInstanceUrl } from "../config/instance-url.js";
import { oneLine } from "../config/one-line.js";
import { configDir } from "../config/paths.js";
// Stored accounts and app registrations change only here: through conf (private-store.ts).
import "../config/conf-writer.js";
import { tl } from "../i18n/index.js";
import { noSuchAccount } from "./accounts.js";
import { type CliIo, type LoginDeps, reportError } from "./login.js";
import { revokeToken } from "./oauth/client.js";

export async function runLogout(
  args: { account?: string; configDir?: string },
  io: CliIo,
  deps: Pick<LoginDeps, "fetch"> = {},
): Promise<number> {
  try {
    const dir = args.configDir ?? configDir(io.env);
    const accounts = new AccountStore(dir, { env: io.env });
    const account = args.account ? accounts.find(args.account) : accounts.default();
    if (!account) {
      io.err.write(`${noSuchAccount(args.account)}\n`);
      return 1;
    }
    const origin = normaliseInstanceUrl(account.instance_url);
    let problem: string | undefined;
    try {
      const token = await accounts.resolveToken(account);
      const app = new AppStore(dir).get(instanceKey(origin));
      await revokeToken(deps.fetch ?? fetch, origin, app, token);
    } catch (error) {
      problem = error instanceof Error ? error.message : String(error);
    }
    accounts.remove(account.acct);
    const next = accounts.default();
    if (problem) {
      io.err.write(`${tl("cli.notRevoked", { acct: account.acct, why: oneLine(problem, 160) })}\n`);
      return 1;
    }
    const done = next
      ? tl("cli.loggedOutNext", { acct: account.acct, next: next.acct })
      : tl("cli.loggedOut", { acct: account.acct });
    io.output.write(`${done}\n`);
    return 0;
  } catch (error) {
    return reportError(io, error);
  }
}
