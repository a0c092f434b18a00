// Colour themes. A Theme maps each role the renderer draws to a function adding SGR codes.
// Colour depth follows chalk's detection, with NO_COLOR and FORCE_COLOR honoured first.
import { Chalk, type ChalkInstance, supportsColor } from "chalk";

export type ColorLevel = 0 | 1 | 2 | 3;
export type ThemeName = "dark" | "light" | "mono";
type Paint = (s: string) => string;

const ROLES = [
  "text",
  "displayName",
  "acct",
  "meta",
  "boost",
  "reply",
  "cw",
  "filtered",
  "link",
  "linkDomain",
  "mention",
  "hashtag",
  "emoji",
  "code",
  "quoteBar",
  "bold",
  "italic",
  "strike",
  "underline",
  "pollBar",
  "pollBarEmpty",
  "pollOwn",
  "media",
  "sensitive",
  "card",
  "counts",
  "active",
  "notice",
] as const;
export type Role = (typeof ROLES)[number];

export interface Theme {
  name: ThemeName;
  level: ColorLevel;
  /** Tells apart themes that paint differently (base, level, configured colours): the cache key. */
  key: string;
  /**
   * With no SGR at all (NO_COLOR, a dumb terminal) emphasis is written as markers
   * (*bold*, _italic_, ~strike~, `code`) so it stays readable.
   */
  markers: boolean;
  paint: Record<Role, Paint>;
}

/** NO_COLOR (any non-empty value) wins, then FORCE_COLOR, then chalk's terminal detection. */
export function detectColorLevel(env: NodeJS.ProcessEnv = process.env): ColorLevel {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== "") return 0;
  const force = env.FORCE_COLOR;
  if (force !== undefined) {
    if (force === "" || force === "true" || force === "1") return 1;
    if (force === "false" || force === "0") return 0;
    const n = Number.parseInt(force, 10);
    if (n >= 1 && n <= 3) return n as ColorLevel;
  }
  return supportsColor ? (supportsColor.level as ColorLevel) : 0;
}

type Palette = Record<Role, (c: ChalkInstance) => ChalkInstance | null>;

const common: Pick<Palette, "bold" | "italic" | "strike" | "underline" | "text"> = {
  text: () => null,
  bold: (c) => c.bold,
  italic: (c) => c.italic,
  strike: (c) => c.strikethrough,
  underline: (c) => c.underline,
};

const palettes: Record<ThemeName, Palette> = {
  dark: {
    ...common,
    displayName: (c) => c.bold.whiteBright,
    acct: (c) => c.gray,
    meta: (c) => c.gray,
    boost: (c) => c.green,
    reply: (c) => c.gray,
    cw: (c) => c.yellow,
    filtered: (c) => c.yellow,
    link: (c) => c.cyan.underline,
    linkDomain: (c) => c.gray,
    mention: (c) => c.blueBright,
    hashtag: (c) => c.magentaBright,
    emoji: (c) => c.yellow,
    code: (c) => c.greenBright,
    quoteBar: (c) => c.gray,
    pollBar: (c) => c.blueBright,
    pollBarEmpty: (c) => c.gray,
    pollOwn: (c) => c.bold.blueBright,
    media: (c) => c.cyan,
    sensitive: (c) => c.redBright,
    card: (c) => c.white,
    counts: (c) => c.gray,
    active: (c) => c.yellowBright,
    notice: (c) => c.italic.gray,
  },
  light: {
    ...common,
    displayName: (c) => c.bold.black,
    acct: (c) => c.blackBright,
    meta: (c) => c.blackBright,
    boost: (c) => c.green,
    reply: (c) => c.blackBright,
    cw: (c) => c.red,
    filtered: (c) => c.red,
    link: (c) => c.blue.underline,
    linkDomain: (c) => c.blackBright,
    mention: (c) => c.blue,
    hashtag: (c) => c.magenta,
    emoji: (c) => c.yellow,
    code: (c) => c.green,
    quoteBar: (c) => c.blackBright,
    pollBar: (c) => c.blue,
    pollBarEmpty: (c) => c.blackBright,
    pollOwn: (c) => c.bold.blue,
    media: (c) => c.cyan,
    sensitive: (c) => c.red,
    card: (c) => c.black,
    counts: (c) => c.blackBright,
    active: (c) => c.bold.red,
    notice: (c) => c.italic.blackBright,
  },
  // No colour at all: emphasis by weight, slant and underline only.
  mono: {
    ...common,
    displayName: (c) => c.bold,
    acct: () => null,
    meta: () => null,
    boost: () => null,
    reply: () => null,
    cw: (c) => c.bold,
    filtered: (c) => c.bold,
    link: (c) => c.underline,
    linkDomain: () => null,
    mention: (c) => c.bold,
    hashtag: (c) => c.bold,
    emoji: (c) => c.italic,
    code: (c) => c.inverse,
    quoteBar: () => null,
    pollBar: () => null,
    pollBarEmpty: () => null,
    pollOwn: (c) => c.bold,
    media: () => null,
    sensitive: (c) => c.bold,
    card: () => null,
    counts: () => null,
    active: (c) => c.bold,
    notice: (c) => c.italic,
  },
};

