// The command line's words (src/cli/, and the config room's errors it prints): --help, login,
// logout, accounts, config, the waiting screen. Printed in logical order, as every program
// does: the output may go to a file or a pipe as well as to a terminal.
export const enCli = {
  "cli.usage": `tootty — a terminal Mastodon client

Usage:
  tootty                     open the timelines of the default account
  tootty --demo              open on the embedded demo instance (no account, no network)
  tootty --demo --demo-flavour mastodon|gotosocial|pleroma|hollo|sharkey|snac
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
  LANG, LC_MESSAGES, LC_ALL                       the interface language (English, Arabic)

Keys: j/k move, g/G top/bottom, Ctrl-d/Ctrl-u half page, h/l or Tab between panes,
1 2 3 pick a pane, s show/hide a content warning, q quit.
In tmux, set 'set -sg escape-time 10' so Escape reaches tootty at once.
`,
  "cli.accountsHelp": `Usage:
  tootty accounts                          list accounts; * marks the default
  tootty accounts default ACCT             make ACCT (user@host) the default
  tootty accounts token-command ACCT CMD   fetch ACCT's token by running CMD (e.g. "pass show
                                           mastodon/me") instead of storing it; CMD is run
                                           once now to check it, then the stored token is deleted
Log in with tootty login HOST; log out with tootty logout [ACCT]; use another account for
one run with tootty --account ACCT.
`,
  "cli.error": "tootty: {message}",
  "cli.usageError": "tootty: {message} (see tootty --help)",
  "cli.bidiTakes": "--bidi takes {choices}",
  "cli.flavourWithDemo": "--demo-flavour goes with --demo",
  "cli.loginTakesOne": "login takes one HOST",
  "cli.logoutTakesOne": "logout takes one ACCT",
  "cli.unknownCommand": "unknown command '{command}'",
  "cli.unknownFlavour": "unknown demo flavour '{flavour}' (one of {choices})",
  "cli.couldNotSwitch": "Could not switch to {acct}: {why}",
  "cli.noAccount": "no account {acct}",
  "cli.noAccountToLogOut": "no account to log out",
  "cli.accountsListThem": "tootty: {which}; `tootty accounts` lists them",
  "cli.noAccounts": "No accounts yet. Log in with: tootty login HOST (or try tootty --demo)",
  "cli.tokenFromCommand": "(token from token_command)",
  "cli.defaultAccount": "Default account: {acct}",
  "cli.tokenCommandSet": "{acct}: token now comes from token_command; stored token deleted",
  "cli.unknownAccountsCommand": "tootty: unknown accounts command (see tootty accounts --help)",
  "cli.configTakes": "tootty: config takes one of: path, edit, check, --help",
  "cli.editorStatus": "tootty: the editor exited with status {status}",
  "cli.configOk": "{path}: ok",
  "cli.configProblems": {
    one: "{path}: {count} problem; that key uses its default",
    other: "{path}: {count} problems; those keys use their defaults",
  },
  "cli.notRevoked":
    "tootty: forgot {acct} here, but its token was not revoked ({why}); revoke it in the web interface under Preferences > Account > Authorized apps",
  "cli.loggedOut": "Logged out of {acct}: token revoked and forgotten.",
  "cli.loggedOutNext":
    "Logged out of {acct}: token revoked and forgotten. Default account: {next}.",
  "login.askInstance": "Instance (for example mastodon.social): ",
  "login.noInstance": "tootty: no instance given; usage: tootty login HOST",
  "login.loggingIn": "Logging in to {title} ({host})",
  "login.openAddress": "Open this address in a browser, sign in and allow tootty:",
  "login.opened": "(opened in your browser)",
  "login.askCode": "Paste the code the server shows you: ",
  "login.noCode": "no code entered; login cancelled",
  "login.loggedIn": "Logged in as @{acct}.",
  "login.loggedInDefault": "Logged in as @{acct} (the default account).",
  "login.rules": "Every server sets its own rules. {domain}'s:",
  "login.noRules": "(none published)",
  "login.maxCharacters": "Toots on {domain} may be up to {max} characters.",
  "login.noAnswer": "cannot reach {host}: no answer in time (network down or server overloaded)",
  "login.unknownHost": "unknown host {host}: no such name in DNS (check the spelling)",
  "login.tls": "TLS failure talking to {host} ({code}): certificate not trusted; stopping",
  "login.network": "cannot reach {host} ({code}): network down or server not answering",
  "login.unknownError": "unknown error",
  "login.refusedRegister": "{host} refused to register tootty (HTTP {status}{why})",
  "login.badCode":
    "{host} did not accept that code (wrong or expired): run tootty login {host} again for a new one",
  "login.unknownClient":
    "{host} no longer knows tootty's app registration; run tootty login {host} again",
  "login.refusedExchange": "{host} refused the code exchange (HTTP {status}{why})",
  "login.tokenNotAccepted": "{host} did not accept the new token (HTTP {status}{why})",
  "login.notRevoked": "{host} did not revoke the token (HTTP {status}{why})",
  "login.redirects": "{host} redirects {path} to {location}; try logging in to that host",
  "login.oversized": "{host} sent an oversized reply to {path}",
  "login.notMastodon":
    "{host} does not look like a Mastodon-API server (no /api/v2/instance or /api/v1/instance)",
  "account.none":
    "no account yet: run `tootty login HOST` (for example `tootty login mastodon.social`), or try `tootty --demo`",
  "account.envPair": "TOOTTY_INSTANCE and TOOTTY_ACCESS_TOKEN must be set together",
  "account.noSuch": "no account {acct}: `tootty accounts` lists them",
  "account.noToken": "{acct}: no token stored; run tootty login again",
  "url.none": "no instance given (for example: mastodon.social)",
  "url.notInstance": '"{input}" is not an instance address (for example: mastodon.social)',
  "url.notHttps": '"{input}" is not an https:// address',
  "url.credentials": '"{input}" contains a user name or password; give just the host',
  "url.plainHttp":
    "plain http is only allowed to this machine (localhost, 127.0.0.0/8, ::1); use https://{host}",
  "waiting.connecting": "Connecting to {host}",
  "waiting.for": "Waiting for {what}",
  "waiting.forSeconds": "Waiting for {what} ({count} s)",
  "waiting.starting": "Starting…",
  "waiting.instance": "server information",
  "waiting.account": "your account",
  "waiting.separator": ", ",
} as const;
