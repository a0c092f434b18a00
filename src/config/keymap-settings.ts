// Reads the "keymap" section: { "boost": "B", "favourite": ["f", "*"] }. A binding the
// user wrote takes its keys away from any default binding that had them, so remapping a
// key onto another action just works. Two user bindings claiming one key: the later
// action (in ACTIONS order) keeps its default instead.

import { tl } from "../i18n/index.js";
import {
  ACTION_NAMES,
  ACTIONS,
  type Action,
  canClash,
  defaultKeymap,
  type Keymap,
  normaliseKeyName,
} from "./keymap.js";
import { quoteValue } from "./one-line.js";
import { invalid, section, type Warn, warnUnknownKeys } from "./settings-check.js";

function parseBinding(key: string, value: unknown, warn: Warn): string[] | undefined {
  const list = typeof value === "string" ? [value] : value;
  const fallback = ACTIONS[key.slice("keymap.".length) as Action]?.keys ?? [];
  if (!Array.isArray(list) || !list.every((k) => typeof k === "string")) {
    warn(invalid(key, value, tl("config.expectKeys"), fallback));
    return undefined;
  }
  const keys: string[] = [];
  for (const name of list as string[]) {
    const canonical = normaliseKeyName(name);
    if (!canonical) {
      warn(invalid(key, name, tl("config.expectKey"), fallback));
      return undefined;
    }
    if (!keys.includes(canonical)) keys.push(canonical);
  }
  return keys;
}

export function validateKeymap(raw: unknown, warn: Warn): Keymap {
  const keymap = defaultKeymap();
  const user = section("keymap", raw, warn);
  warnUnknownKeys("keymap", user, ACTION_NAMES, warn);
  // The keys the user bound, and to what. A key may serve two actions that never answer in
  // the same place (n: notifications in the panes, the next picture in the media viewer).
  const claimed: Array<{ key: string; action: Action }> = [];
  const owner = (key: string, action: Action) =>
    claimed.find((c) => c.key === key && c.action !== action && canClash(c.action, action));
  for (const action of ACTION_NAMES) {
    if (user[action] === undefined) continue;
    const keys = parseBinding(`keymap.${action}`, user[action], warn);
    if (!keys) continue;
    const clash = keys.find((k) => owner(k, action));
    if (clash) {
      warn(
        tl("config.keyClash", {
          action,
          value: quoteValue(user[action]),
          key: quoteValue(clash),
          other: owner(clash, action)!.action,
          fallback: quoteValue(ACTIONS[action].keys),
        }),
      );
      continue;
    }
    keymap[action] = keys;
    for (const key of keys) claimed.push({ key, action });
  }
  // Defaults give way to what the user bound explicitly.
  for (const action of ACTION_NAMES) {
    keymap[action] = keymap[action].filter((k) => !owner(k, action));
  }
  for (const action of ACTION_NAMES) {
    if (keymap[action].length === 0 && user[action] === undefined) {
      warn(tl("config.keyLost", { action }));
    }
  }
  return keymap;
}
