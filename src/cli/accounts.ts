// `tootty accounts`: list stored accounts (default marked), pick the default, or move a
// token out of accounts.json into a password manager with token_command.
import { AccountStore } from "../config/accounts.js";
import { oneLine } from "../config/one-line.js";
import { configDir } from "../config/paths.js";
import { type CliIo, reportError } from "./login.js";

export const ACCOUNTS_HELP = `Usage:
  tootty accounts                          list accounts; * marks the default
  tootty accounts default ACCT             make ACCT (user@host) the default
  tootty accounts token-command ACCT CMD   fetch ACCT's token by running CMD (e.g. "pass show
                                           mastodon/me") instead of storing it; CMD is run
                                           once now to check it, then the stored token is deleted
Log in with tootty login HOST; log out with tootty logout [ACCT]; use another account for
one run with tootty --account ACCT.
`;

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
        io.output.write("No accounts yet. Log in with: tootty login HOST (or try tootty --demo)\n");
        return 0;
      }
      const mark = store.default()?.acct;
      for (const a of all) {
        const source = a.token_command ? "  (token from token_command)" : "";
        io.output.write(
          `${a.acct === mark ? "*" : " "} ${oneLine(a.acct, 100)}  ${oneLine(a.instance_url, 100)}${source}\n`,
        );
      }
      return 0;
    }
    if (sub === "--help" || sub === "help") {
      io.output.write(ACCOUNTS_HELP);
      return 0;
    }
    if (sub === "default" && rest.length === 1 && rest[0]) {
      const account = store.find(rest[0]);
      if (!account) {
        io.err.write(
          `tootty: no account ${oneLine(rest[0], 80)}; \`tootty accounts\` lists them\n`,
        );
        return 1;
      }
      store.setDefault(account.acct);
      io.output.write(`Default account: ${account.acct}\n`);
      return 0;
    }
    if (sub === "token-command" && rest.length === 2 && rest[0] && rest[1]) {
      const account = store.find(rest[0]);
      if (!account) {
        io.err.write(
          `tootty: no account ${oneLine(rest[0], 80)}; \`tootty accounts\` lists them\n`,
        );
        return 1;
      }
      // Check the command before the stored token is thrown away.
      await store.resolveToken({ ...account, token_command: rest[1] });
      store.setTokenCommand(account.acct, rest[1]);
      io.output.write(
        `${account.acct}: token now comes from token_command; stored token deleted\n`,
      );
      return 0;
    }
    io.err.write(`tootty: unknown accounts command (see tootty accounts --help)\n`);
    return 2;
  } catch (error) {
    return reportError(io, error);
  }
}
