// A JSON file kept through conf, private (0600 in a 0700 folder) and checked after every
// write. Used for accounts.json and apps.json, the two files that hold secrets.
import Conf from "conf";
import { oneLine } from "./one-line.js";
import { ensurePrivateDir, ensurePrivateFile, PRIVATE_FILE_MODE } from "./private-files.js";

export class ConfigFileError extends Error {
  override name = "ConfigFileError";
}

function invalidJson(path: string, error: unknown): ConfigFileError {
  const why = oneLine(error instanceof Error ? error.message : String(error), 80);
  return new ConfigFileError(`${path} is not valid JSON (${why}): fix or remove it`);
}

export class PrivateJsonStore<T extends Record<string, unknown>> {
  readonly path: string;
  readonly #dir: string;
  readonly #conf: Conf<T>;

  constructor(dir: string, configName: string) {
    this.#dir = dir;
    // conf would create the folder with the umask's mode (usually 0755): create it first.
    ensurePrivateDir(dir);
    const options = {
      cwd: dir,
      configName,
      configFileMode: PRIVATE_FILE_MODE,
      // A hand-edited file with a typo must not silently lose every stored account.
      clearInvalidConfig: false,
      accessPropertiesByDotNotation: false,
      watch: false,
    };
    try {
      this.#conf = new Conf<T>(options);
    } catch (error) {
      // conf reads the file while constructing: a broken file fails here first.
      throw invalidJson(`${dir}/${configName}.json`, error);
    }
    this.path = this.#conf.path;
    ensurePrivateFile(this.path);
  }

  /** Reads the file afresh (another tootty may have written it). */
  read(): Partial<T> {
    try {
      return this.#conf.store;
    } catch (error) {
      throw invalidJson(this.path, error);
    }
  }

  write(value: T): void {
    this.#conf.store = value;
    ensurePrivateDir(this.#dir);
    ensurePrivateFile(this.path);
  }
}
