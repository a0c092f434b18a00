// The writer of the private files (private-store.ts): conf, which replaces the file
// atomically (write-file-atomic) with the mode asked for. Imported by the commands that change
// stored accounts and app registrations (login, logout, accounts), never by the TUI's start.
import Conf from "conf";
import { PRIVATE_FILE_MODE } from "./private-files.js";
import { installPrivateWriter } from "./private-store.js";

installPrivateWriter((dir, name, value) => {
  const conf = new Conf<Record<string, unknown>>({
    cwd: dir,
    configName: name,
    configFileMode: PRIVATE_FILE_MODE,
    // A hand-edited file with a typo must not silently lose every stored account: the
    // reader reports it first (PrivateJsonStore's constructor), and conf never clears it.
    clearInvalidConfig: false,
    accessPropertiesByDotNotation: false,
    watch: false,
  });
  conf.store = value;
});
