// Every action a key can trigger, its default keys, and the lookups the UI needs: which
// action a pressed key means, and what the `?` help shows. Key names are blessed's
// (`key.full`): "j", "G", "C-d", "S-tab", "enter", "space", "pagedown".

export const ACTIONS = {
  // The first block matches the UI's current actions (src/ui/shell/keymap.ts) name for name.
  down: { keys: ["j", "down"], help: "next toot" },
  up: { keys: ["k", "up"], help: "previous toot" },
  top: { keys: ["g", "home"], help: "newest toot" },
  bottom: { keys: ["G", "end"], help: "oldest loaded toot" },
  halfPageDown: { keys: ["C-d", "pagedown"], help: "half a page down" },
  halfPageUp: { keys: ["C-u", "pageup"], help: "half a page up" },
  paneLeft: { keys: ["h", "left"], help: "pane to the left" },
  paneRight: { keys: ["l", "right"], help: "pane to the right" },
  nextPane: { keys: ["tab"], help: "next pane" },
  prevPane: { keys: ["S-tab"], help: "previous pane" },
  pane1: { keys: ["1"], help: "first pane" },
  pane2: { keys: ["2"], help: "second pane" },
  pane3: { keys: ["3"], help: "third pane" },
  pane4: { keys: ["4"], help: "fourth pane" },
  pane5: { keys: ["5"], help: "fifth pane" },
  pane6: { keys: ["6"], help: "sixth pane" },
  pane7: { keys: ["7"], help: "seventh pane" },
  pane8: { keys: ["8"], help: "eighth pane" },
  pane9: { keys: ["9"], help: "ninth pane" },
  toggleCw: { keys: ["s"], help: "show or hide a content warning" },
  redraw: { keys: ["C-l"], help: "redraw the whole screen" },
  quit: { keys: ["q", "C-c"], help: "quit" },
  // Reading and acting on toots.
  back: { keys: ["escape", "backspace"], help: "close the thread or overlay" },
  loadMore: { keys: ["L"], help: "load older toots" },
  reply: { keys: ["r"], help: "reply" },
  compose: { keys: ["c"], help: "write a new toot" },
  boost: { keys: ["b"], help: "boost or unboost" },
  favourite: { keys: ["f"], help: "favourite or unfavourite" },
  bookmark: { keys: ["B"], help: "bookmark or unbookmark" },
  delete: { keys: ["d"], help: "delete your toot (on a notification: dismiss it)" },
  edit: { keys: ["e"], help: "edit your toot" },
  quote: { keys: ["Q"], help: "quote the toot in a new one" },
  openLinks: { keys: ["O"], help: "list the toot's links and media" },
  openInBrowser: { keys: ["o"], help: "open the toot in the browser" },
  media: { keys: ["i"], help: "the toot's pictures, large, with their alt text" },
  // `thread` owns Enter: it opens the thread, and on a gap row loads the gap.
  thread: { keys: ["enter"], help: "open the thread (on a gap row: load it)" },
  profile: { keys: ["p"], help: "the author's profile" },
  pin: { keys: ["P"], help: "pin or unpin your toot" },
  vote: { keys: ["v"], help: "vote in the poll" },
  copyUrl: { keys: ["y"], help: "copy the toot's URL (OSC 52)" },
  translate: { keys: ["T"], help: "translate the toot" },
  history: { keys: ["H"], help: "edit history" },
  report: { keys: ["!"], help: "report the toot" },
  acceptFollow: { keys: ["a"], help: "accept a follow request" },
  rejectFollow: { keys: ["x"], help: "reject a follow request" },
  search: { keys: ["/"], help: "search accounts, hashtags, toots" },
  notifications: { keys: ["n"], help: "show notifications" },
  refresh: { keys: ["R"], help: "refresh the pane" },
  command: { keys: [":"], help: "command line (:tag, :profile, :search, :pane, :quit…)" },
  help: { keys: ["?"], help: "this help" },
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
