// Entry point: parses argv and hands over to the chosen sub-command. Kept tiny, with every
// heavy module loaded on demand, so `tootty --version` starts about as fast as bare node.

import pkg from "../../package.json" with { type: "json" };
import { parseCommand } from "./args.js";

/** The catalogues, in the interface language: loaded only by the commands that print words. */
async function words(): Promise<typeof import("../i18n/index.js")> {
  const [i18n, { useInterfaceLanguage }] = await Promise.all([
    import("../i18n/index.js"),
    import("./language.js"),
  ]);
  await useInterfaceLanguage(process.env);
  return i18n;
}

async function main(): Promise<number> {
  const command = parseCommand(process.argv.slice(2));
  switch (command.kind) {
    case "help": {
      const { tl } = await words();
      process.stdout.write(tl("cli.usage"));
      return 0;
    }
    case "version":
      process.stdout.write(`tootty ${pkg.version}\n`);
      return 0;
    case "usage-error": {
      const { tl } = await words();
      const problem = command.message;
      const message = typeof problem === "string" ? problem : tl(problem.key, problem.params);
      process.stderr.write(`${tl("cli.usageError", { message })}\n`);
      return 2;
    }
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
    // A crash: its message is the program's own, not a sentence of the catalogues.
    process.stderr.write(`tootty: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);
