// Who puts right-to-left text in order: tootty or the terminal. Never both — reordering
// twice is as wrong as not at all. Pure, decided once at start-up from the environment.
//
// Terminals that do bidi by themselves: VTE ≥ 0.58 (GNOME Terminal, Tilix, …; it sets
// VTE_VERSION, 5800 for 0.58), Konsole (KONSOLE_VERSION), mlterm (MLTERM), and iTerm2 and
// WezTerm only when the user turned the option on (which no variable tells: so they count as
// terminals without bidi; `bidi: terminal` says otherwise). VTE implements the Terminal-WG
// BiDi recommendation (https://terminal-wg.pages.freedesktop.org/bidi/): `CSI 8 l` switches
// it to explicit mode, where it draws cells in the order written, and `CSI 8 h` back to its
// default implicit mode. There tootty reorders itself, as everywhere else. tmux and GNU
// screen keep a grid of their own and do no bidi, whatever terminal is outside them.

import type { BidiSetting } from "../../config/settings.js";

export interface BidiChoice {
  /** tootty reorders and shapes right-to-left text itself. */
  reorder: boolean;
  /** Written at start-up (VTE to explicit mode), or "". */
  enter: string;
  /** Written on exit and before handing the terminal to another program, or "". */
  leave: string;
}

export const EXPLICIT_MODE = "\x1b[8l";
export const IMPLICIT_MODE = "\x1b[8h";

function insideMultiplexer(env: NodeJS.ProcessEnv): boolean {
  const term = env.TERM ?? "";
  return Boolean(env.TMUX || env.STY) || /^(tmux|screen)(-|$)/.test(term);
}

/** VTE 0.58 is the first with BiDi (its BiDi documentation). */
function bidiVte(env: NodeJS.ProcessEnv): boolean {
  const version = Number.parseInt(env.VTE_VERSION ?? "", 10);
  return Number.isFinite(version) && version >= 5800;
}

function reordersItself(env: NodeJS.ProcessEnv): boolean {
  return Boolean(env.KONSOLE_VERSION || env.MLTERM);
}

export function chooseBidi(setting: BidiSetting, env: NodeJS.ProcessEnv): BidiChoice {
  const ours = { reorder: true, enter: "", leave: "" };
  const theirs = { reorder: false, enter: "", leave: "" };
  if (setting === "terminal") return theirs;
  if (insideMultiplexer(env)) return ours;
  if (bidiVte(env)) return { reorder: true, enter: EXPLICIT_MODE, leave: IMPLICIT_MODE };
  if (setting === "visual") return ours;
  return reordersItself(env) ? theirs : ours;
}
