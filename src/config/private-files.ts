// Files that hold tokens or client secrets are 0600 inside a 0700 folder. We set the modes
// on every write and then read them back: a umask, a copied folder or a filesystem that
// ignores chmod must not leave a token readable by other users without us noticing.
import { chmodSync, existsSync, mkdirSync, statSync } from "node:fs";
import { tl } from "../i18n/index.js";

export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

export class PrivateModeError extends Error {
  override name = "PrivateModeError";
}

// Windows has no POSIX modes; chmod there only toggles read-only.
const modesMeanSomething = process.platform !== "win32";

function modeOf(path: string): number {
  return statSync(path).mode & 0o777;
}

/** Creates the folder if needed and makes (and checks) it 0700. */
export function ensurePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  if (!modesMeanSomething) return;
  if (modeOf(dir) !== PRIVATE_DIR_MODE) chmodSync(dir, PRIVATE_DIR_MODE);
  const mode = modeOf(dir);
  if (mode !== PRIVATE_DIR_MODE) {
    throw new PrivateModeError(
      tl("config.notPrivate", { path: dir, mode: mode.toString(8), wanted: "700" }),
    );
  }
}

/** Makes (and checks) an existing file 0600; a missing file is left missing. */
export function ensurePrivateFile(path: string): void {
  if (!modesMeanSomething || !existsSync(path)) return;
  if (modeOf(path) !== PRIVATE_FILE_MODE) chmodSync(path, PRIVATE_FILE_MODE);
  const mode = modeOf(path);
  if (mode !== PRIVATE_FILE_MODE) {
    throw new PrivateModeError(
      tl("config.notPrivate", { path, mode: mode.toString(8), wanted: "600" }),
    );
  }
}
