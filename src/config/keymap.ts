// Every action a key can trigger, its default keys, and the lookups the UI needs: which
// action a pressed key means, and what the `?` help shows. Key names are blessed's
// (`key.full`): "j", "G", "C-d", "S-tab", "enter", "space", "pagedown".

export const ACTIONS = {
  down: { keys: ["j", "down"], help: "next toot" },
  up: { keys: ["k", "up"], help: "previous toot" },
  pageDown: { keys: ["C-d", "pagedown"], help: "scroll half a page down" },
  pageUp: { keys: ["C-u", "pageup"], help: "scroll half a page up" },
  top: { keys: ["g", "home"], help: "newest toot" },
  bottom: { keys: ["G", "end"], help: "oldest loaded toot" },
  loadMore: { keys: ["L"], help: "load older toots" },
  nextPane: { keys: ["tab", "l", "right"], help: "next pane" },
  prevPane: { keys: ["S-tab", "h", "left"], help: "previous pane" },
  open: { keys: ["enter"], help: "open the thread" },
  back: { keys: ["escape", "backspace"], help: "close the thread or overlay" },
  toggleCw: { keys: ["space"], help: "show or hide a content warning" },
  reply: { keys: ["r"], help: "reply" },
  compose: { keys: ["c"], help: "write a new toot" },
  boost: { keys: ["b"], help: "boost or unboost" },
  favourite: { keys: ["f"], help: "favourite or unfavourite" },
  bookmark: { keys: ["B"], help: "bookmark or unbookmark" },
  delete: { keys: ["D"], help: "delete your toot" },
  edit: { keys: ["E"], help: "edit your toot" },
  openLinks: { keys: ["o"], help: "list the toot's links" },
  openInBrowser: { keys: ["O"], help: "open the toot in the browser" },
  notifications: { keys: ["n"], help: "show notifications" },
  refresh: { keys: ["R"], help: "refresh the pane" },
  command: { keys: [":"], help: "command line (:account, :q…)" },
  help: { keys: ["?"], help: "this help" },
  quit: { keys: ["q", "C-c"], help: "quit" },
} as const satisfies Record<string, { keys: readonly string[]; help: string }>;

export type Action = keyof typeof ACTIONS;
export type Keymap = Record<Action, string[]>;

export const ACTION_NAMES = Object.keys(ACTIONS) as Action[];

export function defaultKeymap(): Keymap {
  const map = {} as Keymap;
  for (const action of ACTION_NAMES) map[action] = [...ACTIONS[action].keys];
  return map;
}

const NAMED_KEYS = new Set([
  "enter",
  "return",
  "escape",
  "tab",
  "space",
  "backspace",
  "delete",
  "insert",
  "up",
  "down",
  "left",
  "right",
  "home",
  "end",
  "pageup",
  "pagedown",
  ...Array.from({ length: 12 }, (_, i) => `f${i + 1}`),
]);

/**
 * Canonical form of a key name, or undefined if it is not one. blessed reports a shifted
 * letter as "S-g" with ch "G"; both spellings mean the same key, written "G" here.
 */
export function normaliseKeyName(name: string): string | undefined {
  const match = /^((?:[CMS]-)*)(.+)$/.exec(name);
  if (!match) return undefined;
  const modifiers = new Set((match[1] ?? "").split("-").filter(Boolean));
  let base = match[2] ?? "";
  if (NAMED_KEYS.has(base.toLowerCase())) base = base.toLowerCase();
  else if (base === " ") base = "space";
  else if ([...base].length !== 1 || !/^[\x21-\x7e]$/.test(base)) return undefined;
  if (modifiers.has("S") && /^[a-z]$/.test(base)) {
    modifiers.delete("S");
    base = base.toUpperCase();
  }
  if (base === "return") base = "enter";
  const prefix = ["C", "M", "S"].filter((m) => modifiers.has(m)).map((m) => `${m}-`);
  return prefix.join("") + base;
}

/** The action bound to a pressed key (blessed's `key.full`, or `ch` for printable keys). */
export function actionForKey(keymap: Keymap, keyName: string): Action | undefined {
  const key = normaliseKeyName(keyName);
  if (!key) return undefined;
  return ACTION_NAMES.find((action) => keymap[action].includes(key));
}

export interface HelpEntry {
  action: Action;
  keys: string[];
  description: string;
}

/** What the `?` help overlay lists, in a stable order, from the keymap in force. */
export function helpEntries(keymap: Keymap): HelpEntry[] {
  return ACTION_NAMES.map((action) => ({
    action,
    keys: [...keymap[action]],
    description: ACTIONS[action].help,
  }));
}
