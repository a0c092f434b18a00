// Decides which server and token the TUI uses: TOOTTY_INSTANCE + TOOTTY_ACCESS_TOKEN (for
// scripts and tests, nothing stored), else --account ACCT, else the default account.
import { tl } from "../i18n/index.js";
import { AccountStore } from "./accounts.js";
import { InstanceUrlError, normaliseInstanceUrl } from "./instance-url.js";
import { oneLine } from "./one-line.js";
import { configDir } from "./paths.js";
import type { TokenCommandRunner } from "./token-command.js";

export interface ResolvedAccount {
  instanceUrl: URL;
  accessToken: string;
  /** user@domain; for TOOTTY_INSTANCE logins, TOOTTY_ACCT or else just the host. */
  acct: string;
  source: "environment" | "stored";
}

/** What a first run without an account is told, in the interface language. */
export const noAccountMessage = (): string => tl("account.none");

export async function resolveAccount(
  env: NodeJS.ProcessEnv,
  accountFlag?: string,
  options: { configDir?: string; runTokenCommand?: TokenCommandRunner } = {},
): Promise<ResolvedAccount | { error: string }> {
  const instance = env.TOOTTY_INSTANCE;
  const token = env.TOOTTY_ACCESS_TOKEN;
  if (instance || token) {
    if (!instance || !token) {
      return { error: tl("account.envPair") };
    }
    try {
      const instanceUrl = normaliseInstanceUrl(instance);
      return {
        instanceUrl,
        accessToken: token,
        acct: env.TOOTTY_ACCT || instanceUrl.host,
        source: "environment",
      };
    } catch (error) {
      if (error instanceof InstanceUrlError) return { error: `TOOTTY_INSTANCE: ${error.message}` };
      throw error;
    }
  }
  try {
    const storeOptions: ConstructorParameters<typeof AccountStore>[1] = { env };
    if (options.runTokenCommand) storeOptions.runTokenCommand = options.runTokenCommand;
    const store = new AccountStore(options.configDir ?? configDir(env), storeOptions);
    const account = accountFlag ? store.find(accountFlag) : store.default();
    if (!account) {
      if (!accountFlag) return { error: noAccountMessage() };
      return { error: tl("account.noSuch", { acct: oneLine(accountFlag, 80) }) };
    }
    const instanceUrl = normaliseInstanceUrl(account.instance_url);
    const accessToken = await store.resolveToken(account);
    return { instanceUrl, accessToken, acct: account.acct, source: "stored" };
  } catch (error) {
    return { error: oneLine(error instanceof Error ? error.message : String(error), 300) };
  }
}
