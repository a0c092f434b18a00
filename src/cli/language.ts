// The interface language of a command that prints (login, accounts, --help…): the config's
// `interfaceLanguage` if set, else the environment's (LC_ALL, LC_MESSAGES, LANG).
import { loadSettings } from "../config/settings.js";
import { chooseLocale, loadLanguage, setLocale } from "../i18n/index.js";

export async function useInterfaceLanguage(env: NodeJS.ProcessEnv): Promise<void> {
  // A config that cannot be read is reported by the command that reads it; here it only
  // leaves the choice to the environment.
  const language = chooseLocale(env, loadSettings(env).settings.interfaceLanguage);
  await loadLanguage(language);
  setLocale(language);
}
