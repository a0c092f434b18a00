// The `:` command line: parsing and Tab completion, pure so they can be tested alone.

export type Command =
  | { kind: "tag"; tag: string }
  | { kind: "list"; id: string }
  | { kind: "profile"; acct: string }
  | { kind: "search"; query: string }
  | { kind: "paneAdd"; timeline: string }
  | { kind: "paneClose" }
  | { kind: "collection"; which: "bookmarks" | "favourites" | "direct" }
  | { kind: "instance" }
  | { kind: "help" }
  | { kind: "quit" };

export type Parsed = { ok: true; command: Command } | { ok: false; error: string };

export const COMMAND_NAMES = [
  "tag",
  "list",
  "profile",
  "search",
  "pane add",
  "pane close",
  "bookmarks",
  "favourites",
  "direct",
  "instance",
  "help",
  "quit",
] as const;

const ALIASES: Record<string, string> = {
  q: "quit",
  "q!": "quit",
  qa: "quit",
  t: "tag",
  p: "profile",
  s: "search",
  h: "help",
  favorites: "favourites",
  dm: "direct",
};

const TAG = /^#?([\p{L}\p{N}_]{1,100})$/u;
const ACCT =
  /^@?([A-Za-z0-9_]{1,30})(?:@([A-Za-z0-9.-]+\.[A-Za-z]{2,}|localhost(?::\d+)?|[\d.]+(?::\d+)?))?$/;

export function parseCommand(input: string): Parsed {
  const line = input.trim().replace(/^:/, "").trim();
  if (!line) return { ok: false, error: "empty command" };
  const [head = "", ...rest] = line.split(/\s+/);
  const name = ALIASES[head] ?? head;
  const arg = rest.join(" ");
  const need = (what: string): Parsed => ({ ok: false, error: `:${name} needs ${what}` });
  switch (name) {
    case "tag": {
      if (!arg) return need("a hashtag");
      const m = TAG.exec(arg);
      return m ? { ok: true, command: { kind: "tag", tag: m[1]! } } : bad(`not a hashtag: ${arg}`);
    }
    case "list":
      if (!arg) return need("a list id");
      return /^[A-Za-z0-9]{1,40}$/.test(arg)
        ? { ok: true, command: { kind: "list", id: arg } }
        : bad(`not a list id: ${arg}`);
    case "profile": {
      if (!arg) return need("an account, e.g. @user@server");
      const m = ACCT.exec(arg);
      if (!m) return bad(`not an account: ${arg}`);
      return { ok: true, command: { kind: "profile", acct: m[2] ? `${m[1]}@${m[2]}` : m[1]! } };
    }
    case "search":
      return arg
        ? { ok: true, command: { kind: "search", query: arg } }
        : need("something to find");
    case "pane": {
      const [sub, spec] = rest;
      if (sub === "close" && !spec) return { ok: true, command: { kind: "paneClose" } };
      if (sub !== "add") return bad(":pane add TIMELINE or :pane close");
      if (!spec) return bad(":pane add needs tag:NAME, list:ID or direct");
      const tag = /^tag:#?([\p{L}\p{N}_]{1,100})$/u.exec(spec);
      if (tag) return { ok: true, command: { kind: "paneAdd", timeline: `tag:${tag[1]}` } };
      if (/^list:[A-Za-z0-9]{1,40}$/.test(spec) || spec === "direct")
        return { ok: true, command: { kind: "paneAdd", timeline: spec } };
      return bad(`not a timeline: ${spec} (tag:NAME, list:ID or direct)`);
    }
    case "bookmarks":
    case "favourites":
    case "direct":
      return { ok: true, command: { kind: "collection", which: name } };
    case "instance":
      return { ok: true, command: { kind: "instance" } };
    case "help":
      return { ok: true, command: { kind: "help" } };
    case "quit":
      return { ok: true, command: { kind: "quit" } };
    default:
      return bad(`unknown command: ${head} (Tab completes, :help lists them)`);
  }
}

function bad(error: string): Parsed {
  return { ok: false, error };
}

/**
 * Tab completion: the longest common completion of the command names that start with what
 * was typed (so "pa" → "pane ", "pane a" → "pane add "). Arguments are left alone.
 */
export function completeCommand(input: string): { text: string; candidates: string[] } {
  const typed = input.replace(/^\s+/, "");
  const candidates = COMMAND_NAMES.filter((c) => c.startsWith(typed) && c !== typed.trimEnd());
  if (candidates.length === 0) return { text: input, candidates: [] };
  let common: string = candidates[0]!;
  for (const c of candidates) {
    let i = 0;
    while (i < common.length && c[i] === common[i]) i++;
    common = common.slice(0, i);
  }
  const text = candidates.length === 1 ? `${candidates[0]} ` : common;
  return { text: text.length >= typed.length ? text : input, candidates: [...candidates] };
}
