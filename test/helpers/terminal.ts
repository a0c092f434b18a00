// Which real terminal a test runs in. xterm.js comes from npm and always runs; tmux (which
// places characters by the C library's wcwidth, like most Linux terminals) runs when it is
// installed. TOOTTY_TEST_TERMINAL=tmux runs the whole end-to-end suite in tmux instead.
import { spawnSync } from "node:child_process";
import type { EmulatorName, TerminalSession, TerminalStartOptions } from "./terminal-session.js";
import { TmuxSession } from "./tmux.js";
import { XtermSession } from "./xterm.js";

export type { EmulatorName, TerminalSession, TerminalStartOptions } from "./terminal-session.js";

let tmuxFound: boolean | undefined;
export function tmuxAvailable(): boolean {
  tmuxFound ??= spawnSync("tmux", ["-V"]).status === 0;
  return tmuxFound;
}

/** The one line a test prints when the tmux layer is skipped. */
export const TMUX_SKIP_NOTE =
  "tmux not installed: apt-get install tmux openssh-server openssh-client to run this layer";

/** `skip` for a describe/test that needs tmux: false, or why not (scripts/test.mjs prints the note). */
export function skipWithoutTmux(): false | string {
  return tmuxAvailable() ? false : "tmux not installed";
}

/** Both emulators, for the checks that must hold in each (layout, borders, wide text). */
export const EMULATORS: readonly EmulatorName[] = ["xterm", "tmux"];

/** `skip` for a test in `emulator`. */
export function skipUnlessAvailable(emulator: EmulatorName): false | string {
  return emulator === "tmux" ? skipWithoutTmux() : false;
}

/** The emulator the general end-to-end tests use. */
export function defaultEmulator(): EmulatorName {
  const chosen = process.env.TOOTTY_TEST_TERMINAL;
  if (chosen === "tmux" || chosen === "xterm") return chosen;
  return "xterm";
}

export function startTerminal(
  opts: TerminalStartOptions,
  emulator: EmulatorName = defaultEmulator(),
): TerminalSession {
  return emulator === "tmux" ? TmuxSession.start(opts) : XtermSession.start(opts);
}
