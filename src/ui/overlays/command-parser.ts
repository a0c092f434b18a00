// The `:` command line: parsing and Tab completion, pure so they can be tested alone.
import { isQuotePolicy, type QuotePolicy } from "../../compose/quote.js";
import { isolated, tl } from "../../i18n/index.js";
import { parseTimelineSpec } from "../../timeline/timeline-spec.js";

export type Command =
  | { kind: "tag"; tag: string }
  | { kind: "list"; id: string }
  /** `:list` alone: pick one of the user's lists. */
  | { kind: "listPicker" }
  | { kind: "profile"; acct: string }
  | { kind: "search"; query: string }
  | { kind: "paneAdd"; timeline: string }
  | { kind: "paneClose" }
  | { kind: "collection"; which: "bookmarks" | "favourites" | "direct" }
  | { kind: "instance" }
  /** `:policy`: the notification policy; `:requests`: the notification requests inbox. */
  | { kind: "policy" }
  | { kind: "requests" }
  /** `:account` lists the stored accounts; `:account ACCT` switches to one. */
  | { kind: "account"; acct?: string }
  | { kind: "help" }
  | { kind: "quit" }
  /** Who quoted the selected toot. */
  | { kind: "quotes" }
  /** Who may quote the user's selected toot. */
  | { kind: "quotePolicy"; policy: QuotePolicy };

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
  "policy",
  "requests",
  "account",
  "quotes",
  "quotepolicy",
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
  if (!line) return { ok: false, error: tl("command.empty") };
  const [head = "", ...rest] = line.split(/\s+/);
  const name = ALIASES[head] ?? head;
  const arg = rest.join(" ");
  const need = (what: string): Parsed => ({
    ok: false,
    error: tl("command.needs", { name, what }),
  });
  switch (name) {
    case "tag": {
      if (!arg) return need(tl("command.aHashtag"));
      const m = TAG.exec(arg);
      return m
        ? { ok: true, command: { kind: "tag", tag: m[1]! } }
        : bad(tl("command.notHashtag", { arg: isolated(arg) }));
    }
    case "list":
      if (!arg) return { ok: true, command: { kind: "listPicker" } };
      return /^[A-Za-z0-9]{1,40}$/.test(arg)
        ? { ok: true, command: { kind: "list", id: arg } }
        : bad(tl("command.notListId", { arg: isolated(arg) }));
    case "profile": {
      if (!arg) return need(tl("command.anAccount"));
      const m = ACCT.exec(arg);
      if (!m) return bad(tl("command.notAccount", { arg: isolated(arg) }));
      return { ok: true, command: { kind: "profile", acct: m[2] ? `${m[1]}@${m[2]}` : m[1]! } };
    }
    case "search":
      return arg
        ? { ok: true, command: { kind: "search", query: arg } }
        : need(tl("command.somethingToFind"));
    case "pane": {
      const [sub, spec] = rest;
      if (sub === "close" && !spec) return { ok: true, command: { kind: "paneClose" } };
      if (sub !== "add") return bad(tl("command.paneUsage"));
      if (!spec) return bad(tl("command.paneAddNeeds"));
      const timeline = spec === "notifications" ? spec : parseTimelineSpec(spec);
      if (timeline) return { ok: true, command: { kind: "paneAdd", timeline } };
      return bad(tl("command.notTimeline", { arg: isolated(spec) }));
    }
    case "bookmarks":
    case "favourites":
    case "direct":
      return { ok: true, command: { kind: "collection", which: name } };
    case "instance":
      return { ok: true, command: { kind: "instance" } };
    case "policy":
    case "requests":
      return { ok: true, command: { kind: name } };
    case "account": {
      if (!arg) return { ok: true, command: { kind: "account" } };
      const m = ACCT.exec(arg);
      if (!m?.[2]) return bad(tl("command.notStoredAccount", { arg: isolated(arg) }));
      return { ok: true, command: { kind: "account", acct: `${m[1]}@${m[2]}` } };
    }
    case "quotes":
      return { ok: true, command: { kind: "quotes" } };
    case "quotepolicy": {
      const policy = arg.toLowerCase();
      return isQuotePolicy(policy)
        ? { ok: true, command: { kind: "quotePolicy", policy } }
        : bad(tl("command.quotePolicyUsage"));
    }
    case "help":
      return { ok: true, command: { kind: "help" } };
    case "quit":
      return { ok: true, command: { kind: "quit" } };
    default:
      return bad(tl("command.unknown", { head: isolated(head) }));
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

/** A list the user owns, for completing `:list ID` and `:pane add list:ID`. */
export interface ListChoice {
  id: string;
  /** Server text: sanitise before showing. */
  title: string;
}

const PANE_TIMELINES = ["tag:", "direct", "home", "local", "federated", "notifications"];

/**
 * Tab completion with arguments: `:pane add ` completes timelines (list:ID for each of the
 * user's lists), `:list ` completes list ids; anything else completes the command name.
 * `labels` names each candidate for the hint line (a list's title beside its id).
 */
export function completeInput(
  input: string,
  lists: readonly ListChoice[],
): { text: string; candidates: string[]; labels: string[] } {
  const typed = input.replace(/^\s+/, "");
  const pane = /^pane\s+add\s+(\S*)$/.exec(typed);
  const list = /^list\s+(\S*)$/.exec(typed);
  if (!pane && !list) return { ...completeCommand(input), labels: [] };
  const prefix = typed.slice(0, typed.length - (pane ?? list)![1]!.length);
  const options = pane
    ? [
        ...PANE_TIMELINES.map((t) => ({ value: t, label: t })),
        ...lists.map((l) => ({ value: `list:${l.id}`, label: `list:${l.id} ${l.title}` })),
      ]
    : lists.map((l) => ({ value: l.id, label: `${l.id} ${l.title}` }));
  const word = (pane ?? list)![1]!;
  const matching = options.filter((o) => o.value.startsWith(word) && o.value !== word);
  if (matching.length === 0) return { text: input, candidates: [], labels: [] };
  let common = matching[0]!.value;
  for (const o of matching) {
    let i = 0;
    while (i < common.length && o.value[i] === common[i]) i++;
    common = common.slice(0, i);
  }
  const done = matching.length === 1 && !matching[0]!.value.endsWith(":");
  const text = prefix + (done ? `${matching[0]!.value} ` : common);
  return {
    text: text.length >= typed.length ? text : input,
    candidates: matching.map((o) => o.value),
    labels: matching.map((o) => o.label),
  };
}
