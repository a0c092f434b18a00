// The one table of actions a key can trigger: each action's default keys and where it
// applies. The config loader (user remaps), the shell, the overlays and the `?` help all read
// it; what each action does, in words, is the i18n catalogue's (src/i18n/actions-en.ts,
// actions-ar.ts), keyed by the action's name. Key names are blessed's (`key.full`): "j", "G",
// "C-d", "S-tab", "enter", "space", "pagedown".

/**
 * Where a key is looked up:
 * - `panes`: the panes, with no overlay open (the shell's own keys and every feature's);
 * - `views`: a status list on the stack (thread, profile, hashtag, list, bookmarks…);
 * - `panels`: a panel on the stack (help, links, instance, a confirmation…), which scrolls;
 * - `media`: the media viewer, a panel of its own keys first and then the panel's.
 * `everywhere` applies whatever is open.
 */
export type KeyContext = "panes" | "views" | "panels" | "media";

interface ActionSpec {
  readonly keys: readonly string[];
  readonly where: readonly KeyContext[] | "everywhere";
}

/** Moving and closing: in the panes, in a view and in a panel. */
const MOVE: readonly KeyContext[] = ["panes", "views", "panels"];
/** What acts on the selected toot: in the panes and in a view (on the view's selection). */
const TOOT: readonly KeyContext[] = ["panes", "views"];
const PANES: readonly KeyContext[] = ["panes"];

export const ACTIONS = {
  down: { keys: ["j", "down"], where: MOVE },
  up: { keys: ["k", "up"], where: MOVE },
  top: { keys: ["g", "home"], where: MOVE },
  bottom: { keys: ["G", "end"], where: MOVE },
  halfPageDown: { keys: ["C-d", "pagedown"], where: MOVE },
  halfPageUp: { keys: ["C-u", "pageup"], where: MOVE },
  paneLeft: { keys: ["h", "left"], where: PANES },
  paneRight: { keys: ["l", "right"], where: PANES },
  nextPane: { keys: ["tab"], where: PANES },
  prevPane: { keys: ["S-tab"], where: PANES },
  pane1: { keys: ["1"], where: PANES },
  pane2: { keys: ["2"], where: PANES },
  pane3: { keys: ["3"], where: PANES },
  pane4: { keys: ["4"], where: PANES },
  pane5: { keys: ["5"], where: PANES },
  pane6: { keys: ["6"], where: PANES },
  pane7: { keys: ["7"], where: PANES },
  pane8: { keys: ["8"], where: PANES },
  pane9: { keys: ["9"], where: PANES },
  toggleCw: { keys: ["s"], where: PANES },
  redraw: { keys: ["C-l"], where: "everywhere" },
  quit: { keys: ["q", "C-c"], where: MOVE },
  // Reading and acting on toots.
  back: { keys: ["escape", "backspace"], where: ["views", "panels"] },
  loadMore: { keys: ["L"], where: TOOT },
  reply: { keys: ["r"], where: TOOT },
  compose: { keys: ["c"], where: TOOT },
  boost: { keys: ["b"], where: TOOT },
  favourite: { keys: ["f"], where: TOOT },
  bookmark: { keys: ["B"], where: TOOT },
  delete: { keys: ["d"], where: TOOT },
  edit: { keys: ["e"], where: TOOT },
  quote: { keys: ["Q"], where: TOOT },
  openLinks: { keys: ["O"], where: TOOT },
  openInBrowser: { keys: ["o"], where: ["panes", "views", "media"] },
  media: { keys: ["i"], where: TOOT },
  mediaNext: { keys: ["n", "right"], where: ["media"] },
  mediaPrev: { keys: ["p", "left"], where: ["media"] },
  // `thread` owns Enter: it opens the thread, and on a gap row loads the gap.
  thread: { keys: ["enter"], where: TOOT },
  profile: { keys: ["p"], where: TOOT },
  pin: { keys: ["P"], where: TOOT },
  vote: { keys: ["v"], where: TOOT },
  copyUrl: { keys: ["y"], where: TOOT },
  translate: { keys: ["T"], where: TOOT },
  history: { keys: ["H"], where: TOOT },
  report: { keys: ["!"], where: TOOT },
  acceptFollow: { keys: ["a"], where: PANES },
  rejectFollow: { keys: ["x"], where: PANES },
  search: { keys: ["/"], where: TOOT },
  notifications: { keys: ["n"], where: TOOT },
  refresh: { keys: ["R"], where: TOOT },
  command: { keys: [":"], where: TOOT },
  help: { keys: ["?"], where: TOOT },
} as const satisfies Record<string, ActionSpec>;

export type Action = keyof typeof ACTIONS;
export type Keymap = Record<Action, string[]>;

export const ACTION_NAMES = Object.keys(ACTIONS) as Action[];

/** The contexts a key is looked up in, in order, when `context` is on top. */
const LOOKUP_ORDER: Readonly<Record<KeyContext, readonly KeyContext[]>> = {
  panes: ["panes"],
  views: ["views"],
  panels: ["panels"],
  media: ["media", "panels"],
};
export const KEY_CONTEXTS = Object.keys(LOOKUP_ORDER) as KeyContext[];

/** Whether `action` answers to its keys when `context` is on top. */
export function appliesIn(action: Action, context: KeyContext): boolean {
  const where: readonly KeyContext[] | "everywhere" = ACTIONS[action].where;
  return where === "everywhere" || LOOKUP_ORDER[context].some((c) => where.includes(c));
}

/** Two actions can share a key only where they never answer in the same context. */
export function canClash(a: Action, b: Action): boolean {
  return KEY_CONTEXTS.some((c) => appliesIn(a, c) && appliesIn(b, c));
}

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

/** Looks up keys (canonical names) in the context on top: the first action bound wins. */
export type KeyResolver = (keys: readonly string[], context: KeyContext) => Action | undefined;

export function keyResolver(keymap: Keymap): KeyResolver {
  const byContext = new Map<KeyContext, Map<string, Action>>();
  for (const context of KEY_CONTEXTS) {
    const lookup = new Map<string, Action>();
    for (const layer of LOOKUP_ORDER[context]) {
      for (const action of ACTION_NAMES) {
        const where: readonly KeyContext[] | "everywhere" = ACTIONS[action].where;
        if (where !== "everywhere" && !where.includes(layer)) continue;
        for (const key of keymap[action]) if (!lookup.has(key)) lookup.set(key, action);
      }
    }
    byContext.set(context, lookup);
  }
  return (keys, context) => {
    const lookup = byContext.get(context)!;
    for (const key of keys) {
      const action = lookup.get(key);
      if (action) return action;
    }
    return undefined;
  };
}

/** The action a key name (as the config file writes it) triggers in `context`. */
export function actionForKey(
  keymap: Keymap,
  keyName: string,
  context: KeyContext = "panes",
): Action | undefined {
  const key = normaliseKeyName(keyName);
  return key ? keyResolver(keymap)([key], context) : undefined;
}

export interface HelpEntry {
  action: Action;
  keys: string[];
}

/** What the `?` help overlay lists, in the table's order, from the keymap in force. */
export function helpEntries(keymap: Keymap): HelpEntry[] {
  return ACTION_NAMES.map((action) => ({ action, keys: [...keymap[action]] }));
}
