// What the terminal at the other end can show, decided once at start-up from the
// environment (which SSH forwards: TERM, LANG/LC_*, COLORTERM, NO_COLOR). Pure, so every
// TERM and locale we support is a table row in the tests, not a terminal session.

/** 0 none, 1 the 16 ANSI colours, 2 the 256-colour palette, 3 truecolor (chalk's levels). */
export type ColorLevel = 0 | 1 | 2 | 3;

export interface TerminalCapabilities {
  /** $TERM, or "xterm" when unset (blessed's own fallback). */
  term: string;
  /** The locale's character set is UTF-8: draw box lines and symbols, else plain ASCII. */
  unicode: boolean;
  colorLevel: ColorLevel;
}

/** LC_ALL overrides LC_CTYPE overrides LANG, as in the C library's setlocale. */
export function unicodeLocale(env: NodeJS.ProcessEnv): boolean {
  const locale = env.LC_ALL || env.LC_CTYPE || env.LANG || "";
  return /utf-?8/i.test(locale);
}

// Terminals whose terminfo entries have no colours at all.
const MONOCHROME = /^(dumb|vt52|vt100|vt102|vt220|vt320)(-|$)/;

/**
 * NO_COLOR (any non-empty value, no-color.org) wins, then FORCE_COLOR, then the terminal:
 * COLORTERM=truecolor|24bit or a `-direct` TERM is truecolor, a `256` TERM the 256 palette,
 * a monochrome terminal none, any other terminal the 16 ANSI colours.
 */
export function detectColorLevel(env: NodeJS.ProcessEnv, isTTY: boolean): ColorLevel {
  if (env.NO_COLOR) return 0;
  const force = env.FORCE_COLOR;
  if (force !== undefined) {
    if (force === "false" || force === "0") return 0;
    const n = Number.parseInt(force, 10);
    if (n >= 1 && n <= 3) return n as ColorLevel;
    return 1;
  }
  if (!isTTY) return 0;
  const term = (env.TERM ?? "").toLowerCase();
  if (MONOCHROME.test(term)) return 0;
  const colorterm = (env.COLORTERM ?? "").toLowerCase();
  if (colorterm === "truecolor" || colorterm === "24bit" || term.endsWith("-direct")) return 3;
  if (/256/.test(term)) return 2;
  return 1;
}

export function detectTerminal(
  env: NodeJS.ProcessEnv,
  stream: { isTTY?: boolean } = process.stdout,
): TerminalCapabilities {
  return {
    term: env.TERM || "xterm",
    unicode: unicodeLocale(env),
    colorLevel: detectColorLevel(env, stream.isTTY === true),
  };
}
