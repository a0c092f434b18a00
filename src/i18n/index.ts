// tootty's own words in the reader's language. A small typed catalogue per language (en.ts
// is the source; every other one has its keys, checked by the compiler and a test), plurals
// by Intl.PluralRules, numbers and relative times by Intl. A maintained library (i18next,
// FormatJS) would bring ICU message parsing and a runtime for features we do not use —
// nested selects, lazy loading of namespaces — where what tootty needs is a lookup, a
// placeholder and a plural category, which Intl already gives.
//
// One language per process, chosen once at start-up (like the terminal's bidi mode).

import type { Action } from "../config/keymap.js";
import { visualBidi, visualText } from "../render/bidi.js";
import { cellWidth, truncateToWidth } from "../render/width.js";
import { enActions } from "./actions-en.js";
import { type Catalogue, en, type MessageKey, type PluralMessage } from "./en.js";

export type { MessageKey } from "./en.js";

/** The languages tootty speaks. English is always here; another loads when chosen. */
export const LANGUAGES: readonly string[] = ["en", "ar"];

interface Words {
  messages: Catalogue;
  /** What each key does, for the `?` help and `tootty config --help`. */
  actions: Readonly<Record<Action, string>>;
}

// Arabic's catalogues are ~110 KB of the bundle (every non-ASCII character written as \uXXXX,
// see scripts/build.mjs): compiled only in a process that speaks Arabic.
const LOADERS: Readonly<Record<string, () => Promise<Words>>> = {
  ar: async () => {
    const [{ ar }, { arActions }] = await Promise.all([
      import("./ar.js"),
      import("./actions-ar.js"),
    ]);
    return { messages: ar, actions: arActions };
  },
};

const loaded = new Map<string, Words>([["en", { messages: en, actions: enActions }]]);

const languageOf = (tag: string) => tag.split("-")[0]!.toLowerCase();

/** Loads the catalogue of `tag`'s language (if tootty has one): setLocale needs it first. */
export async function loadLanguage(tag: string): Promise<void> {
  const language = languageOf(tag);
  const load = LOADERS[language];
  if (load && !loaded.has(language)) loaded.set(language, await load());
}

/** The catalogue of `language` (one of LANGUAGES), loaded if need be. */
export async function catalogue(language: string): Promise<Catalogue | undefined> {
  await loadLanguage(language);
  return loaded.get(language)?.messages;
}

const RTL_LANGUAGES = new Set(["ar", "fa", "he", "ur"]);

interface Current {
  tag: string;
  messages: Catalogue;
  rtl: boolean;
  /** The plural category of `count` (Intl.PluralRules, made on first use). */
  plural(count: number): Intl.LDMLPluralRule;
  /** `n` in the language's digits (Intl.NumberFormat, made on first use). */
  number(n: number): string;
  /** A whole percentage, `n` of 100, as the language writes it (Intl's percent style). */
  percent(n: number): string;
  /** `n` in the language's digits, not grouped (Intl.NumberFormat, useGrouping false). */
  digits(n: number): string;
}

/**
 * English without a Unicode extension (en, en-GB, en-Latn-US, en-001 — not en-u-nu-arab):
 * Latin digits, grouped from the thousands, as Intl.NumberFormat writes them for English.
 */
const PLAIN_ENGLISH = /^en(?:-[A-Za-z]{4})?(?:-(?:[A-Za-z]{2}|\d{3}))?$/;

