// Hint lines that name keys ("j/k move  ? help  q quit", "Enter thread · Esc back"), built
// from the keymap in force, so a user who remapped a key sees their key. The words are the
// catalogue's ("hint.*", each with a {keys} slot); the keys are the table's
// (src/config/keymap.ts), read through `ActionContext.keysOf`.
import type { Action } from "../../config/keymap.js";
import { type MessageKey, tl } from "../../i18n/index.js";

/** What a hint reads the keymap through: the keys bound to an action now. */
export type KeysOf = (action: Action) => readonly string[];

/**
 * One piece of a hint: a catalogue message with a {keys} slot and the actions whose first key
 * fills it (joined by "/": "j/k move"); or text already made (an overlay's own keys, "1-9").
 */
export type HintPart = readonly [MessageKey, ...Action[]] | string;

const NAMED: Readonly<Record<string, string>> = {
  escape: "Esc",
  enter: "Enter",
  tab: "Tab",
  space: "Space",
  backspace: "Backspace",
  delete: "Del",
  insert: "Ins",
  up: "Up",
  down: "Down",
  left: "Left",
  right: "Right",
  home: "Home",
  end: "End",
  pageup: "PgUp",
  pagedown: "PgDn",
};
const MODIFIERS: Readonly<Record<string, string>> = { C: "Ctrl-", M: "Alt-", S: "Shift-" };

/** A key as a hint names it: the table's "C-d" reads "Ctrl-d", "escape" "Esc", "S-tab" "Shift-Tab". */
export function keyLabel(name: string): string {
  const match = /^((?:[CMS]-)*)(.+)$/.exec(name);
  const modifiers = (match?.[1] ?? "").split("-").filter(Boolean);
  const base = match?.[2] ?? name;
  const named = NAMED[base] ?? (/^f\d{1,2}$/.test(base) ? base.toUpperCase() : base);
  return modifiers.map((m) => MODIFIERS[m] ?? `${m}-`).join("") + named;
}

/** The first key of each action that has one, "/"-joined; undefined when none is bound. */
export function keysHint(keysOf: KeysOf, actions: readonly Action[]): string | undefined {
  const labels = actions.flatMap((a) => {
    const first = keysOf(a)[0];
    return first === undefined ? [] : [keyLabel(first)];
  });
  return labels.length > 0 ? labels.join("/") : undefined;
}

/**
 * A hint line in logical order (the caller shapes it for display with `shown`). A piece whose
 * actions are all unbound is left out: it would name no key.
 */
export function hintLine(keysOf: KeysOf, parts: readonly HintPart[], separator = " · "): string {
  return parts
    .flatMap((part) => {
      if (typeof part === "string") return [part];
      const [message, ...actions] = part;
      const keys = keysHint(keysOf, actions);
      return keys === undefined ? [] : [tl(message, { keys })];
    })
    .join(separator);
}

/** The hint every view and panel ends with: the keys that go back. */
export const BACK: HintPart = ["hint.back", "back"];
