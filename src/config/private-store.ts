// A JSON file kept private (0600 in a 0700 folder) and checked after every write. Used for
// accounts.json and apps.json, the two files that hold secrets. Plain node:fs: the `conf`
// library did the same for these two small files but brought ajv, semver and fast-uri with
// it (~440 KB bundled), which cost ~45 ms of CPU at every start of the TUI, before the first
// paint, just to read accounts.json (`npm run bench start-up`). The file format is conf's
// (tab-indented JSON), so files written before read the same.
import { randomBytes } from "node:crypto";
import {
  closeSync,
  fsyncSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  writeSync,
} from "node:fs";
import { join } from "node:path";
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

  constructor(dir: string, configName: string) {
    this.#dir = dir;
    ensurePrivateDir(dir);
    this.path = join(dir, `${configName}.json`);
    ensurePrivateFile(this.path);
    // A broken file is reported at once, as before anything is done with it.
    this.read();
  }

  /** Reads the file afresh (another tootty may have written it); a missing file is empty. */
  read(): Partial<T> {
    let text: string;
    try {
      text = readFileSync(this.path, "utf8");
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return {};
      throw error;
    }
    // A hand-edited file with a typo must not silently lose every stored account.
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (error) {
      throw invalidJson(this.path, error);
    }
    return typeof data === "object" && data !== null && !Array.isArray(data)
      ? (data as Partial<T>)
      : {};
  }

  /** Replaces the file atomically (a new file renamed over it), created 0600. */
  write(value: T): void {
    ensurePrivateDir(this.#dir);
    const temp = `${this.path}.tmp-${randomBytes(6).toString("hex")}`;
    try {
      // Flushed before the rename: a crash must leave the old file or the new one, never an
      // empty one (rename(2) orders nothing about the data on every filesystem).
      const fd = openSync(temp, "wx", PRIVATE_FILE_MODE);
      try {
        writeSync(fd, `${JSON.stringify(value, undefined, "\t")}\n`);
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
      renameSync(temp, this.path);
    } catch (error) {
      rmSync(temp, { force: true });
      throw error;
    }
    ensurePrivateFile(this.path);
  }
}
