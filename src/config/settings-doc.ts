// The text of `tootty config --help`, built from the same tables the validator uses so the
// documentation cannot drift from what is accepted.
import { enActions } from "../i18n/actions-en.js";
import { ACTION_NAMES, ACTIONS } from "./keymap.js";
import { BUFFER_MAX, BUFFER_MIN, DEFAULT_PANES, MAX_PANES } from "./panes.js";
import {
  BIDI_SETTINGS,
  DEFAULTS,
  IMAGE_MODES,
  OSC_NOTIFICATIONS,
  VISIBILITIES,
} from "./settings.js";
import { COLOUR_NAMES, THEME_DEFAULTS } from "./theme.js";

export function configHelp(settingsPath: string): string {
  const keys = ACTION_NAMES.map(
    (a) => `    ${a.padEnd(15)}${ACTIONS[a].keys.join(" ").padEnd(18)}${enActions[a]}`,
  );
  const theme = Object.entries(THEME_DEFAULTS).map(
    ([slot, colour]) => `    ${slot.padEnd(16)}${colour}`,
  );
  return `tootty config — the settings file

Usage:
  tootty config path     print where the settings file is
  tootty config edit     open it in $VISUAL / $EDITOR (created with every default first)
  tootty config check    check it; prints one line per problem, exit 1 if there is any
  tootty config --help   this text

The file: ${settingsPath}
(TOOTTY_CONFIG_DIR=DIR moves it, with accounts and drafts; otherwise $XDG_CONFIG_HOME/tootty
or ~/.config/tootty.) It is JSON; every key is optional. A bad value prints one warning
naming the key and the value, that key keeps its default, and tootty still starts.

Keys:
  keymap             action → key or list of keys, e.g. {"boost": "B", "favourite": ["f", "*"]}.
                     Key names: a character ("x", "G", "?"), C-x (Ctrl), M-x (Alt), S-tab,
                     enter, escape, tab, space, backspace, up, down, left, right, home, end,
                     pageup, pagedown, f1…f12. A key you bind leaves any default action that
                     had it; [] unbinds an action. Actions and their default keys:
${keys.join("\n")}
  theme              "base": "dark" | "light" | "mono" (default dark), and
                     slot → colour: a name (${COLOUR_NAMES.join(", ")}) or "#rrggbb".
${theme.join("\n")}
  panes              which timelines, in order, left to right (at most ${MAX_PANES}); default ${JSON.stringify(DEFAULT_PANES)}.
                     Each is a name (home, local, federated, notifications, tag:NAME, list:ID)
                     or {"timeline": "tag:rust", "width": 2, "bufferSize": 500}: width is a
                     share of the screen (default 1), bufferSize that pane's own limit.
  bufferSize         toots kept per pane (${BUFFER_MIN}–${BUFFER_MAX}); default ${DEFAULTS.bufferSize}
  watchdogMs         a silent stream is reconnected after this long (5000–600000; tootty
                     pings it every third of that); default ${DEFAULTS.watchdogMs}
  pollMinMs          while the stream is down, poll every pollMinMs…pollMaxMs (5000–3600000);
  pollMaxMs          defaults ${DEFAULTS.pollMinMs} and ${DEFAULTS.pollMaxMs}
  notifications      {"bell": true|false (default ${DEFAULTS.notifications.bell}),
                      "osc": ${OSC_NOTIFICATIONS.join(" | ")} (desktop notification by OSC 9 or OSC 777; default "${DEFAULTS.notifications.osc}")}
  defaultVisibility  ${VISIBILITIES.join(" | ")}; default "${DEFAULTS.defaultVisibility}"
  defaultLanguage    ISO 639 code such as "en", or null for your account's default
  confirm            ask before: {"boost": ${DEFAULTS.confirm.boost}, "delete": ${DEFAULTS.confirm.delete}, "quit": ${DEFAULTS.confirm.quit},
                     "block": ${DEFAULTS.confirm.block}, "unfollow": ${DEFAULTS.confirm.unfollow}}
  bidi               ${BIDI_SETTINGS.join(" | ")}; default "${DEFAULTS.bidi}". Who puts Arabic and Hebrew
                     in reading order: "visual" tootty (reordered and shaped, for terminals
                     without bidi: tmux, xterm, kitty, Alacritty…; in VTE it switches the
                     terminal's own bidi off while it runs), "terminal" the terminal (Konsole,
                     mlterm, iTerm2 or WezTerm with their bidi option on), "auto" decides
                     from VTE_VERSION, KONSOLE_VERSION, MLTERM and tmux/screen. --bidi overrides it.
  interfaceLanguage  tootty's own words: "en" or "ar" (a tag like "ar-EG" also picks its
                     digits), or null (default) for the locale's: LC_ALL, LC_MESSAGES, LANG
  images             ${IMAGE_MODES.join(" | ")}; default "${DEFAULTS.images}": auto asks the
                     terminal (kitty graphics, sixel, iTerm2) and falls back to half blocks
  pictureRows        the most rows one picture takes in a timeline (2–40); default ${DEFAULTS.pictureRows}
  avatars            true: the author's avatar, 4×2 cells, beside each toot (with images not
                     "off"); default ${DEFAULTS.avatars}

Example:
  {
    "panes": ["home", {"timeline": "notifications", "width": 0.5}],
    "keymap": {"boost": "B", "bookmark": "m"},
    "theme": {"borderFocused": "#ff8800"},
    "confirm": {"boost": true}
  }

Accounts live beside it in accounts.json (mode 0600, folder 0700; see tootty accounts --help).
`;
}
