// blessed's key events as the composer's Key: blessed names letters by their lower case
// and puts the typed character in `ch`; the composer wants the same plus modifier flags.
import type { Key } from "../../compose/keys.js";
import type { KeyEvent } from "../shell/keymap.js";

/** The composer's key for a blessed key event, or null for events that carry no key. */
export function composeKey(ch: string | undefined, key: KeyEvent | undefined): Key | null {
  // blessed reports a carriage return twice, as "return" and then as "enter": one Enter.
  if (key?.name === "return") return null;
  const name = key?.name ?? (ch && ch.length > 0 ? ch : undefined);
  if (!name && !ch) return null;
  const out: Key = { name: name ?? (ch as string) };
  // blessed reports a printable key's `ch`; for named keys (enter, escape…) ch may be a
  // control byte, which keyToken maps by name anyway.
  const printed = ch ?? key?.ch;
  if (printed !== undefined) out.ch = printed;
  if (key?.ctrl) out.ctrl = true;
  if (key?.meta) out.meta = true;
  if (key?.shift) out.shift = true;
  // A printable character that blessed could not name (":", "日", a paste) is its own name.
  if (!key?.name && printed) out.name = printed;
  return out;
}
