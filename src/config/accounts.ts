// The logged-in accounts (accounts.json, 0600): several per user, one of them the default.
// Each holds either an access token or a token_command that prints one.
import { tl } from "../i18n/index.js";
import { ACCOUNTS_NAME } from "./paths.js";
import { PrivateJsonStore } from "./private-store.js";
import { runTokenCommand, TokenCommandError, type TokenCommandRunner } from "./token-command.js";

/** One account as stored. Keys are snake_case like Mastodon's own (and the README's). */
export interface StoredAccount {
  /** user@domain, the domain being the instance's own (`/api/v2/instance` domain). */
  acct: string;
  /** The instance origin, e.g. "https://mastodon.social". */
  instance_url: string;
  access_token?: string;
  token_command?: string;
  added_at?: string;
}

type AccountsFile = { default?: string; accounts?: StoredAccount[] };

function isStoredAccount(value: unknown): value is StoredAccount {
  if (typeof value !== "object" || value === null) return false;
  const a = value as Record<string, unknown>;
  return (
    typeof a.acct === "string" &&
    typeof a.instance_url === "string" &&
    (typeof a.access_token === "string" || typeof a.token_command === "string")
  );
}

/** Accounts compare without a leading "@" and with the host case-folded. */
export function sameAcct(a: string, b: string): boolean {
  const norm = (s: string) => {
    const [user = "", host = ""] = s.replace(/^@/, "").split("@");
    return `${user}@${host.toLowerCase()}`;
  };
  return norm(a) === norm(b);
}

export class AccountStore {
  readonly #file: PrivateJsonStore<AccountsFile>;
  readonly #runCommand: TokenCommandRunner;
  readonly #env: NodeJS.ProcessEnv;

  constructor(
    dir: string,
    options: { env?: NodeJS.ProcessEnv; runTokenCommand?: TokenCommandRunner } = {},
  ) {
    this.#file = new PrivateJsonStore<AccountsFile>(dir, ACCOUNTS_NAME);
    this.#env = options.env ?? process.env;
    this.#runCommand = options.runTokenCommand ?? ((cmd, env) => runTokenCommand(cmd, env));
  }

  get path(): string {
    return this.#file.path;
  }

  list(): StoredAccount[] {
    const accounts = this.#file.read().accounts;
    return Array.isArray(accounts) ? accounts.filter(isStoredAccount) : [];
  }

  /** The default account: the one named in the file, else the first one. */
  default(): StoredAccount | undefined {
    const all = this.list();
    const name = this.#file.read().default;
    return (name ? all.find((a) => sameAcct(a.acct, name)) : undefined) ?? all[0];
  }

  /**
   * Finds by "user@domain" (leading "@" optional); a bare "user" matches when exactly one
   * account has that name.
   */
  find(acct: string): StoredAccount | undefined {
    const all = this.list();
    if (acct.replace(/^@/, "").includes("@")) return all.find((a) => sameAcct(a.acct, acct));
    const user = acct.replace(/^@/, "");
    const matches = all.filter((a) => a.acct.split("@")[0] === user);
    return matches.length === 1 ? matches[0] : undefined;
  }

  /** Adds or replaces (same acct) an account; the first account becomes the default. */
  add(account: StoredAccount): void {
    const others = this.list().filter((a) => !sameAcct(a.acct, account.acct));
    const current = this.#file.read().default;
    this.#save({
      default: current && others.some((a) => sameAcct(a.acct, current)) ? current : account.acct,
      accounts: [...others, { added_at: new Date().toISOString(), ...account }],
    });
  }

  /** Removes an account; if it was the default, the next one takes over. */
  remove(acct: string): boolean {
    const all = this.list();
    const rest = all.filter((a) => !sameAcct(a.acct, acct));
    if (rest.length === all.length) return false;
    const current = this.#file.read().default;
    const keep = current && rest.some((a) => sameAcct(a.acct, current));
    this.#save({ default: keep ? current : rest[0]?.acct, accounts: rest });
    return true;
  }

  setDefault(acct: string): void {
    const account = this.find(acct);
    if (!account) throw new Error(tl("cli.noAccount", { acct }));
    this.#save({ default: account.acct, accounts: this.list() });
  }

  /** Stores a token_command for the account and forgets its stored token. */
  setTokenCommand(acct: string, command: string): void {
    const account = this.find(acct);
    if (!account) throw new Error(tl("cli.noAccount", { acct }));
    const { access_token: _dropped, ...rest } = account;
    this.#save({
      default: this.#file.read().default,
      accounts: this.list().map((a) =>
        sameAcct(a.acct, account.acct) ? { ...rest, token_command: command } : a,
      ),
    });
  }

  /** The account's access token: token_command's output if it has one, else the stored token. */
  async resolveToken(account: StoredAccount): Promise<string> {
    if (account.token_command) {
      try {
        return await this.#runCommand(account.token_command, this.#env);
      } catch (error) {
        const why = error instanceof Error ? error.message : String(error);
        throw new TokenCommandError(`${account.acct}: ${why}`);
      }
    }
    if (account.access_token) return account.access_token;
    throw new TokenCommandError(tl("account.noToken", { acct: account.acct }));
  }

  #save(file: AccountsFile): void {
    const clean: AccountsFile = { accounts: file.accounts ?? [] };
    if (file.default) clean.default = file.default;
    this.#file.write(clean);
  }
}
