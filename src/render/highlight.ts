// Syntax highlighting for code blocks through marked + marked-terminal (cli-highlight).
// Importing marked-terminal loads highlight.js (run from source, every grammar: ~200–290 ms; the
// bundle gives it only GUESSED_LANGUAGES' grammars, scripts/highlight-subset.cjs), so it never
// sits on the start-up path: the CLI calls warmUpCodeHighlighting() once the screen
// is up and a code block has been drawn (onCodeHighlightingWanted), code blocks are drawn
// plain until it resolves, and the render cache key changes when it has.
import { Chalk, type ChalkInstance } from "chalk";
import type { ColorLevel, ThemeName } from "./theme.js";

type Parse = (markdown: string) => string;
interface Loaded {
  /** Builds a marked instance whose code blocks are highlighted with the given colours. */
  makeParser(theme: Record<string, (s: string) => string>): Parse;
  /** marked-terminal returns code untouched while the default chalk instance has level 0. */
  setGateLevel(level: ColorLevel): ColorLevel;
}

/**
 * Mastodon strips the language class from code, so the language is usually guessed: trying
 * every grammar costs ~5 ms a block, these few cover what people post.
 */
export const GUESSED_LANGUAGES = [
  "javascript",
  "typescript",
  "python",
  "bash",
  "json",
  "rust",
  "go",
  "ruby",
  "java",
  "c",
  "cpp",
  "css",
  "xml",
  "yaml",
  "sql",
  "diff",
];
/** Longer code is drawn plain: guessing and highlighting it would stall a paint. */
const MAX_HIGHLIGHTED = 4000;

let loaded: Loaded | null = null;
let loading: Promise<void> | null = null;
const parsers = new Map<string, Parse>();

let wanted: (() => void) | undefined;

/**
 * Calls `listener` once, the first time a code block is drawn plain that the highlighter
 * would have coloured: a screen that never shows code never loads the grammars.
 */
export function onCodeHighlightingWanted(listener: () => void): void {
  wanted = listener;
}

/** True once marked + marked-terminal are loaded: code blocks are then highlighted. */
export function codeHighlightingReady(): boolean {
  return loaded !== null;
}

/** Loads marked + marked-terminal in the background; safe to call more than once. Never rejects. */
export function warmUpCodeHighlighting(): Promise<void> {
  loading ??= (async () => {
    try {
      const [{ Marked }, { markedTerminal }, chalkModule] = await Promise.all([
        import("marked"),
        import("marked-terminal"),
        import("chalk"),
      ]);
      const gate = chalkModule.default;
      loaded = {
        makeParser(theme) {
          const marked = new Marked(
            markedTerminal(
              // No indent (we indent), no colour for unhighlightable code, no emoji rewriting.
              { tab: 0, code: (s: string) => s, emoji: false, reflowText: false },
              // The typings describe cardinal's options; cli-highlight takes a theme of functions.
              {
                theme,
                ignoreIllegals: true,
                languageSubset: GUESSED_LANGUAGES,
              } as unknown as Parameters<typeof markedTerminal>[1],
            ) as ConstructorParameters<typeof Marked>[0],
          );
          return (md) => marked.parse(md, { async: false }) as string;
        },
        setGateLevel(level) {
          const before = gate.level as ColorLevel;
          gate.level = level;
          return before;
        },
      };
    } catch {
      // Without the formatter code stays plain: nothing else depends on it.
    }
  })();
  return loading;
}

/** Token colours for cli-highlight, from our own chalk at the theme's level. */
function tokenTheme(name: ThemeName, level: ColorLevel): Record<string, (s: string) => string> {
  const c = new Chalk({ level });
  const dark = name === "dark";
  const fn = (s: ChalkInstance) => (t: string) => s(t);
  const keyword = fn(dark ? c.magentaBright : c.magenta);
  const string = fn(dark ? c.greenBright : c.green);
  const number = fn(dark ? c.yellowBright : c.yellow);
  const comment = fn(dark ? c.gray : c.blackBright);
  const title = fn(dark ? c.blueBright : c.blue);
  const type = fn(dark ? c.cyanBright : c.cyan);
  return {
    keyword,
    "selector-tag": keyword,
    literal: number,
    number,
    regexp: string,
    string,
    "meta-string": string,
    addition: string,
    symbol: number,
    bullet: number,
    deletion: fn(c.red),
    comment,
    quote: comment,
    doctag: comment,
    meta: comment,
    title,
    section: title,
    function: title,
    built_in: type,
    builtin: type,
    "builtin-name": type,
    type,
    class: type,
    tag: comment,
    name: keyword,
    attr: type,
    attribute: type,
    variable: fn(dark ? c.redBright : c.red),
    "template-variable": fn(dark ? c.redBright : c.red),
    emphasis: fn(c.italic),
    strong: fn(c.bold),
    default: (t: string) => t,
  };
}

// Only SGR may come out of the formatter; anything else it might emit is dropped.
const ESCAPE = /\x1b\[[0-9;]*m|\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)?|.?)/g;

function onlySgr(s: string): string {
  return s.includes("\x1b") ? s.replace(ESCAPE, (m) => (/^\x1b\[[0-9;]*m$/.test(m) ? m : "")) : s;
}

/** A fence longer than any run of backticks in the code, so the code cannot close it. */
function fenceFor(code: string): string {
  let longest = 0;
  for (const m of code.matchAll(/`+/g)) longest = Math.max(longest, m[0].length);
  return "`".repeat(Math.max(3, longest + 1));
}

/**
 * Highlighted lines of already-sanitised code, or null when highlighting does not apply
 * (not loaded yet, no colour, the mono theme). Lines are not broken to any width here.
 */
export function highlightCode(
  code: string,
  lang: string | undefined,
  name: ThemeName,
  level: ColorLevel,
): string[] | null {
  if (level === 0 || name === "mono" || code.length > MAX_HIGHLIGHTED) return null;
  if (!loaded) {
    const listener = wanted;
    wanted = undefined;
    listener?.();
    return null;
  }
  const key = `${name}/${level}`;
  let parse = parsers.get(key);
  if (!parse) {
    parse = loaded.makeParser(tokenTheme(name, level));
    parsers.set(key, parse);
  }
  const language = lang && /^[a-z0-9+#-]{1,24}$/i.test(lang) ? lang : "";
  const fence = fenceFor(code);
  const before = loaded.setGateLevel(level);
  let out: string;
  try {
    out = parse(`${fence}${language}\n${code}\n${fence}\n`);
  } catch {
    return null;
  } finally {
    loaded.setGateLevel(before);
  }
  const lines = onlySgr(out.replace(/\n+$/, "")).split("\n");
  // The formatter must give back the same lines it was given: if not, trust the plain text.
  return lines.length === code.split("\n").length ? lines : null;
}
