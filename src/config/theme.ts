// Colours by purpose. Values are a terminal colour name or "#rrggbb"; both blessed and chalk
// understand these (chalk via chalk.hex / chalk[name]).

export const THEME_DEFAULTS = {
  border: "gray",
  borderFocused: "cyan",
  author: "bright-white",
  handle: "gray",
  timestamp: "gray",
  link: "blue",
  mention: "cyan",
  hashtag: "magenta",
  contentWarning: "yellow",
  boost: "green",
  favourite: "yellow",
  selection: "blue",
  statusBar: "bright-black",
  error: "red",
  warning: "yellow",
} as const;

export type ThemeSlot = keyof typeof THEME_DEFAULTS;

/** The built-in themes a configured one starts from (src/render/theme.ts). */
export const THEME_BASES = ["dark", "light", "mono"] as const;
export type ThemeBase = (typeof THEME_BASES)[number];

export type Theme = Record<ThemeSlot, string> & {
  base: ThemeBase;
  /**
   * Only the slots the config file set to something else than their default. The defaults
   * above suit the UI's frame; toots keep the base theme's own palette unless a slot is
   * changed (a light base must not get "bright-white" names because that is the default).
   * Derived: never written back to the file.
   */
  configured: Partial<Record<ThemeSlot, string>>;
};

const BASE_COLOURS = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"];
export const COLOUR_NAMES: readonly string[] = [
  "default",
  "gray",
  "grey",
  ...BASE_COLOURS,
  ...BASE_COLOURS.map((c) => `bright-${c}`),
];

export function isColour(value: unknown): value is string {
  return (
    typeof value === "string" && (COLOUR_NAMES.includes(value) || /^#[0-9a-f]{6}$/i.test(value))
  );
}

export function defaultTheme(): Theme {
  return { ...THEME_DEFAULTS, base: "dark", configured: {} };
}
