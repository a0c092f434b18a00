/**
 * `/` `?` `n` `N` `*` `#`: vim's search over the text, line by line, with 'wrapscan' (vim's
 * default) and vim's magic patterns translated to JavaScript's: `.` `*` `[…]` `^` `$`
 * `\<` `\>` `\(…\)` `\|` `\+` `\=` `\?` `\{n,m}` `\s` `\d` `\w` `\a` `\l` `\u`, `\c`.
 * Everything else is literal, as vim reads it (a bare `+ ? ( ) | { }` is text).
 */
import { tl } from "../i18n/index.js";
import { charClass, type Lines, lineAt, type Pos } from "./buffer.js";
import { splitGraphemes } from "./graphemes.js";

export interface SearchSpec {
  /** The pattern as typed, in vim's syntax. */
  pattern: string;
  forward: boolean;
  /** What follows the closing `/` or `?`: "e", "s+1", "-2"… (vim's search offset). */
  offset: string;
}

export interface Matcher {
  regex: RegExp;
  /** Group names that mark \< and \> in the pattern, checked after each match. */
  bounds: { name: string; kind: "start" | "end" }[];
  /** The JavaScript group that holds each of vim's `\(…\)` (for \1 … \9 in :s). */
  groups: number[];
}

const CLASS_ESCAPES: Record<string, string> = {
  s: "[ \\t]",
  S: "[^ \\t]",
  d: "[0-9]",
  D: "[^0-9]",
  w: "[0-9A-Za-z_]",
  W: "[^0-9A-Za-z_]",
  a: "[A-Za-z]",
  A: "[^A-Za-z]",
  l: "[a-z]",
  L: "[^a-z]",
  u: "[A-Z]",
  U: "[^A-Z]",
  x: "[0-9A-Fa-f]",
  X: "[^0-9A-Fa-f]",
  h: "[A-Za-z_]",
  t: "\\t",
};

// Not "-": outside a class JavaScript's "u" mode rejects "\\-" (and "-" needs no escape there).
const literal = (ch: string) => ch.replace(/[\\^$.*+?()[\]{}|/]/g, "\\$&");

/**
 * Vim's magic pattern as a JavaScript regular expression; null if it cannot be read.
 * `~` matches the last :s replacement (`previousReplacement`), as in vim; `\%(…\)` groups
 * without a number; `ignoreCase` is :s's `i` flag (`\c` in the pattern also turns it on).
 */
export function compilePattern(
  pattern: string,
  opts: { previousReplacement?: string; ignoreCase?: boolean } = {},
): Matcher | null {
  const chars = Array.from(pattern);
  let out = "";
  let ignoreCase = opts.ignoreCase ?? false;
  const bounds: Matcher["bounds"] = [];
  const groups: number[] = [];
  // JavaScript numbers every group that captures, the \< \> markers included.
  let captures = 0;
  // Where a `*` or `^` is still literal: at the start of the pattern or of a branch.
  let atStart = true;
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    const wasStart = atStart;
    atStart = false;
    if (c === "\\") {
      const n = chars[++i];
      if (n === undefined) {
        out += "\\\\";
        break;
      }
      if (n === "<" || n === ">") {
        const name = `b${bounds.length}`;
        bounds.push({ name, kind: n === "<" ? "start" : "end" });
        out += `(?<${name}>)`;
        captures++;
      } else if (n === "(") {
        out += "(";
        groups.push(++captures);
        atStart = true;
      } else if (n === "%" && chars[i + 1] === "(") {
        i++;
        out += "(?:";
        atStart = true;
      } else if (n === ")") out += ")";
      else if (n === "|") {
        out += "|";
        atStart = true;
      } else if (n === "+" || n === "=" || n === "?") out += n === "+" ? "+" : "?";
      else if (n === "{") {
        const close = chars.indexOf("}", i);
        if (close === -1) return null;
        const body = chars.slice(i + 1, close).join("");
        i = close;
        if (body === "-" || body === "-,") out += "*?";
        else if (/^-?\d*(,\d*)?$/.test(body)) {
          const lazy = body.startsWith("-");
          const range = lazy ? body.slice(1) : body;
          const [lo, hi] = range.includes(",") ? range.split(",") : [range, range];
          out += `{${lo || "0"},${hi ?? ""}}${lazy ? "?" : ""}`;
        } else return null;
      } else if (n === "c") ignoreCase = true;
      else if (n === "C") ignoreCase = false;
      else if (CLASS_ESCAPES[n]) out += CLASS_ESCAPES[n];
      else if (n === "n") out += "(?!)";
      else out += literal(n);
      continue;
    }
    if (c === "*" && !wasStart) out += "*";
    else if (c === "~") out += literal(opts.previousReplacement ?? "");
    else if (c === "^" && wasStart) {
      out += "^";
      atStart = true;
    } else if (
      c === "$" &&
      (i === chars.length - 1 ||
        pattern.startsWith("\\|", i + 1) ||
        pattern.startsWith("\\)", i + 1))
    ) {
      out += "$";
    } else if (c === ".") out += ".";
    else if (c === "[") {
      const close = chars.indexOf("]", i + (chars[i + 1] === "^" ? 3 : 2));
      if (close === -1) out += "\\[";
      else {
        const body = chars.slice(i + 1, close).join("");
        out += `[${body.replace(/\\(?![\]\\^-])/g, "\\\\").replace(/\[/g, "\\[")}]`;
        i = close;
      }
    } else out += literal(c);
  }
  try {
    return { regex: new RegExp(out, `gdu${ignoreCase ? "i" : ""}`), bounds, groups };
  } catch {
    return null;
  }
}

