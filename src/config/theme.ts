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
export type Theme = Record<ThemeSlot, string>;

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
  return { ...THEME_DEFAULTS };
}
