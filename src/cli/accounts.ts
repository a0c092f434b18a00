// `tootty accounts`: list stored accounts (default marked), pick the default, or move a
// token out of accounts.json into a password manager with token_command.

import { AccountStore } from "../config/accounts.js";
import { oneLine } from "../config/one-line.js";
import { configDir } from "../config/paths.js";
// Stored accounts and app registrations change only here: through conf (private-store.ts).
import "../config/conf-writer.js";
import { tl } from "../i18n/index.js";
import { type CliIo, reportError } from "./login.js";

/** "tootty: no account ACCT; `tootty accounts` lists them" (logout says it too). */
export function noSuchAccount(acct: string | undefined): string {
  const which =
    acct === undefined
      ? tl("cli.noAccountToLogOut")
      : tl("cli.noAccount", { acct: oneLine(acct, 80) });
  return tl("cli.accountsListThem", { which });
}

export async function runAccounts(
  args: { args?: string[]; configDir?: string },
  io: CliIo,
): Promise<number> {
  const [sub, ...rest] = args.args ?? [];
  try {
    const store = new AccountStore(args.configDir ?? configDir(io.env), { env: io.env });
    if (sub === undefined || sub === "list") {
      const all = store.list();
      if (all.length === 0) {
        io.output.write(`${tl("cli.noAccounts")}\n`);
        return 0;
      }
      const mark = store.default()?.acct;
      for (const a of all) {
        const source = a.token_command ? `  ${tl("cli.tokenFromCommand")}` : "";
        io.output.write(
          `${a.acct === mark ? "*" : " "} ${oneLine(a.acct, 100)}  ${oneLine(a.instance_url, 100)}${source}\n`,
        );
      }
      return 0;
    }
    if (sub === "--help" || sub === "help") {
      io.output.write(tl("cli.accountsHelp"));
      return 0;
    }
    if (sub === "default" && rest.length === 1 && rest[0]) {
      const account = store.find(rest[0]);
      if (!account) {
        io.err.write(`${noSuchAccount(rest[0])}\n`);
        return 1;
      }
      store.setDefault(account.acct);
      io.output.write(`${tl("cli.defaultAccount", { acct: account.acct })}\n`);
      return 0;
    }
    if (sub === "token-command" && rest.length === 2 && rest[0] && rest[1]) {
      const account = store.find(rest[0]);
      if (!account) {
        io.err.write(`${noSuchAccount(rest[0])}\n`);
        return 1;
      }
      // Check the command before the stored token is thrown away.
      await store.resolveToken({ ...account, token_command: rest[1] });
      store.setTokenCommand(account.acct, rest[1]);
      io.output.write(`${tl("cli.tokenCommandSet", { acct: account.acct })}\n`);
      return 0;
    }
    io.err.write(`${tl("cli.unknownAccountsCommand")}\n`);
    return 2;
  } catch (error) {
    return reportError(io, error);
  }
}