function make(tag: string): Current {
  const language = languageOf(tag);
  const words = loaded.get(language);
  if (!words && LOADERS[language])
    throw new Error(
      `the "${language}" catalogue is not loaded: await loadLanguage("${tag}") first`,
    );
  // The first Intl.NumberFormat of a process loads ICU's number data: ~15 ms of CPU before the
  // first paint, where the headers' "5m" and "3h" are the only numbers. An English integer
  // below 1 000 is its own decimal digits (test/i18n/numbers checks it against Intl).
  const plainDigits = PLAIN_ENGLISH.test(tag);
  // Likewise the first Intl.PluralRules pages in ~1.9 MB of ICU's plural data (RSS, bare
  // node 20), for English's one rule on an integer: "one" for 1 and only 1 (CLDR plurals,
  // en: `i = 1 and v = 0`, of the absolute value). A fraction goes to Intl, which rounds it
  // to three digits first (1.0000001 is "one"). test/i18n/numbers checks it against Intl.
  const englishPlural = plainDigits;
  let plural: Intl.PluralRules | undefined;
  let number: Intl.NumberFormat | undefined;
  let percent: Intl.NumberFormat | undefined;
  let digits: Intl.NumberFormat | undefined;
  return {
    tag,
    messages: words?.messages ?? en,
    rtl: RTL_LANGUAGES.has(language),
    plural: (count) => {
      if (englishPlural && Number.isInteger(count)) return Math.abs(count) === 1 ? "one" : "other";
      plural ??= new Intl.PluralRules(tag);
      return plural.select(count);
    },
    number: (n) => {
      if (plainDigits && Number.isInteger(n) && n >= 0 && n < 1000 && !Object.is(n, -0))
        return String(n);
      number ??= new Intl.NumberFormat(tag);
      return number.format(n);
    },
    digits: (n) => {
      if (plainDigits && Number.isInteger(n) && !Object.is(n, -0)) return String(n);
      digits ??= new Intl.NumberFormat(tag, { useGrouping: false });
      return digits.format(n);
    },
    percent: (n) => {
      if (plainDigits && Number.isInteger(n) && n >= 0 && n <= 100) return `${n}%`;
      percent ??= new Intl.NumberFormat(tag, { style: "percent", maximumFractionDigits: 0 });
      // ICU wraps the sign in bidi marks ("42\u200e%\u200e" in ar); tootty lays the share out
      // itself, and UAX #9 already keeps "42%" together (W5) and "٤٢٪" in its order (N1).
      return percent.format(n / 100).replace(/[\u200e\u200f\u061c]/g, "");
    },
  };
}

let current: Current | null = null;
const now = (): Current => {
  current ??= make("en");
  return current;
};

/**
 * A POSIX locale name (`ar_EG.UTF-8`, `de_DE@euro`) or a BCP 47 tag (`ar-EG`) → a BCP 47
 * tag Intl accepts; "C" and "POSIX" (and anything Intl rejects) are English.
 */
export function localeTag(name: string): string {
  const base = name.split(/[.@]/)[0]!.replace(/_/g, "-");
  if (base === "" || base === "C" || base === "POSIX") return "en";
  try {
    return Intl.getCanonicalLocales(base)[0] ?? "en";
  } catch {
    return "en";
  }
}

/**
 * The interface language: the config's if set, else the environment's as the C library reads
 * it for messages (LC_ALL, then LC_MESSAGES, then LANG).
 */
export function chooseLocale(env: NodeJS.ProcessEnv, configured?: string | null): string {
  if (configured) return localeTag(configured);
  return localeTag(env.LC_ALL || env.LC_MESSAGES || env.LANG || "");
}

export function setLocale(tag: string): void {
  current = make(tag);
}

export function locale(): string {
  return now().tag;
}

function pick(message: string | PluralMessage, count: number | undefined, c: Current): string {
  if (typeof message === "string") return message;
  const category = count === undefined ? "other" : c.plural(count);
  return message[category] ?? message.other;
}

export type Params = Readonly<Record<string, string | number>>;

function fill(text: string, params: Params | undefined, c: Current): string {
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === "number" ? c.number(value) : value;
  });
}

/**
 * The message `key` in the interface language (English where a catalogue lacks it), its
 * placeholders filled (numbers in the language's digits), the plural chosen by `count`, in
 * logical order: for a piece that goes into another message. What is drawn goes through
 * `t` (or `shown`).
 */
export function tl(key: MessageKey, params?: Params): string {
  const c = now();
  const message = c.messages[key] ?? en[key];
  const count = typeof params?.count === "number" ? params.count : undefined;
  return fill(pick(message, count, c), params, c);
}

/**
 * `tl` with the placeholder `slot` left open: the text before it and after it, for what is
 * drawn in its place as pieces of its own (a name with its custom emoji, a mention).
 */
export function tlAround(key: MessageKey, slot: string, params?: Params): [string, string] {
  const text = tl(key, params);
  const at = text.indexOf(`{${slot}}`);
  return at < 0 ? [text, ""] : [text.slice(0, at), text.slice(at + slot.length + 2)];
}

/**
 * A message as the terminal must get it, where tootty does the bidi: in visual order, one
 * paragraph per line — right to left in a right-to-left language, else left to right with
 * any right-to-left text in it (a server's name, an Arabic list title) reordered in place.
 * Unchanged where the terminal reorders. Never apply it twice (compose with `tl`).
 */
export function shown(text: string): string {
  if (!visualBidi()) return text;
  return visualText(text, now().rtl ? "rtl" : "ltr");
}

