/**
 * The toot's language: the configured default, else the locale's (LC_ALL, LC_MESSAGES,
 * LANG), else none (the server then guesses). Codes are ISO 639-1/3 as Mastodon takes them.
 */
import { locale } from "../i18n/index.js";

const CODE = /^[a-z]{2,3}$/;

export function defaultLanguage(
  configured: string | null | undefined,
  env: NodeJS.ProcessEnv,
): string | null {
  if (configured && CODE.test(configured.toLowerCase())) return configured.toLowerCase();
  for (const name of ["LC_ALL", "LC_MESSAGES", "LANG"] as const) {
    const value = env[name];
    if (!value) continue;
    const code = value.split(/[_.@-]/, 1)[0]!.toLowerCase();
    // "C" and "POSIX" say nothing about the language the user writes in.
    return CODE.test(code) ? code : null;
  }
  return null;
}

// The languages offered first in the picker; any other code works with :lang CODE.
const COMMON = [
  "en",
  "de",
  "fr",
  "es",
  "ja",
  "pt",
  "it",
  "nl",
  "pl",
  "ru",
  "uk",
  "zh",
  "ko",
  "sv",
  "fi",
  "da",
  "nb",
  "cs",
  "tr",
  "ar",
  "fa",
  "he",
  "ca",
  "eu",
  "gl",
  "cy",
  "ga",
  "eo",
  "id",
  "hi",
];

export interface LanguageChoice {
  code: string;
  name: string;
}

/** Choices for the picker, the current one first, each named in the interface language. */
export function languageChoices(current: string | null): LanguageChoice[] {
  const names = new Intl.DisplayNames([locale(), "en"], { type: "language" });
  const codes = current && !COMMON.includes(current) ? [current, ...COMMON] : COMMON;
  const ordered = current ? [current, ...codes.filter((c) => c !== current)] : codes;
  return ordered.map((code) => ({ code, name: names.of(code) ?? code }));
}
