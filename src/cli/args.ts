// argv → a command. Pure: tested without spawning anything.
import { parseArgs } from "node:util";
import { BIDI_SETTINGS, type BidiSetting } from "../config/settings.js";

export type Command =
  | { kind: "tui"; demo: boolean; account?: string; bidi?: BidiSetting; demoFlavour?: string }
  | { kind: "help" }
  | { kind: "version" }
  | { kind: "login"; host?: string }
  | { kind: "logout"; account?: string }
  | { kind: "accounts"; args: string[] }
  | { kind: "config"; args: string[] }
  | { kind: "usage-error"; message: string };

export const USAGE = `tootty — a terminal Mastodon client

Usage:
  tootty                     open the timelines of the default account
  tootty --demo              open on the embedded demo instance (no account, no network)
  tootty --demo --demo-flavour mastodon|gotosocial|pleroma|hollo
                             the demo instance plays that server (its ids, limits, streaming)
  tootty --account ACCT      use the stored account ACCT (user@host)
  tootty --bidi MODE         who orders Arabic/Hebrew: auto, visual (tootty), terminal
  tootty login HOST          log in to a Mastodon-API server (e.g. mastodon.social)
  tootty logout [ACCT]       revoke and forget an account's token
  tootty accounts            list stored accounts (default marked)
  tootty config [path|edit]  show where the config file is, or edit it
  tootty --help | --version

Environment:
  TOOTTY_INSTANCE=URL TOOTTY_ACCESS_TOKEN=TOKEN   use that server and token, no stored login
  TOOTTY_CONFIG_DIR=DIR                           keep config, accounts and drafts in DIR
  TOOTTY_DEMO_FLAVOUR=NAME                        the demo's server, as --demo-flavour

Keys: j/k move, g/G top/bottom, Ctrl-d/Ctrl-u half page, h/l or Tab between panes,
1 2 3 pick a pane, s show/hide a content warning, q quit.
In tmux, set 'set -sg escape-time 10' so Escape reaches tootty at once.
`;

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
        return { kind: "usage-error", message: `--bidi takes ${BIDI_SETTINGS.join(", ")}` };
      }
      if (values["demo-flavour"] !== undefined && !values.demo)
        return { kind: "usage-error", message: "--demo-flavour goes with --demo" };
      return {
        kind: "tui",
        demo: Boolean(values.demo),
        ...(values.account ? { account: values.account } : {}),
        ...(bidi ? { bidi: bidi as BidiSetting } : {}),
        ...(values["demo-flavour"] !== undefined ? { demoFlavour: values["demo-flavour"] } : {}),
      };
    }
    case "login":
      if (rest.length > 1) return { kind: "usage-error", message: "login takes one HOST" };
      return { kind: "login", ...(rest[0] ? { host: rest[0] } : {}) };
    case "logout":
      if (rest.length > 1) return { kind: "usage-error", message: "logout takes one ACCT" };
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
      return { kind: "usage-error", message: `unknown command '${sub}'` };
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
