// A blessed key event as the keymap table (src/config/keymap.ts) names keys. The table, the
// user's remaps and the lookup are the core's; this only turns an event into key names.
import { normaliseKeyName } from "../../config/keymap.js";

export interface KeyEvent {
  name?: string;
  full?: string;
  ch?: string;
  ctrl?: boolean;
  meta?: boolean;
  shift?: boolean;
}

/**
 * The canonical names a key event answers to: blessed's full name ("C-d", "S-g" → "G") and
 * the character typed. blessed reports one Enter press as "return" and then "enter": only
 * "enter" is the key, so "return" answers to nothing (it would act twice).
 */
export function keyNames(ch: string | undefined, key: KeyEvent): string[] {
  const names: string[] = [];
  const add = (name: string | undefined) => {
    if (name && !names.includes(name)) names.push(name);
  };
  if (key.full && key.full !== "return") add(normaliseKeyName(key.full));
  if (ch && ch.length === 1 && ch >= " " && !key.ctrl && !key.meta) add(normaliseKeyName(ch));
  return names;
}
