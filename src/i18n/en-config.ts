// The config room's words: warnings about config.json (one line each, naming the key and the
// value), the private files' errors and token_command's. Key names, values and file names
// stay as they are written in the file.
export const enConfig = {
  "config.help": `tootty config — the settings file

Usage:
  tootty config path     print where the settings file is
  tootty config edit     open it in $VISUAL / $EDITOR (created with every default first)
  tootty config check    check it; prints one line per problem, exit 1 if there is any
  tootty config --help   this text

The file: {path}
(TOOTTY_CONFIG_DIR=DIR moves it, with accounts and drafts; otherwise $XDG_CONFIG_HOME/tootty
or ~/.config/tootty.) It is JSON; every key is optional. A bad value prints one warning
naming the key and the value, that key keeps its default, and tootty still starts.

Keys:
  keymap             action → key or list of keys, e.g. {"boost": "B", "favourite": ["f", "*"]}.
                     Key names: a character ("x", "G", "?"), C-x (Ctrl), M-x (Alt), S-tab,
                     enter, escape, tab, space, backspace, up, down, left, right, home, end,
                     pageup, pagedown, f1…f12. A key you bind leaves any default action that
                     had it; [] unbinds an action. Actions and their default keys:
{actions}
  theme              "base": "dark" | "light" | "mono" (default dark), and
                     slot → colour: a name ({colours}) or "#rrggbb".
{theme}
  panes              which timelines, in order, left to right (at most {maxPanes}); default {defaultPanes}.
                     Each is a name (home, local, federated, notifications, tag:NAME, list:ID)
                     or {"timeline": "tag:rust", "width": 2, "bufferSize": 500}: width is a
                     share of the screen (default 1), bufferSize that pane's own limit.
  bufferSize         toots kept per pane ({bufferMin}–{bufferMax}); default {bufferSize}
  watchdogMs         a silent stream is reconnected after this long (5000–600000; tootty
                     pings it every third of that); default {watchdogMs}
  pollMinMs          while the stream is down, poll every pollMinMs…pollMaxMs (5000–3600000);
  pollMaxMs          defaults {pollMinMs} and {pollMaxMs}
  notifications      {"bell": true|false (default {bell}),
                      "osc": {oscChoices} (desktop notification by OSC 9 or OSC 777; default "{osc}")}
  defaultVisibility  {visibilities}; default "{visibility}"
  defaultLanguage    ISO 639 code such as "en", or null for your account's default
  confirm            ask before: {confirm}
  bidi               {bidiChoices}; default "{bidi}". Who puts Arabic and Hebrew
                     in reading order: "visual" tootty (reordered and shaped, for terminals
                     without bidi: tmux, xterm, kitty, Alacritty…; in VTE it switches the
                     terminal's own bidi off while it runs), "terminal" the terminal (Konsole,
                     mlterm, iTerm2 or WezTerm with their bidi option on), "auto" decides
                     from VTE_VERSION, KONSOLE_VERSION, MLTERM and tmux/screen. --bidi overrides it.
  interfaceLanguage  tootty's own words: "en" or "ar" (a tag like "ar-EG" also picks its
                     digits), or null (default) for the locale's: LC_ALL, LC_MESSAGES, LANG
  images             {imageModes}; default "{images}": auto asks the
                     terminal (kitty graphics, sixel, iTerm2) and falls back to half blocks
  pictureRows        the most rows one picture takes in a timeline (2–40); default {pictureRows}
  avatars            true: the author's avatar, 4×2 cells, beside each toot (with images not
                     "off"); default {avatars}

Example:
  {
    "panes": ["home", {"timeline": "notifications", "width": 0.5}],
    "keymap": {"boost": "B", "bookmark": "m"},
    "theme": {"borderFocused": "#ff8800"},
    "confirm": {"boost": true}
  }

Accounts live beside it in accounts.json (mode 0600, folder 0700; see tootty accounts --help).
`,
  "config.invalid": "config.json: {key} = {value} is not {expected}; using {fallback}",
  "config.unknownKey": "config.json: unknown key {key} ignored",
  "config.notObject": "config.json: {key} = {value} is not an object; using its defaults",
  "config.topLevel": "(top level)",
  "config.unreadable": "config.json: cannot be read ({why}); using all defaults",
  "config.pollOrder":
    "config.json: pollMinMs = {min} is above pollMaxMs = {max}; using {minDefault} and {maxDefault}",
  "config.expectWholeNumber": "a whole number from {min} to {max}",
  "config.expectBoolean": "true or false",
  "config.expectOneOf": "one of {choices}",
  "config.expectColour": 'a colour name or "#rrggbb"',
  "config.expectLanguageTag": 'a language tag like "ar" or "en" (or null)',
  "config.expectIsoLanguage": 'an ISO 639 language code like "en" (or null)',
  "config.expectKeys": "a key name or a list of key names",
  "config.expectKey": 'a key name (like "x", "G", "C-d", "S-tab", "enter")',
  "config.keyClash":
    "config.json: keymap.{action} = {value} reuses {key}, already bound to {other}; using {fallback}",
  "config.keyLost":
    "config.json: keymap: {action} lost all its keys to other bindings; it has no key now",
  "config.notTimeline":
    "config.json: {key} = {value} is not a timeline (home, local, federated, notifications, direct, tag:NAME, list:ID); pane skipped",
  "config.expectWidth": "a number above 0 and at most 100",
  "config.expectPaneList": "a list of panes",
  "config.tooManyPanes": {
    one: "config.json: panes has {count} entry; only the first {max} are used",
    other: "config.json: panes has {count} entries; only the first {max} are used",
  },
  "config.noValidPane": "config.json: panes has no valid pane; using {fallback}",
  "config.notPrivate":
    "cannot make {path} private (mode {mode}, wanted {wanted}): tokens would be exposed",
  "config.invalidJson": "{path} is not valid JSON ({why}): fix or remove it",
  "config.readOnly": "{path} is read-only here: the writer was not loaded",
  "token.couldNotStart": "token_command could not start: {why}",
  "token.failed": "token_command failed ({status})",
  "token.failedWhy": "token_command failed ({status}): {why}",
  "token.killed": "killed by {signal}",
  "token.exit": "exit {code}",
  "token.printedNothing": "token_command printed nothing",
  "token.notToken": "token_command printed something that is not a token",
} as const;
