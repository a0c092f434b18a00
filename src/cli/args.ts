// argv → a command. Pure: tested without spawning anything.
import { parseArgs } from "node:util";
import { BIDI_SETTINGS, type BidiSetting } from "../config/bidi-setting.js";
import type { MessageKey, Params } from "../i18n/index.js";

export type Command =
  | { kind: "tui"; demo: boolean; account?: string; bidi?: BidiSetting; demoFlavour?: string }
  | { kind: "help" }
  | { kind: "version" }
  | { kind: "login"; host?: string }
  | { kind: "logout"; account?: string }
  | { kind: "accounts"; args: string[] }
  | { kind: "config"; args: string[] }
  | { kind: "usage-error"; message: string | UsageWords };

/**
 * A usage problem as a catalogue key: main.ts says it in the interface language, so this
 * stays pure and `--version` loads no catalogue. (Node's own parse errors are its words.)
 */
export interface UsageWords {
  key: MessageKey;
  params?: Params;
}

export function parseCommand(argv: string[]): Command {
  // Sub-commands with options of their own get their arguments untouched
  // (`tootty config --help`, `tootty accounts default me@host`).
  if (argv[0] === "config") return { kind: "config", args: argv.slice(1) };
  if (argv[0] === "accounts") return { kind: "accounts", args: argv.slice(1) };
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (err) {
    return { kind: "usage-error", message: (err as Error).message };
  }
  const { values, positionals } = parsed;
  if (values.help) return { kind: "help" };
  if (values.version) return { kind: "version" };
  const [sub, ...rest] = positionals;
  switch (sub) {
    case undefined: {
      const bidi = values.bidi;
      if (bidi !== undefined && !(BIDI_SETTINGS as readonly string[]).includes(bidi)) {
        return {
          kind: "usage-error",
          message: { key: "cli.bidiTakes", params: { choices: BIDI_SETTINGS.join(", ") } },
        };
      }
      if (values["demo-flavour"] !== undefined && !values.demo)
        return { kind: "usage-error", message: { key: "cli.flavourWithDemo" } };
      return {
        kind: "tui",
        demo: Boolean(values.demo),
        ...(values.account ? { account: values.account } : {}),
        ...(bidi ? { bidi: bidi as BidiSetting } : {}),
        ...(values["demo-flavour"] !== undefined ? { demoFlavour: values["demo-flavour"] } : {}),
      };
    }
    case "login":
      if (rest.length > 1) return { kind: "usage-error", message: { key: "cli.loginTakesOne" } };
      return { kind: "login", ...(rest[0] ? { host: rest[0] } : {}) };
    case "logout":
      if (rest.length > 1) return { kind: "usage-error", message: { key: "cli.logoutTakesOne" } };
      return {
        kind: "logout",
        ...(rest[0] ? { account: rest[0] } : values.account ? { account: values.account } : {}),
      };
    case "accounts":
      return { kind: "accounts", args: rest };
    case "config":
      return { kind: "config", args: rest };
    case "demo":
      return { kind: "tui", demo: true };
    default:
      return {
        kind: "usage-error",
        message: { key: "cli.unknownCommand", params: { command: sub } },
      };
  }
}

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      help: { type: "boolean", short: "h" },
      version: { type: "boolean", short: "V" },
      demo: { type: "boolean" },
      "demo-flavour": { type: "string" },
      account: { type: "string", short: "a" },
      bidi: { type: "string" },
    },
  });
}