/** The grapheme column each code unit of `text` falls in. */
export function columnsOf(graphemes: readonly string[]): number[] {
  const cols: number[] = [];
  graphemes.forEach((g, i) => {
    for (let k = 0; k < g.length; k++) cols.push(i);
  });
  cols.push(graphemes.length);
  return cols;
}

/** Whether a match keeps the pattern's \< and \> (checked on the line's graphemes). */
export function boundsHold(
  line: readonly string[],
  cols: readonly number[],
  r: RegExpExecArray,
  m: Matcher,
): boolean {
  return m.bounds.every(({ name, kind }) => {
    const at = r.indices?.groups?.[name]?.[0] ?? r.index;
    const col = cols[at]!;
    const here = charClass(line[col]);
    const before = col > 0 ? charClass(line[col - 1]) : 0;
    // \< : a word character whose class differs from the one before; \> the other way.
    return kind === "start" ? here >= 2 && here !== before : before >= 2 && here !== before;
  });
}

/** The first match on a line at or after code unit `from` that keeps the word bounds. */
export function execFrom(
  line: readonly string[],
  text: string,
  cols: readonly number[],
  m: Matcher,
  from: number,
): RegExpExecArray | null {
  const re = m.regex;
  re.lastIndex = from;
  for (let guard = 0; guard <= text.length + 1; guard++) {
    const r = re.exec(text);
    if (!r) return null;
    if (boundsHold(line, cols, r, m)) return r;
    re.lastIndex = r.index + 1;
    if (re.lastIndex > text.length) return null;
  }
  return null;
}

/**
 * Every match on a line, as vim finds them with 'cpoptions' "c": each search goes on
 * where the last match ended. Columns are graphemes; `end` is exclusive.
 */
function matchesOn(line: readonly string[], m: Matcher): { col: number; end: number }[] {
  const text = line.join("");
  const cols = columnsOf(line);
  const found: { col: number; end: number }[] = [];
  let from = 0;
  for (let guard = 0; guard <= text.length + 1; guard++) {
    const r = execFrom(line, text, cols, m, from);
    if (!r) break;
    const to = r.index + r[0].length;
    found.push({ col: cols[r.index]!, end: cols[to]! });
    from = to > r.index ? to : r.index + 1;
    if (from > text.length) break;
  }
  return found;
}

export interface SearchHit {
  pos: Pos;
  end: Pos;
  wrapped: boolean;
}

/**
 * The next match from `from` (not at it), wrapping around the text as 'wrapscan' does.
 * `byEnd` compares where matches end, as vim does for an "e" offset.
 */
function nextMatch(
  lines: Lines,
  m: Matcher,
  from: Pos,
  forward: boolean,
  byEnd: boolean,
): SearchHit | null {
  const n = lines.length;
  const at = (x: { col: number; end: number }) => (byEnd ? Math.max(x.col, x.end - 1) : x.col);
  for (let step = 0; step <= n; step++) {
    const raw = from.line + (forward ? step : -step);
    const l = ((raw % n) + n) % n;
    const wrapped = forward ? raw >= n : raw < 0;
    const all = matchesOn(lineAt(lines, l), m);
    let pick: { col: number; end: number } | undefined;
    if (step === 0) {
      pick = forward
        ? all.find((x) => at(x) > from.col)
        : all.filter((x) => at(x) < from.col).pop();
    } else if (step === n) {
      // Back on the starting line, from its other end.
      pick = forward
        ? all.find((x) => at(x) <= from.col)
        : all.filter((x) => at(x) >= from.col).pop();
    } else pick = forward ? all[0] : all[all.length - 1];
    if (pick) {
      return { pos: { line: l, col: pick.col }, end: { line: l, col: pick.end }, wrapped };
    }
  }
  return null;
}

/**
 * Steps `n` graphemes on (back if negative), across line ends as vim's incl()/decl() do;
 * null where the text ends first.
 */
function stepChars(lines: Lines, pos: Pos, n: number): Pos | null {
  let p = pos;
  for (let i = 0; i < Math.abs(n); i++) {
    const len = lineAt(lines, p.line).length;
    if (n > 0) {
      if (p.col + 1 < len) p = { line: p.line, col: p.col + 1 };
      else if (p.line + 1 < lines.length) p = { line: p.line + 1, col: 0 };
      else return null;
    } else if (p.col > 0) p = { line: p.line, col: p.col - 1 };
    else if (p.line > 0) {
      p = { line: p.line - 1, col: Math.max(0, lineAt(lines, p.line - 1).length - 1) };
    } else return null;
  }
  return p;
}

