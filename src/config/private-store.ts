// A JSON file kept private (0600 in a 0700 folder) and checked after every write. Used for
// accounts.json and apps.json, the two files that hold secrets. Written through `conf` (see
// conf-writer.ts), read here with node:fs: every start of the TUI reads accounts.json before
// its first paint, and loading conf (with ajv, semver and fast-uri, ~440 KB bundled) for that
// read cost ~45 ms of CPU (`npm run bench -- start-up`). Only `tootty login`, `logout` and
// `accounts` change these files; they load the writer. The format is conf's own
// (tab-indented JSON).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { tl } from "../i18n/index.js";
import { oneLine } from "./one-line.js";
import { ensurePrivateDir, ensurePrivateFile } from "./private-files.js";

/** Writes `value` as `<dir>/<name>.json`, created 0600; installed by conf-writer.ts. */
export type PrivateWriter = (dir: string, name: string, value: Record<string, unknown>) => void;
let writer: PrivateWriter | undefined;

export function installPrivateWriter(next: PrivateWriter): void {
  writer = next;
}

export class ConfigFileError extends Error {
  override name = "ConfigFileError";
}

function invalidJson(path: string, error: unknown): ConfigFileError {
  const why = oneLine(error instanceof Error ? error.message : String(error), 80);
  return new ConfigFileError(tl("config.invalidJson", { path, why }));
}

export class PrivateJsonStore<T extends Record<string, unknown>> {
  readonly path: string;
  readonly #dir: string;
  readonly #name: string;

  constructor(dir: string, configName: string) {
    this.#dir = dir;
    this.#name = configName;
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

  /** Replaces the file's contents through the installed writer; the file stays 0600. */
  write(value: T): void {
    if (!writer) throw new Error(tl("config.readOnly", { path: this.path }));
    ensurePrivateDir(this.#dir);
    writer(this.#dir, this.#name, value);
    ensurePrivateFile(this.path);
  }
}
