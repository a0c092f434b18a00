// login / logout / accounts / config: thin dispatch to the config room.
import type { Command } from "./args.js";
import { useInterfaceLanguage } from "./language.js";

export async function runAccountCommand(command: Command): Promise<number> {
  await useInterfaceLanguage(process.env);
  const io = {
    input: process.stdin,
    output: process.stdout,
    err: process.stderr,
    env: process.env,
  };
  switch (command.kind) {
    case "login": {
      const { runLogin } = await import("./login.js");
      return runLogin({ ...(command.host ? { host: command.host } : {}) }, io);
    }
    case "logout": {
      const { runLogout } = await import("./logout.js");
      return runLogout({ ...(command.account ? { account: command.account } : {}) }, io);
    }
    case "accounts": {
      const { runAccounts } = await import("./accounts.js");
      return runAccounts({ args: command.args }, io);
    }
    case "config": {
      const { runConfig } = await import("./config-cmd.js");
      return runConfig({ args: command.args }, io);
    }
    default:
      throw new Error(`unexpected command ${command.kind}`);
  }
}