/**
 * Text that is not a message of ours — what the user typed, a list's title — inside tootty's
 * left-to-right layout, as the terminal must get it: any right-to-left run in it reordered in
 * place where tootty does the bidi, whatever the interface language.
 */
export function inLine(text: string, base: "ltr" | "auto" = "ltr"): string {
  return visualBidi() ? visualText(text, base) : text;
}

/**
 * A value that must read left to right as one unit inside a message, whatever the message's
 * direction: a date and a time ("2026-12-01 09:00"). In an Arabic sentence UAX #9 would make
 * each of its numbers Arabic (W2: the strong letter before them is Arabic), so the space
 * between date and time runs right to left and draws the time first (N1), and the date's
 * hyphens, no longer between European numbers (W4), turn the date around ("01-12-2026").
 * Where tootty reorders, the value is a left-to-right isolate (LRI…PDI, dropped from what is
 * drawn); a terminal that reorders gets an LRM on each side, the mark the sanitiser already
 * sends it (W7 then makes the numbers left to right). A left-to-right interface needs neither.
 */
export function ltrUnit(text: string): string {
  if (!now().rtl) return text;
  return visualBidi() ? `\u2066${text}\u2069` : `\u200e${text}\u200e`;
}

/**
 * Text that is not ours (what the user wrote, a server's words) inside one of our messages,
 * as one first-strong isolate (UAX #9 FSI…PDI, what HTML's <bdi> does) where tootty reorders
 * a right-to-left interface: "10 things" keeps its number before its words. Already
 * sanitised: the sanitiser drops the bidi controls a string brings of its own. Unchanged
 * elsewhere, as `isolateRun` leaves a toot's pieces.
 */
export function isolated(text: string): string {
  return now().rtl && visualBidi() ? `\u2068${text}\u2069` : text;
}

/** Whether the interface language is written right to left (tootty's own lines mirror). */
export function rtlInterface(): boolean {
  return now().rtl;
}

/**
 * A row of a panel made of tootty's words (logical order, at most `width` cells once cut):
 * `shown`, and in a right-to-left interface where tootty does the bidi against the right
 * edge, as the lines of a toot's own parts are (render/status-parts.ts ownLines). It is cut
 * in reading order first, so what gives way is the end of the sentence.
 */
export function shownRow(text: string, width: number): string {
  const row = shown(truncateToWidth(text, width));
  if (!visualBidi() || !now().rtl) return row;
  return " ".repeat(Math.max(0, width - cellWidth(row))) + row;
}

/** `tl`, ready to draw. */
export function t(key: MessageKey, params?: Params): string {
  return shown(tl(key, params));
}

/** What the key for `action` does, in logical order (for `tootty config --help`). */
export function actionWords(action: Action): string {
  return loaded.get(languageOf(now().tag))?.actions[action] ?? enActions[action];
}

/**
 * A number in the interface language's digits: every number tootty writes (counts, times,
 * shares) takes the digits Intl.NumberFormat gives for the locale, so ar-EG writes ١٢ where
 * ar-MA writes 12, and never both on one screen.
 */
export function formatNumber(n: number): string {
  return now().number(n);
}

/**
 * `n` in the interface language's digits without grouping: a figure read against another
 * beside it, as the composer's "used/max" counter ("10005/10000", ar-EG "١٠٠٠٥/١٠٠٠٠").
 */
export function formatDigits(n: number): string {
  return now().digits(n);
}

/**
 * A whole percentage (`n` of 100) in the language's digits and percent sign ("42%", ar-EG
 * "٤٢٪"), in logical order.
 */
export function formatPercent(n: number): string {
  return now().percent(Math.round(n));
}

const UNITS: ReadonlyArray<[Intl.RelativeTimeFormatUnit, number]> = [
  ["day", 86_400],
  ["hour", 3_600],
  ["minute", 60],
  ["second", 1],
];

/** "in 5 seconds", "3 minutes ago" — or their Arabic — for a time `seconds` from now. */
export function relativeTime(seconds: number, style: "long" | "narrow" = "long"): string {
  return shown(relativeTimeWords(seconds, style));
}

/** `relativeTime` in logical order, for a piece of another message. */
export function relativeTimeWords(seconds: number, style: "long" | "narrow" = "long"): string {
  const c = now();
  const format = new Intl.RelativeTimeFormat(c.tag, { numeric: "auto", style });
  const magnitude = Math.abs(seconds);
  const [unit, size] = UNITS.find(([, s]) => magnitude >= s) ?? ["second", 1];
  return format.format(Math.round(seconds / size), unit);
}
