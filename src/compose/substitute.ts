/**
 * `:[range]s/pattern/replacement/[flags] [count]`, `:&`, `:&&`, `:~`, and the normal-mode
 * `&` and `g&`, as vim's do_sub() does them: vim's magic pattern (search.ts translates it),
 * and the replacement's `&` `\0`–`\9` `~` `\r` `\t` `\u` `\U` `\l` `\L` `\e` `\E`.
 * Ranges: `N`, `.`, `$`, `'x` (`'<` `'>` after a selection), each with `+N` / `-N`, `%`,
 * joined by `,` or `;`.
 */
import { tl } from "../i18n/index.js";
import { firstNonBlank, type Lines, lineAt, type Pos } from "./buffer.js";
import { type EditorState, type SubstituteSpec, withLines, withMessage } from "./editor-state.js";
import { splitGraphemes } from "./graphemes.js";
import { columnsOf, compilePattern, execFrom, type Matcher } from "./search.js";

export interface LineRange {
  first: number;
  last: number;
}

/** A mark as a range reads it: `'<` and `'>` are the selection's first and last lines. */
function markLine(s: EditorState, name: string): number | null {
  const pos = s.marks[name === "`" ? "'" : name];
  return pos ? pos.line : null;
}

/**
 * Reads the range at the start of an ex command line (vim's get_address()): the lines it
 * names (from 0) and the rest of the line, or an error to show. No range: `range` is null.
 */
export function parseRange(
  s: EditorState,
  text: string,
): { range: LineRange | null; rest: string } | { error: string } {
  let i = 0;
  let cursorLine = s.cursor.line;
  const addresses: number[] = [];
  const skipBlanks = () => {
    while (text[i] === " " || text[i] === "\t") i++;
  };
  const address = (): number | null | { error: string } => {
    skipBlanks();
    let line: number | null = null;
    const c = text[i];
    if (c === ".") {
      line = cursorLine;
      i++;
    } else if (c === "$") {
      line = s.lines.length - 1;
      i++;
    } else if (c !== undefined && /[0-9]/.test(c)) {
      const digits = /^[0-9]+/.exec(text.slice(i))![0];
      i += digits.length;
      line = Number(digits) - 1;
    } else if (c === "'") {
      const name = text[i + 1];
      if (name === undefined) return { error: tl("compose.markNotSet") };
      const at = markLine(s, name);
      if (at === null) return { error: tl("compose.markNotSet") };
      line = at;
      i += 2;
    }
    // "+N", "-N", a bare "+" or "-" (one line), and numbers after them add up (".+2-1").
    for (;;) {
      skipBlanks();
      const sign = text[i];
      if (sign !== "+" && sign !== "-") {
        if (line !== null && sign !== undefined && /[0-9]/.test(sign)) {
          // "'a3" is "'a+3", as vim reads a number after an address.
          const digits = /^[0-9]+/.exec(text.slice(i))![0];
          i += digits.length;
          line += Number(digits);
          continue;
        }
        break;
      }
      i++;
      const digits = /^[0-9]*/.exec(text.slice(i))![0];
      i += digits.length;
      const n = digits === "" ? 1 : Number(digits);
      line = (line ?? cursorLine) + (sign === "+" ? n : -n);
    }
    return line;
  };
  skipBlanks();
  if (text[i] === "%") {
    i++;
    return { range: { first: 0, last: s.lines.length - 1 }, rest: text.slice(i) };
  }
  for (;;) {
    const a = address();
    if (a !== null && typeof a === "object") return a;
    skipBlanks();
    const sep = text[i];
    if (a === null) {
      // ",5" and "3," leave out an address: the cursor's line stands for it.
      if (sep !== "," && sep !== ";" && addresses.length === 0) break;
      addresses.push(addresses.length === 0 ? cursorLine : s.cursor.line);
    } else addresses.push(a);
    if (sep === ",") i++;
    else if (sep === ";") {
      // ";" makes the address before it the current line for the next one.
      cursorLine = addresses[addresses.length - 1]!;
      i++;
    } else break;
  }
  const rest = text.slice(i);
  if (addresses.length === 0) return { range: null, rest };
  let first = addresses.length > 1 ? addresses[addresses.length - 2]! : addresses[0]!;
  let last = addresses[addresses.length - 1]!;
  if (first < 0 || last < 0 || first >= s.lines.length || last >= s.lines.length) {
    return { error: tl("compose.invalidRange") };
  }
  // Vim asks "Backwards range given, OK to swap"; the editor swaps without asking.
  if (first > last) [first, last] = [last, first];
  return { range: { first, last }, rest };
}

