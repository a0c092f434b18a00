import { FIND_KEYS, MOTION_KEYS } from "./motions.js";
import { typedPattern } from "./search.js";
import { TEXT_OBJECT_KEYS } from "./textobjects.js";

/** Names like "<Esc>" are one token; everything else is text typed or pasted. */
export function isNamedToken(t: string): boolean {
  return t.length > 1 && t.startsWith("<") && t.endsWith(">");
}

/** The search being typed after `/` or `?` in pending keys ("d/fo" → "/fo"), or null. */
export function pendingSearch(tokens: readonly string[]): string | null {
  const at = tokens.findIndex((t) => t === "/" || t === "?");
  if (at === -1 || tokens.includes("<CR>")) return null;
  return tokens[at] + typedPattern(tokens.slice(at + 1));
}

export type Operator = "d" | "c" | "y" | "g~" | "gu" | "gU" | ">" | "<" | "gq";

/** Operators that change the text in place: they fill no register. */
export type Transform = Exclude<Operator, "d" | "c" | "y">;

export function isTransform(op: Operator): op is Transform {
  return op !== "d" && op !== "c" && op !== "y";
}

/**
 * The operator that starts at `i` and how many keys it takes: d c y > < and g~ gu gU gq.
 * Its doubled form (dd, >>, g~~ or g~g~) works on lines.
 */
function readOperator(tokens: readonly string[], i: number): { op: Operator; next: number } | null {
  const t = tokens[i];
  if (t === "d" || t === "c" || t === "y" || t === ">" || t === "<") return { op: t, next: i + 1 };
  const u = tokens[i + 1];
  if (t === "g" && (u === "~" || u === "u" || u === "U" || u === "q")) {
    return { op: `g${u}`, next: i + 2 };
  }
  return null;
}

function isDoubled(op: Operator, tokens: readonly string[], i: number): number {
  if (op.length === 1) return tokens[i] === op ? 1 : 0;
  if (tokens[i] === op[1]) return 1;
  if (tokens[i] === "g" && tokens[i + 1] === op[1]) return 2;
  return 0;
}

export interface MotionSpec {
  key: string;
  arg?: string;
}

export type Target =
  | { type: "line" }
  | { type: "motion"; motion: MotionSpec }
  | { type: "object"; scope: "i" | "a"; key: string };

export type Parsed =
  | { kind: "incomplete" }
  | { kind: "invalid" }
  | { kind: "motion"; count: number | null; motion: MotionSpec }
  | {
      kind: "operator";
      count: number | null;
      op: Operator;
      target: Target;
      body: string[];
      register?: string;
    }
  | {
      kind: "command";
      count: number | null;
      key: string;
      arg?: string;
      body: string[];
      register?: string;
    };

