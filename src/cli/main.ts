// Entry point: parses argv and hands over to the chosen sub-command. Kept tiny, with every
// heavy module loaded on demand, so `tootty --version` starts about as fast as bare node.

import pkg from "../../package.json" with { type: "json" };
import { parseCommand, USAGE } from "./args.js";

async function main(): Promise<number> {
  const command = parseCommand(process.argv.slice(2));
  switch (command.kind) {
    case "help":
      process.stdout.write(USAGE);
      return 0;
    case "version":
      process.stdout.write(`tootty ${pkg.version}\n`);
      return 0;
    case "usage-error":
      process.stderr.write(`tootty: ${command.message} (see tootty --help)\n`);
      return 2;
    case "tui": {
      const { runTui } = await import("./tui.js");
      return runTui(command);
    }
    default: {
      const { runAccountCommand } = await import("./account-commands.js");
      return runAccountCommand(command);
    }
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`tootty: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);