/** Text up to the next unescaped `delim`, and where reading stopped (past the delimiter). */
function upTo(chars: readonly string[], from: number, delim: string) {
  let i = from;
  let out = "";
  while (i < chars.length && chars[i] !== delim) {
    if (chars[i] === "\\" && i + 1 < chars.length) {
      // "\/" with "/" as delimiter: the pattern keeps it (vim's `\/` is a "/"); other
      // escapes pass through for the pattern or replacement to read.
      out += chars[i]! + chars[i + 1]!;
      i += 2;
    } else out += chars[i++];
  }
  return { text: out, next: i < chars.length ? i + 1 : i, closed: i < chars.length };
}

/** `~` in the replacement is the replacement before (vim's regtilde()); `\~` is a tilde. */
function expandTilde(replacement: string, previous: string): string {
  const chars = Array.from(replacement);
  let out = "";
  for (let i = 0; i < chars.length; i++) {
    if (chars[i] === "\\" && i + 1 < chars.length) {
      out += chars[i]! + chars[++i]!;
    } else if (chars[i] === "~") out += previous.replace(/~/g, "\\~");
    else out += chars[i];
  }
  return out;
}

type CaseMode = "u" | "l" | null;

/** The replacement for one match, as vim's vim_regsub() builds it ("\n" for `\r`). */
function expand(replacement: string, r: RegExpExecArray, m: Matcher): string {
  const chars = Array.from(replacement);
  let out = "";
  let once: CaseMode = null;
  let all: CaseMode = null;
  const put = (text: string) => {
    for (const ch of text) {
      let c = ch;
      if (once) {
        c = once === "u" ? c.toUpperCase() : c.toLowerCase();
        once = null;
      } else if (all) c = all === "u" ? c.toUpperCase() : c.toLowerCase();
      out += c;
    }
  };
  const group = (n: number) => (n === 0 ? r[0] : (r[m.groups[n - 1] ?? -1] ?? ""));
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    if (c === "&") {
      put(r[0]);
      continue;
    }
    if (c !== "\\" || i + 1 >= chars.length) {
      put(c);
      continue;
    }
    const n = chars[++i]!;
    if (/[0-9]/.test(n)) put(group(Number(n)));
    else if (n === "r" || n === "n") out += "\n";
    else if (n === "t") put("\t");
    else if (n === "u" || n === "l") once = n;
    else if (n === "U" || n === "L") all = n === "U" ? "u" : "l";
    else if (n === "e" || n === "E") {
      all = null;
      once = null;
    } else put(n);
  }
  return out;
}

interface Flags {
  keep: boolean;
  global: boolean;
  ignoreCase: boolean | null;
  quiet: boolean;
  countOnly: boolean;
  confirm: boolean;
}

function readFlags(text: string, keep: Partial<Flags> = {}) {
  const flags: Flags = {
    keep: false,
    global: false,
    ignoreCase: null,
    quiet: false,
    countOnly: false,
    confirm: false,
    ...keep,
  };
  let i = 0;
  if (text[i] === "&") {
    flags.keep = true;
    i++;
  }
  for (; i < text.length; i++) {
    const c = text[i]!;
    if (c === "g") flags.global = !flags.global;
    else if (c === "i") flags.ignoreCase = true;
    else if (c === "I") flags.ignoreCase = false;
    else if (c === "e") flags.quiet = true;
    else if (c === "n") flags.countOnly = true;
    else if (c === "c") flags.confirm = true;
    else if (c === "r" || c === "p" || c === "#" || c === "l") continue;
    else break;
  }
  return { flags, next: i, text: text.slice(0, i) };
}

/** Replaces the matches on one line; null when nothing matched. */
function substituteLine(
  line: readonly string[],
  m: Matcher,
  replacement: string,
  global: boolean,
): { pieces: string[]; count: number } | null {
  const text = line.join("");
  const cols = columnsOf(line);
  let out = "";
  let copied = 0;
  let from = 0;
  let prevEnd = -1;
  let count = 0;
  // Each grapheme is at most one match and one skipped empty match.
  for (let guard = 0; guard <= 2 * text.length + 2; guard++) {
    const r = execFrom(line, text, cols, m, from);
    if (!r) break;
    const end = r.index + r[0].length;
    if (r[0] === "" && r.index === prevEnd) {
      // An empty match where the last one ended was done already: on one grapheme (do_sub()).
      const col = cols[r.index]!;
      if (col >= line.length) break;
      from = r.index + line[col]!.length;
      if (from >= text.length) break;
      continue;
    }
    out += text.slice(copied, r.index) + expand(replacement, r, m);
    copied = end;
    count++;
    prevEnd = end;
    from = end;
    // Vim's "lastone": without g, or once the line is used up, no more matches on it.
    if (!global || end >= text.length) break;
  }
  if (count === 0) return null;
  out += text.slice(copied);
  return { pieces: out.split("\n"), count };
}

export interface SubstituteRequest {
  range: LineRange | null;
  /** The text after the command's name: "/pat/rep/g 3", "g", "" … */
  args: string;
  /** s: a new pattern may follow; & repeats the last; ~ repeats with the last search. */
  kind: "s" | "&" | "~";
}

