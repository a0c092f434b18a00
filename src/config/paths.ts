// Where tootty keeps its files: settings, accounts, registered apps and drafts.
// One folder for everything so that TOOTTY_CONFIG_DIR moves all of it at once.
import { homedir } from "node:os";
import { isAbsolute, join, resolve } from "node:path";

/** The config folder: TOOTTY_CONFIG_DIR, else $XDG_CONFIG_HOME/tootty, else ~/.config/tootty. */
export function configDir(env: NodeJS.ProcessEnv = process.env): string {
  const override = env.TOOTTY_CONFIG_DIR;
  if (override) return resolve(override);
  // The XDG spec says a relative XDG_CONFIG_HOME is invalid and must be ignored.
  const xdg = env.XDG_CONFIG_HOME;
  const base = xdg && isAbsolute(xdg) ? xdg : join(env.HOME || homedir(), ".config");
  return join(base, "tootty");
}

/**
 * The cache folder (pictures; safe to delete at any time): inside TOOTTY_CONFIG_DIR when that
 * is set, so one variable still moves everything, else $XDG_CACHE_HOME/tootty, else
 * ~/.cache/tootty.
 */
export function cacheDir(env: NodeJS.ProcessEnv = process.env): string {
  const override = env.TOOTTY_CONFIG_DIR;
  if (override) return join(resolve(override), "cache");
  const xdg = env.XDG_CACHE_HOME;
  const base = xdg && isAbsolute(xdg) ? xdg : join(env.HOME || homedir(), ".cache");
  return join(base, "tootty");
}

/** conf's configName for each file (conf adds ".json"). */
export const SETTINGS_NAME = "config";
export const ACCOUNTS_NAME = "accounts";
export const APPS_NAME = "apps";

/** The hand-edited settings file, shown by `tootty config path`. */
export function settingsFile(dir: string): string {
  return join(dir, `${SETTINGS_NAME}.json`);
}

/** Where the compose room keeps drafts (one file each, written 0600 by DraftStore). */
export function draftsDir(dir: string): string {
  return join(dir, "drafts");
}
