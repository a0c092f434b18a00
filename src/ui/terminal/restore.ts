// Puts the terminal back the way the shell expects it, whatever state tootty left it in.
//
// blessed's screen.destroy() normally does this, but not when it never ran (a crash inside
// blessed, a second signal during shutdown) or when it ran against a half-initialised
// program. These bytes are idempotent, so the exit path always writes them as well.

/** End a synchronized frame, reset SGR, leave the alternate screen, show the cursor, stop mouse and bracketed-paste reports. */
export const RESTORE_SEQUENCE = [
  "\x1b[?2026l", // a frame cut off mid-write is shown (synchronized-output.ts)
  "\x1b[0m", // attributes off
  "\x1b[?1000l\x1b[?1002l\x1b[?1003l\x1b[?1006l", // mouse reporting off
  "\x1b[?2004l", // bracketed paste off
  "\x1b[?1049l", // main screen (restores the cursor saved on entry)
  "\x1b[?25h", // cursor visible
].join("");

interface TtyIn {
  isTTY?: boolean;
  isRaw?: boolean;
  setRawMode?(mode: boolean): unknown;
  pause(): unknown;
}

interface TtyOut {
  isTTY?: boolean;
  write(chunk: string): unknown;
}

/**
 * Echo and line editing back on (raw mode off), input paused, screen sequences written.
 * Never throws: after an SSH drop the terminal is gone and every call may fail with EIO.
 */
export function restoreTerminal(input: TtyIn, output: TtyOut): void {
  try {
    if (input.isTTY && input.setRawMode) input.setRawMode(false);
  } catch {
    // the terminal hung up: nothing left to restore
  }
  try {
    // A paused stdin lets the event loop end, and node's own exit-time reset of the tty then
    // finds nothing reading from it.
    input.pause();
  } catch {
    // same
  }
  try {
    if (output.isTTY) output.write(RESTORE_SEQUENCE);
  } catch {
    // same
  }
}
