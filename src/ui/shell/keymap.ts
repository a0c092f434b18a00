// Default keys and the lookup from a blessed key event to an action name.
// Every action can be rebound in the config file (settings.keymap: action → keys).

export const DEFAULT_KEYMAP = {
  down: ["j", "down"],
  up: ["k", "up"],
  top: ["g", "home"],
  bottom: ["S-g", "end"],
  halfPageDown: ["C-d", "pagedown"],
  halfPageUp: ["C-u", "pageup"],
  paneLeft: ["h", "left"],
  paneRight: ["l", "right"],
  nextPane: ["tab"],
  prevPane: ["S-tab"],
  pane1: ["1"],
  pane2: ["2"],
  pane3: ["3"],
  pane4: ["4"],
  toggleCw: ["s"],
  redraw: ["C-l"],
  activate: ["enter"],
  quit: ["q", "C-c"],
} as const satisfies Record<string, readonly string[]>;

/** The navigation actions the shell handles itself; features add more by name. */
export type NavAction = keyof typeof DEFAULT_KEYMAP;
export type Action = string;

export type Keymap = Record<string, readonly string[]>;

export interface KeyEvent {
  name?: string;
  full?: string;
  ch?: string;
  ctrl?: boolean;
  meta?: boolean;
  shift?: boolean;
}

/** The names a key event answers to: blessed's full name ("C-d", "S-g") and the character. */
export function keyNames(ch: string | undefined, key: KeyEvent): string[] {
  const names: string[] = [];
  if (key.full) names.push(key.full);
  if (ch && ch.length === 1 && ch >= " " && !key.ctrl && !key.meta) {
    names.push(ch);
    // blessed names "G" as "S-g"; accept either spelling in the keymap.
    if (ch >= "A" && ch <= "Z") names.push(`S-${ch.toLowerCase()}`);
  }
  return names;
}

export function buildKeyLookup(keymap: Keymap): Map<string, Action> {
  const lookup = new Map<string, Action>();
  for (const [action, keys] of Object.entries(keymap) as [Action, readonly string[]][]) {
    for (const k of keys) lookup.set(k, action);
  }
  return lookup;
}

export function actionFor(
  lookup: Map<string, Action>,
  ch: string | undefined,
  key: KeyEvent,
): Action | undefined {
  for (const name of keyNames(ch, key)) {
    const action = lookup.get(name);
    if (action) return action;
  }
  return undefined;
}