const identity: Paint = (s) => s;

/**
 * A role's SGR codes as a plain open/close pair: painting is then two string concatenations
 * instead of a chalk call, which matters when scrolling thousands of toots. We only ever
 * paint homogeneous runs, so chalk's nested-close bookkeeping is not needed.
 */
function openClose(styled: ChalkInstance): [string, string] {
  const marked = styled("\u0000");
  const at = marked.indexOf("\u0000");
  return [marked.slice(0, at), marked.slice(at + 1)];
}

/**
 * Colour slots of the config file's `theme` section that colour toots, and the render roles
 * each one paints (border, selection, statusBar, error and warning belong to the UI around).
 */
export const SLOT_ROLES = {
  author: ["displayName"],
  handle: ["acct"],
  timestamp: ["meta"],
  link: ["link"],
  mention: ["mention"],
  hashtag: ["hashtag"],
  contentWarning: ["cw", "filtered"],
  boost: ["boost"],
  favourite: ["active"],
} as const satisfies Record<string, readonly Role[]>;
/** Configured colours by slot: a colour name ("bright-blue", "gray", "default") or "#rrggbb". */
export type SlotColours = Partial<Record<string, string>>;

/** What a role keeps of its base style when a configured colour replaces the base colour. */
const ROLE_WEIGHT: Partial<Record<Role, (c: ChalkInstance) => ChalkInstance>> = {
  displayName: (c) => c.bold,
  link: (c) => c.underline,
};

/** A configured colour on a chalk instance, or null for "default" (the terminal's own colour) and unknown names. */
function colourOf(chalk: ChalkInstance, colour: string): ChalkInstance | null {
  if (/^#[0-9a-f]{6}$/i.test(colour)) return chalk.hex(colour);
  const name = colour.toLowerCase();
  if (name === "grey" || name === "gray") return chalk.gray;
  const bright = /^bright-(black|red|green|yellow|blue|magenta|cyan|white)$/.exec(name);
  if (bright) return chalk[`${bright[1]}Bright` as "redBright"];
  if (/^(black|red|green|yellow|blue|magenta|cyan|white)$/.test(name)) return chalk[name as "red"];
  return null;
}

function configuredStyles(
  colours: SlotColours,
): Partial<Record<Role, (c: ChalkInstance) => ChalkInstance | null>> {
  const out: Partial<Record<Role, (c: ChalkInstance) => ChalkInstance | null>> = {};
  for (const [slot, roles] of Object.entries(SLOT_ROLES)) {
    const colour = colours[slot];
    if (typeof colour !== "string") continue;
    for (const role of roles) {
      const weight = ROLE_WEIGHT[role];
      out[role] = (c) => {
        const base = weight ? weight(c) : c;
        return colourOf(base, colour) ?? (weight ? base : null);
      };
    }
  }
  return out;
}

/**
 * A theme at a colour level. `colours` (the config file's slots) replace the base theme's
 * colour for the roles they name, downsampled by chalk to what the level can show.
 */
export function createTheme(name: ThemeName, level: ColorLevel, colours: SlotColours = {}): Theme {
  const chalk = new Chalk({ level });
  const palette = { ...palettes[name], ...configuredStyles(colours) };
  const paint = {} as Record<Role, Paint>;
  for (const role of ROLES) {
    const styled = level === 0 ? null : palette[role](chalk);
    if (!styled) {
      paint[role] = identity;
      continue;
    }
    const [open, close] = openClose(styled);
    paint[role] = open === "" ? identity : (s: string) => open + s + close;
  }
  const configured = Object.keys(SLOT_ROLES)
    .filter((slot) => typeof colours[slot] === "string")
    .map((slot) => `${slot}=${colours[slot]}`)
    .join(",");
  return { name, level, key: `${name}/${level}/${configured}`, markers: level === 0, paint };
}

let detected: Record<ThemeName, Theme> | null = null;

function detectedThemes(): Record<ThemeName, Theme> {
  if (!detected) {
    const level = detectColorLevel();
    detected = {
      dark: createTheme("dark", level),
      light: createTheme("light", level),
      mono: createTheme("mono", level),
    };
  }
  return detected;
}

/** The three themes at the detected colour level (built on first use, not at import). */
export const themes: Record<ThemeName, Theme> = {
  get dark() {
    return detectedThemes().dark;
  },
  get light() {
    return detectedThemes().light;
  },
  get mono() {
    return detectedThemes().mono;
  },
};

/**
 * A theme by its configured name (unknown names fall back to dark), optionally at a given
 * level (the detected one if absent) and with the config file's slot colours.
 */
export function pickTheme(name: string, level?: ColorLevel, colours?: SlotColours): Theme {
  const n: ThemeName = name === "light" || name === "mono" ? name : "dark";
  if (colours && Object.keys(colours).length > 0)
    return createTheme(n, level ?? detectColorLevel(), colours);
  return level === undefined ? themes[n] : createTheme(n, level);
}