/** Runs a substitute command; the cursor goes to the last line changed, as in vim. */
export function runSubstitute(s: EditorState, req: SubstituteRequest): EditorState {
  const chars = Array.from(req.args);
  let spec: SubstituteSpec;
  let rest: string;
  const delim = chars[0];
  if (req.kind === "s" && delim !== undefined && !/[\sA-Za-z0-9\\"|]/.test(delim)) {
    const pat = upTo(chars, 1, delim);
    const rep = pat.closed ? upTo(chars, pat.next, delim) : { text: "", next: pat.next };
    const pattern = pat.text === "" ? (s.lastSearch?.pattern ?? null) : pat.text;
    if (pattern === null) return withMessage(s, tl("compose.noPreviousPattern"), true);
    const replacement = expandTilde(rep.text, s.lastSubstitute?.replacement ?? "");
    const read = readFlags(chars.slice(rep.next).join(""));
    rest = chars.slice(rep.next).join("").slice(read.next);
    // "&" first keeps the last substitute's flags (g& is :%s//~/&).
    const flags = read.flags.keep
      ? (s.lastSubstitute?.flags ?? "") + read.text.slice(1)
      : read.text;
    spec = { pattern, replacement, flags };
  } else {
    // :s, :& and & repeat the last substitute without its flags (unless "&" comes first).
    const last = s.lastSubstitute;
    if (!last) return withMessage(s, tl("compose.noPreviousSubstitute"), true);
    const read = readFlags(req.args);
    const usePattern = req.kind === "~" ? (s.lastSearch?.pattern ?? last.pattern) : last.pattern;
    const flags = read.flags.keep ? last.flags + read.text.replace(/^&/, "") : read.text;
    rest = req.args.slice(read.next);
    spec = { pattern: usePattern, replacement: last.replacement, flags };
  }
  const { flags } = readFlags(spec.flags);
  let range = req.range ?? { first: s.cursor.line, last: s.cursor.line };
  const countText = rest.trim();
  if (countText !== "") {
    if (!/^[0-9]+$/.test(countText)) {
      return withMessage(s, tl("compose.trailingCharacters", { text: countText }), true);
    }
    const n = Number(countText);
    if (n === 0) return withMessage(s, tl("compose.invalidRange"), true);
    range = { first: range.last, last: Math.min(s.lines.length - 1, range.last + n - 1) };
  }
  const remembered: EditorState = {
    ...s,
    lastSubstitute: { pattern: spec.pattern, replacement: spec.replacement, flags: spec.flags },
    lastSearch: { forward: true, offset: "", ...s.lastSearch, pattern: spec.pattern },
  };
  if (flags.confirm) return withMessage(remembered, tl("compose.noConfirm"), true);
  const m = compilePattern(spec.pattern, {
    previousReplacement: s.lastSubstitute?.replacement ?? "",
    ...(flags.ignoreCase === null ? {} : { ignoreCase: flags.ignoreCase }),
  });
  const notFound = () =>
    flags.quiet
      ? remembered
      : withMessage(remembered, tl("compose.patternNotFound", { pattern: spec.pattern }), true);
  if (!m) return notFound();
  const lines: (readonly string[])[] = [];
  let total = 0;
  let changedLines = 0;
  let lastLine = -1;
  for (let n = 0; n < s.lines.length; n++) {
    const line = lineAt(s.lines, n);
    const done =
      n >= range.first && n <= range.last
        ? substituteLine(line, m, spec.replacement, flags.global)
        : null;
    if (!done) {
      lines.push(line);
      continue;
    }
    total += done.count;
    changedLines++;
    if (flags.countOnly) {
      lines.push(line);
      lastLine = lines.length - 1;
      continue;
    }
    for (const piece of done.pieces) lines.push(splitGraphemes(piece));
    lastLine = lines.length - 1;
  }
  if (total === 0) return notFound();
  const report =
    flags.countOnly || total > REPORT
      ? tl(flags.countOnly ? "compose.matchesOnLines" : "compose.substitutionsOnLines", {
          count: total,
          lines: tl("compose.onLines", { count: changedLines }),
        })
      : "";
  if (flags.countOnly) return withMessage(remembered, report);
  const cursor: Pos = { line: lastLine, col: firstNonBlank(lineAt(lines, lastLine)) };
  // :s is a jump: '' goes back to where it was run, unless it ended there (checkpcmark()).
  const stayed = cursor.line === s.cursor.line && cursor.col === s.cursor.col;
  const jumped = stayed
    ? remembered
    : { ...remembered, marks: { ...remembered.marks, "'": s.cursor } };
  const next = withLines({ ...jumped, cursor }, lines as Lines);
  return report ? withMessage(next, report) : next;
}

/** Vim's 'report': more substitutions than this are reported. */
const REPORT = 2;
