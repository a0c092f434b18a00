// The settings file (config.json in the config folder): typed, with defaults, and forgiving.
// A bad value is a one-line warning naming the key and the value; that key keeps its default
// and tootty still starts. Read and written with plain fs in conf's format (tab-indented
// JSON): conf pulls in ajv and semver, ~20 ms of start-up for a file we only parse.
import { readFileSync, renameSync, writeFileSync } from "node:fs";
import { tl } from "../i18n/index.js";
import { BIDI_SETTINGS, type BidiSetting } from "./bidi-setting.js";
import type { Keymap } from "./keymap.js";
import { validateKeymap } from "./keymap-settings.js";
import { oneLine } from "./one-line.js";
import { BUFFER_MAX, BUFFER_MIN, type PaneSetting, validatePanes } from "./panes.js";
import { configDir, settingsFile } from "./paths.js";
import { ensurePrivateDir } from "./private-files.js";
import {
  boolean,
  integerIn,
  invalid,
  oneOf,
  section,
  type Warn,
  warnUnknownKeys,
} from "./settings-check.js";
import {
  defaultTheme,
  isColour,
  THEME_BASES,
  THEME_DEFAULTS,
  type Theme,
  type ThemeSlot,
} from "./theme.js";

export const VISIBILITIES = ["public", "unlisted", "private", "direct"] as const;
export type Visibility = (typeof VISIBILITIES)[number];
export const OSC_NOTIFICATIONS = ["off", "osc9", "osc777"] as const;
export { BIDI_SETTINGS, type BidiSetting };
export type OscNotification = (typeof OSC_NOTIFICATIONS)[number];
export const IMAGE_MODES = ["auto", "kitty", "iterm", "sixel", "blocks", "off"] as const;
export type ImageMode = (typeof IMAGE_MODES)[number];

export interface Settings {
  keymap: Keymap;
  theme: Theme;
  panes: PaneSetting[];
  /** Default toots kept per pane; a pane's own bufferSize overrides it. */
  bufferSize: number;
  /** A socket with no frame and no ping for this long is dead (the server pings every 30 s). */
  watchdogMs: number;
  /** Polling interval range while the socket is down. */
  pollMinMs: number;
  pollMaxMs: number;
  notifications: { bell: boolean; osc: OscNotification };
  defaultVisibility: Visibility;
  /** ISO 639 code, or null for the account's own default. */
  defaultLanguage: string | null;
  confirm: { boost: boolean; delete: boolean; quit: boolean; block: boolean; unfollow: boolean };
  bidi: BidiSetting;
  /** tootty's own words: a language tag ("ar", "en-GB"), or null for the locale's (LC_MESSAGES). */
  interfaceLanguage: string | null;
  /** How pictures are drawn: asked of the terminal (auto), one protocol, or not at all. */
  images: ImageMode;
  /** The most rows one picture takes in a timeline. */
  pictureRows: number;
  /** The author's avatar beside each toot (needs pictures: `images` not off). */
  avatars: boolean;
}

export const DEFAULTS = {
  bufferSize: 2000,
  watchdogMs: 45_000,
  pollMinMs: 20_000,
  pollMaxMs: 40_000,
  notifications: { bell: false, osc: "off" as OscNotification },
  defaultVisibility: "public" as Visibility,
  defaultLanguage: null,
  confirm: { boost: false, delete: true, quit: false, block: true, unfollow: true },
  bidi: "auto" as BidiSetting,
  interfaceLanguage: null,
  images: "auto" as ImageMode,
  pictureRows: 8,
  avatars: false,
} as const;

export const SETTINGS_KEYS = [
  "keymap",
  "theme",
  "panes",
  "bufferSize",
  "watchdogMs",
  "pollMinMs",
  "pollMaxMs",
  "notifications",
  "defaultVisibility",
  "defaultLanguage",
  "confirm",
  "bidi",
  "interfaceLanguage",
  "images",
  "pictureRows",
  "avatars",
] as const;

function validateInterfaceLanguage(raw: unknown, warn: Warn): string | null {
  if (raw === undefined || raw === null) return null;
  if (typeof raw === "string" && /^[A-Za-z]{2,3}([-_][A-Za-z0-9]{1,8})*$/.test(raw)) return raw;
  warn(invalid("interfaceLanguage", raw, tl("config.expectLanguageTag"), null));
  return null;
}

function validateTheme(raw: unknown, warn: Warn): Theme {
  const theme = defaultTheme();
  const user = section("theme", raw, warn);
  const slots = Object.keys(THEME_DEFAULTS) as ThemeSlot[];
  warnUnknownKeys("theme", user, ["base", ...slots], warn);
  theme.base = oneOf("theme.base", user.base, THEME_BASES, theme.base, warn);
  for (const slot of slots) {
    const value = user[slot];
    if (value === undefined) continue;
    if (isColour(value)) {
      theme[slot] = value;
      // A slot left at its default (as `config edit` writes every one) keeps the base theme's colour.
      if (value !== THEME_DEFAULTS[slot]) theme.configured[slot] = value;
    } else warn(invalid(`theme.${slot}`, value, tl("config.expectColour"), THEME_DEFAULTS[slot]));
  }
  return theme;
}

function validateLanguage(raw: unknown, warn: Warn): string | null {
  if (raw === undefined || raw === null) return DEFAULTS.defaultLanguage;
  if (typeof raw === "string" && /^[a-z]{2,3}$/.test(raw)) return raw;
  warn(invalid("defaultLanguage", raw, tl("config.expectIsoLanguage"), null));
  return DEFAULTS.defaultLanguage;
}