/**
 * The `count`-th match in the spec's direction, or an error as vim words it, with vim's
 * search offsets: "e" lands on the match's last grapheme, "s"/"b" on its first, each
 * moved by a number of graphemes ("e+1", "s-2"); "+N"/"-N" are lines below or above.
 */
export function search(
  lines: Lines,
  cursor: Pos,
  spec: SearchSpec,
  count: number,
): { hit: SearchHit; linewise: boolean; inclusive: boolean } | { error: string } {
  const notFound = { error: tl("compose.patternNotFound", { pattern: spec.pattern }) };
  const m = compilePattern(spec.pattern);
  const off = /^([esb]?)([+-]?\d*)$/.exec(spec.offset);
  if (!m || !off) return notFound;
  const kind = off[1]!;
  const digits = off[2]!;
  const delta = digits === "+" ? 1 : digits === "-" ? -1 : Number(digits || 0);
  const charOff = kind === "" ? 0 : delta;
  // A character offset starts the search that far back, so "/pat/e+1" does not stick.
  let from: Pos =
    charOff === 0
      ? cursor
      : (stepChars(lines, cursor, -charOff) ??
        (charOff > 0
          ? { line: 0, col: -1 }
          : { line: lines.length - 1, col: Number.MAX_SAFE_INTEGER }));
  let hit: SearchHit | null = null;
  let wrapped = false;
  for (let i = 0; i < count; i++) {
    hit = nextMatch(lines, m, from, spec.forward, kind === "e");
    if (!hit) return notFound;
    wrapped ||= hit.wrapped;
    from =
      kind === "e" ? { line: hit.end.line, col: Math.max(hit.pos.col, hit.end.col - 1) } : hit.pos;
  }
  if (!hit) return notFound;
  if (kind === "" && digits !== "") {
    const line = Math.max(0, Math.min(lines.length - 1, hit.pos.line + delta));
    return { hit: { ...hit, pos: { line, col: 0 }, wrapped }, linewise: true, inclusive: false };
  }
  let pos = from;
  if (charOff !== 0) {
    pos =
      stepChars(lines, pos, charOff) ??
      (charOff > 0
        ? { line: lines.length - 1, col: lineAt(lines, lines.length - 1).length }
        : { line: 0, col: 0 });
  }
  return { hit: { ...hit, pos, wrapped }, linewise: false, inclusive: kind === "e" };
}

/**
 * `*` and `#`: the keyword under or after the cursor on its line (else the run of other
 * non-blanks there), as vim's find_ident_under_cursor(), and the pattern that finds it
 * again: whole words for `*` (`\<word\>`), any occurrence for `g*`.
 */
export function wordUnderCursor(
  lines: Lines,
  cursor: Pos,
  whole: boolean,
): { pattern: string; start: Pos } | null {
  const line = lineAt(lines, cursor.line);
  for (const ident of [true, false]) {
    let col = cursor.col;
    while (col < line.length) {
      const c = charClass(line[col]);
      if (c !== 0 && (!ident || c !== 1)) break;
      col++;
    }
    if (col >= line.length) continue;
    const cls = charClass(line[col]);
    // Back to the start of the word (or run) the cursor is in; then to its end, where a
    // word's class changes or, for a run, at the next blank.
    while (col > 0 && charClass(line[col - 1]) === cls) col--;
    let end = col;
    while (
      end < line.length &&
      (ident ? charClass(line[end]) === cls : charClass(line[end]) !== 0)
    ) {
      end++;
    }
    const word = line.slice(col, end).join("");
    const escaped = splitGraphemes(word)
      .map((g) => (/^[\\/.*$^~[]$/.test(g) ? `\\${g}` : g))
      .join("");
    const keyword = ident && cls >= 2;
    const pattern = whole && keyword ? `\\<${escaped}\\>` : escaped;
    return { pattern, start: { line: cursor.line, col } };
  }
  return null;
}

/** The search typed so far after `/` or `?` (Backspace taken into account), or null if none. */
export function typedPattern(tokens: readonly string[]): string {
  const out: string[] = [];
  for (const t of tokens) {
    if (t === "<BS>") out.pop();
    else if (t === "<Tab>") out.push("\t");
    else if (!(t.length > 1 && t.startsWith("<") && t.endsWith(">")))
      out.push(...splitGraphemes(t));
  }
  return out.join("");
}

/** "foo/e" → the pattern and offset, split at the first unescaped delimiter. */
export function splitOffset(
  typed: string,
  delimiter: "/" | "?",
): { pattern: string; offset: string } {
  const chars = Array.from(typed);
  for (let i = 0; i < chars.length; i++) {
    if (chars[i] === "\\") i++;
    else if (chars[i] === delimiter) {
      return { pattern: chars.slice(0, i).join(""), offset: chars.slice(i + 1).join("") };
    }
  }
  return { pattern: typed, offset: "" };
}
