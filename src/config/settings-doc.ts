// The text of `tootty config --help`, built from the same tables the validator uses so the
// documentation cannot drift from what is accepted. The words are the catalogues' (in the
// interface language); key names, values and examples are JSON and stay as they are written.
import { actionWords, tl } from "../i18n/index.js";
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
  const actions = ACTION_NAMES.map(
    (a) => `    ${a.padEnd(15)}${ACTIONS[a].keys.join(" ").padEnd(18)}${actionWords(a)}`,
  );
  const theme = Object.entries(THEME_DEFAULTS).map(
    ([slot, colour]) => `    ${slot.padEnd(16)}${colour}`,
  );
  // Three questions a line, under the column the descriptions start in.
  const questions = Object.entries(DEFAULTS.confirm).map(([k, v]) => `"${k}": ${v}`);
  const confirm = [0, 3].map((at) => questions.slice(at, at + 3).join(", ")).filter((l) => l);
  return tl("config.help", {
    path: settingsPath,
    actions: actions.join("\n"),
    colours: COLOUR_NAMES.join(", "),
    theme: theme.join("\n"),
    maxPanes: String(MAX_PANES),
    defaultPanes: JSON.stringify(DEFAULT_PANES),
    bufferMin: String(BUFFER_MIN),
    bufferMax: String(BUFFER_MAX),
    bufferSize: String(DEFAULTS.bufferSize),
    watchdogMs: String(DEFAULTS.watchdogMs),
    pollMinMs: String(DEFAULTS.pollMinMs),
    pollMaxMs: String(DEFAULTS.pollMaxMs),
    bell: String(DEFAULTS.notifications.bell),
    oscChoices: OSC_NOTIFICATIONS.join(" | "),
    osc: DEFAULTS.notifications.osc,
    visibilities: VISIBILITIES.join(" | "),
    visibility: DEFAULTS.defaultVisibility,
    confirm: `{${confirm.join(`,\n${" ".repeat(21)}`)}}`,
    bidiChoices: BIDI_SETTINGS.join(" | "),
    bidi: DEFAULTS.bidi,
    imageModes: IMAGE_MODES.join(" | "),
    images: DEFAULTS.images,
    pictureRows: String(DEFAULTS.pictureRows),
    avatars: String(DEFAULTS.avatars),
  });
}
