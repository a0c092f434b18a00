// Syntax highlighting for code blocks: highlight.js's core with a few grammars
// (highlight-grammars.ts), its HTML turned into SGR by our own walk (what cli-highlight does
// for marked-terminal). marked-terminal brought every highlight.js grammar: ~200–290 ms to
// import, and after a code block had been drawn it held 3.4 MB of grammars plus its 2.3 MB
// source in the heap (a heap snapshot after 30 000 streamed toots). The core and these
// grammars are ~150 KB of source and hold 4.5 MB of heap once they have highlighted a block
// (marked-terminal's route: 10.8 MB, measured the same way). The highlighter still never
// sits on the start-up path: the CLI calls warmUpCodeHighlighting() once the screen is up
// and a code block has been drawn (onCodeHighlightingWanted), code blocks are drawn plain
// until it resolves, and the render cache key changes when it has.
import { Chalk, type ChalkInstance } from "chalk";
import { Parser } from "htmlparser2";
import type { Highlighter } from "./highlight-grammars.js";
import type { ColorLevel, ThemeName } from "./theme.js";

/**
 * What a guess tries, once loaded. Mastodon strips the language class from code, so the
 * language is usually guessed: trying every grammar costs ~5 ms a block, the few of
 * highlight-grammars.ts cover what people post. A block that names another is drawn plain.
 */
let guessed: string[] = [];
/** Longer code is drawn plain: guessing and highlighting it would stall a paint. */
const MAX_HIGHLIGHTED = 4000;
/** Spans nested deeper than this are drawn in their outer colour (no unbounded recursion). */
const MAX_DEPTH = 24;

let hljs: Highlighter | null = null;
let loading: Promise<void> | null = null;
const themes = new Map<string, Record<string, (s: string) => string>>();

let wanted: (() => void) | undefined;

/**
 * Calls `listener` once, the first time a code block is drawn plain that the highlighter
 * would have coloured: a screen that never shows code never loads the grammars.
 */
export function onCodeHighlightingWanted(listener: () => void): void {
  wanted = listener;
}

/** True once the highlighter is loaded: code blocks are then highlighted. */
export function codeHighlightingReady(): boolean {
  return hljs !== null;
}

/** Loads highlight.js and its grammars in the background; safe to call more than once. Never rejects. */
export function warmUpCodeHighlighting(): Promise<void> {
  loading ??= (async () => {
    try {
      const { GRAMMARS, highlighter } = await import("./highlight-grammars.js");
      guessed = Object.keys(GRAMMARS);
      hljs = highlighter;
    } catch {
      // Without the highlighter code stays plain: nothing else depends on it.
    }
  })();
  return loading;
}

/** Token colours by highlight.js class, from our own chalk at the theme's level. */
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
    link: fn(c.underline),
    default: (t: string) => t,
  };
}

// Only SGR may come out of the formatter; anything else it might emit is dropped.
const ESCAPE = /\x1b\[[0-9;]*m|\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)?|.?)/g;

function onlySgr(s: string): string {
  return s.includes("\x1b") ? s.replace(ESCAPE, (m) => (/^\x1b\[[0-9;]*m$/.test(m) ? m : "")) : s;
}

interface Span {
  token: string | undefined;
  parts: Array<string | Span>;
}

/** highlight.js's HTML (its own, with the code's text escaped) as a tree of spans. */
function spans(html: string): Span {
  const root: Span = { token: undefined, parts: [] };
  const stack: Span[] = [root];
  const parser = new Parser(
    {
      onopentag(_name, attribs) {
        const span: Span = { token: /hljs-([\w-]+)/.exec(attribs.class ?? "")?.[1], parts: [] };
        stack.at(-1)!.parts.push(span);
        stack.push(span);
      },
      ontext(text) {
        stack.at(-1)!.parts.push(text);
      },
      onclosetag() {
        if (stack.length > 1) stack.pop();
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  return root;
}

/** The text of a span and everything inside it, uncoloured (a walk with its own stack). */
function textOf(span: Span): string {
  let out = "";
  const stack: Array<string | Span> = [span];
  while (stack.length > 0) {
    const part = stack.pop() as string | Span;
    if (typeof part === "string") out += part;
    else for (let i = part.parts.length - 1; i >= 0; i--) stack.push(part.parts[i]!);
  }
  return out;
}

function paintSpan(
  span: Span,
  theme: Record<string, (s: string) => string>,
  depth: number,
): string {
  const inner = span.parts
    .map((part) => {
      if (typeof part === "string") return part;
      return depth >= MAX_DEPTH ? textOf(part) : paintSpan(part, theme, depth + 1);
    })
    .join("");
  const paint = span.token === undefined ? undefined : theme[span.token];
  return paint ? paint(inner) : inner;
}

/**
 * Highlighted lines of already-sanitised code, or null when highlighting does not apply
 * (not loaded yet, no colour, the mono theme, a language it has no grammar for). Lines are
 * not broken to any width here.
 */
export function highlightCode(
  code: string,
  lang: string | undefined,
  name: ThemeName,
  level: ColorLevel,
): string[] | null {
  if (level === 0 || name === "mono" || code.length > MAX_HIGHLIGHTED) return null;
  if (!hljs) {
    const listener = wanted;
    wanted = undefined;
    listener?.();
    return null;
  }
  const key = `${name}/${level}`;
  let theme = themes.get(key);
  if (!theme) {
    theme = tokenTheme(name, level);
    themes.set(key, theme);
  }
  const language = lang && /^[a-z0-9+#-]{1,24}$/i.test(lang) ? lang : "";
  let out: string;
  try {
    if (language && !hljs.getLanguage(language)) return null;
    const html = language
      ? hljs.highlight(code, { language, ignoreIllegals: true }).value
      : hljs.highlightAuto(code, guessed).value;
    out = paintSpan(spans(html), theme, 0);
  } catch {
    return null;
  }
  const lines = onlySgr(out.replace(/\n+$/, "")).split("\n");
  // The highlighter must give back the same lines it was given: if not, trust the plain text.
  return lines.length === code.replace(/\n+$/, "").split("\n").length ? lines : null;
}