/** Validates a parsed config object; pure, so every rule is testable without files. */
export function validateSettings(raw: unknown): { settings: Settings; warnings: string[] } {
  const warnings: string[] = [];
  const warn: Warn = (message) => warnings.push(message);
  const user = section(tl("config.topLevel"), raw, warn);
  warnUnknownKeys("", user, SETTINGS_KEYS, warn);

  const bufferSize = integerIn(
    "bufferSize",
    user.bufferSize,
    BUFFER_MIN,
    BUFFER_MAX,
    DEFAULTS.bufferSize,
    warn,
  );
  let pollMinMs = integerIn(
    "pollMinMs",
    user.pollMinMs,
    5_000,
    3_600_000,
    DEFAULTS.pollMinMs,
    warn,
  );
  let pollMaxMs = integerIn(
    "pollMaxMs",
    user.pollMaxMs,
    5_000,
    3_600_000,
    DEFAULTS.pollMaxMs,
    warn,
  );
  if (pollMinMs > pollMaxMs) {
    warn(
      tl("config.pollOrder", {
        min: String(pollMinMs),
        max: String(pollMaxMs),
        minDefault: String(DEFAULTS.pollMinMs),
        maxDefault: String(DEFAULTS.pollMaxMs),
      }),
    );
    pollMinMs = DEFAULTS.pollMinMs;
    pollMaxMs = DEFAULTS.pollMaxMs;
  }
  const notifications = section("notifications", user.notifications, warn);
  warnUnknownKeys("notifications", notifications, ["bell", "osc"], warn);
  const confirm = section("confirm", user.confirm, warn);
  warnUnknownKeys("confirm", confirm, ["boost", "delete", "quit", "block", "unfollow"], warn);

  const settings: Settings = {
    keymap: validateKeymap(user.keymap, warn),
    theme: validateTheme(user.theme, warn),
    panes: validatePanes(user.panes, bufferSize, warn),
    bufferSize,
    // tootty pings a WebSocket every third of this and a healthy server answers at once
    // (RFC 6455 §5.5.2), so the bound no longer waits on the server's own 30 s pings (a stream
    // that cannot be pinged still gets 31 s, see api/stream.ts). Below 5 s, one busy moment
    // (a blocked event loop, a slow link) would drop a healthy socket.
    watchdogMs: integerIn("watchdogMs", user.watchdogMs, 5_000, 600_000, DEFAULTS.watchdogMs, warn),
    pollMinMs,
    pollMaxMs,
    notifications: {
      bell: boolean("notifications.bell", notifications.bell, DEFAULTS.notifications.bell, warn),
      osc: oneOf(
        "notifications.osc",
        notifications.osc,
        OSC_NOTIFICATIONS,
        DEFAULTS.notifications.osc,
        warn,
      ),
    },
    defaultVisibility: oneOf(
      "defaultVisibility",
      user.defaultVisibility,
      VISIBILITIES,
      DEFAULTS.defaultVisibility,
      warn,
    ),
    defaultLanguage: validateLanguage(user.defaultLanguage, warn),
    confirm: {
      boost: boolean("confirm.boost", confirm.boost, DEFAULTS.confirm.boost, warn),
      delete: boolean("confirm.delete", confirm.delete, DEFAULTS.confirm.delete, warn),
      quit: boolean("confirm.quit", confirm.quit, DEFAULTS.confirm.quit, warn),
      block: boolean("confirm.block", confirm.block, DEFAULTS.confirm.block, warn),
      unfollow: boolean("confirm.unfollow", confirm.unfollow, DEFAULTS.confirm.unfollow, warn),
    },
    bidi: oneOf("bidi", user.bidi, BIDI_SETTINGS, DEFAULTS.bidi, warn),
    interfaceLanguage: validateInterfaceLanguage(user.interfaceLanguage, warn),
    images: oneOf("images", user.images, IMAGE_MODES, DEFAULTS.images, warn),
    pictureRows: integerIn("pictureRows", user.pictureRows, 2, 40, DEFAULTS.pictureRows, warn),
    avatars: boolean("avatars", user.avatars, DEFAULTS.avatars, warn),
  };
  return { settings, warnings };
}

/** The parsed file; a missing file is an empty one. A typo throws (it must warn, not wipe). */
function readSettingsFile(dir: string): unknown {
  ensurePrivateDir(dir);
  let text: string;
  try {
    text = readFileSync(settingsFile(dir), "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return {};
    throw error;
  }
  return JSON.parse(text);
}

/** Reads and validates config.json; a missing file means all defaults. */
export function loadSettings(
  env: NodeJS.ProcessEnv = process.env,
  dir: string = configDir(env),
): { settings: Settings; warnings: string[] } {
  let raw: unknown;
  try {
    raw = readSettingsFile(dir);
  } catch (error) {
    const { settings } = validateSettings({});
    const why = oneLine(error instanceof Error ? error.message : String(error), 100);
    return { settings, warnings: [tl("config.unreadable", { why })] };
  }
  return validateSettings(raw);
}

/** The settings as a config file would spell them (what `tootty config edit` starts from). */
export function settingsAsFile(settings: Settings): Record<string, unknown> {
  const { configured: _derived, ...theme } = settings.theme;
  return {
    ...settings,
    theme,
    panes: settings.panes.map((p) =>
      p.width === 1 && p.bufferSize === settings.bufferSize ? p.timeline : p,
    ),
  };
}

/** Writes a config.json full of defaults, so a user editing it sees every key. */
export function writeDefaultSettings(dir: string): string {
  ensurePrivateDir(dir);
  const path = settingsFile(dir);
  // Written beside and renamed over, so a crash never leaves half a file.
  const partial = `${path}.${process.pid}.tmp`;
  writeFileSync(
    partial,
    JSON.stringify(settingsAsFile(validateSettings({}).settings), undefined, "\t"),
  );
  renameSync(partial, path);
  return path;
}