const COMMANDS = new Set([
  "x",
  "X",
  "s",
  "S",
  "D",
  "C",
  "Y",
  "p",
  "P",
  "J",
  "~",
  "u",
  "<C-r>",
  ".",
  "i",
  "a",
  "I",
  "A",
  "o",
  "O",
  "v",
  "V",
  ":",
  "<C-e>",
  "<Del>",
  "<Insert>",
  "R",
  "<C-a>",
  "<C-x>",
  "&",
  "<C-v>",
]);
/** Commands that start with g: gv (the last selection again), g& (:%s//~/& ). */
const G_COMMANDS = new Set(["gv", "g&"]);
const COMMANDS_WITH_ARG = new Set(["r", "Z", "q", "@", "m"]);
/** Registers a `"x` prefix may name. */
const REGISTER = /^[a-zA-Z0-9"\-_+*]$/;

export function readCount(tokens: readonly string[], start: number) {
  let i = start;
  let digits = "";
  while (i < tokens.length && /^[0-9]$/.test(tokens[i]!) && (digits !== "" || tokens[i] !== "0")) {
    digits += tokens[i];
    i++;
  }
  return { count: digits === "" ? null : Math.min(Number(digits), 10_000), next: i };
}

function validArg(t: string | undefined): boolean {
  return t !== undefined && (!isNamedToken(t) || t === "<Tab>");
}

/** Reads one motion at `i`: "w", "gg", "fx"… */
export function parseMotion(
  tokens: readonly string[],
  i: number,
): { motion: MotionSpec; next: number } | "incomplete" | "invalid" {
  const t = tokens[i];
  if (t === undefined) return "incomplete";
  if (t === "g") {
    const t2 = tokens[i + 1];
    if (t2 === undefined) return "incomplete";
    return MOTION_KEYS.has(`g${t2}`) ? { motion: { key: `g${t2}` }, next: i + 2 } : "invalid";
  }
  if (t === "/" || t === "?") {
    // A search runs to Enter; Backspace on an empty pattern gives it up, as in vim.
    let length = 0;
    for (let j = i + 1; j < tokens.length; j++) {
      const u = tokens[j]!;
      if (u === "<CR>") {
        return { motion: { key: t, arg: typedPattern(tokens.slice(i + 1, j)) }, next: j + 1 };
      }
      if (u === "<BS>") {
        if (length === 0) return "invalid";
        length--;
      } else if (!isNamedToken(u) || u === "<Tab>") length++;
    }
    return "incomplete";
  }
  if (t === "'" || t === "`") {
    const arg = tokens[i + 1];
    if (arg === undefined) return "incomplete";
    return /^[a-zA-Z'`<>]$/.test(arg) ? { motion: { key: t, arg }, next: i + 2 } : "invalid";
  }
  if (FIND_KEYS.has(t)) {
    const arg = tokens[i + 1];
    if (arg === undefined) return "incomplete";
    if (!validArg(arg)) return "invalid";
    return { motion: { key: t, arg: arg === "<Tab>" ? "\t" : arg }, next: i + 2 };
  }
  return MOTION_KEYS.has(t) ? { motion: { key: t }, next: i + 1 } : "invalid";
}

function times(a: number | null, b: number | null): number | null {
  if (a === null) return b;
  if (b === null) return a;
  return Math.min(a * b, 10_000);
}

/** The normal-mode grammar: [count] (operator [count] (motion | text object | same op) | motion | command). */
export function parseNormal(tokens: readonly string[]): Parsed {
  // ["x] may come before or after the first count: "a2yy, 2"ayy.
  const first = readCount(tokens, 0);
  if (tokens[first.next] === '"') {
    const name = tokens[first.next + 1];
    if (name === undefined) return { kind: "incomplete" };
    if (!REGISTER.test(name)) return { kind: "invalid" };
    const rest = parseCommand(tokens.slice(first.next + 2));
    if (rest.kind !== "operator" && rest.kind !== "command") return rest;
    return {
      ...rest,
      count: times(first.count, rest.count),
      register: name,
      body: tokens.slice(first.next),
    };
  }
  return parseCommand(tokens);
}

function parseCommand(tokens: readonly string[]): Parsed {
  const { count, next } = readCount(tokens, 0);
  const t = tokens[next];
  if (t === undefined) return { kind: "incomplete" };
  const body = tokens.slice(next);
  // "g" alone waits: it may become gu, gg, ge…
  if (t === "g" && tokens[next + 1] === undefined) return { kind: "incomplete" };
  if (t === "g" && G_COMMANDS.has(`g${tokens[next + 1]}`)) {
    return { kind: "command", count, key: `g${tokens[next + 1]}`, body };
  }
  const operator = readOperator(tokens, next);
  if (operator) {
    const { op } = operator;
    const inner = readCount(tokens, operator.next);
    const total = times(count, inner.count);
    const u = tokens[inner.next];
    if (u === undefined) return { kind: "incomplete" };
    const doubled = isDoubled(op, tokens, inner.next);
    if (doubled > 0) {
      return { kind: "operator", count: total, op, target: { type: "line" }, body };
    }
    if (op.length === 2 && u === "g" && tokens[inner.next + 1] === undefined) {
      return { kind: "incomplete" };
    }
    if (u === "i" || u === "a") {
      const k = tokens[inner.next + 1];
      if (k === undefined) return { kind: "incomplete" };
      if (!TEXT_OBJECT_KEYS.has(k)) return { kind: "invalid" };
      return {
        kind: "operator",
        count: total,
        op,
        target: { type: "object", scope: u, key: k },
        body,
      };
    }
    const m = parseMotion(tokens, inner.next);
    if (typeof m === "string") return { kind: m };
    return {
      kind: "operator",
      count: total,
      op,
      target: { type: "motion", motion: m.motion },
      body,
    };
  }
  if (COMMANDS.has(t)) return { kind: "command", count, key: t, body };
  if (COMMANDS_WITH_ARG.has(t)) {
    const arg = tokens[next + 1];
    if (arg === undefined) return { kind: "incomplete" };
    if (!validArg(arg)) return { kind: "invalid" };
    return { kind: "command", count, key: t, arg: arg === "<Tab>" ? "\t" : arg, body };
  }
  const m = parseMotion(tokens, next);
  if (typeof m === "string") return { kind: m };
  return { kind: "motion", count, motion: m.motion };
}
