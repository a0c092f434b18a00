// The one shape every real-terminal test drives: tmux (test/helpers/tmux.ts) or xterm.js
// (test/helpers/xterm.ts). A test written against TerminalSession runs in either.

export type EmulatorName = "xterm" | "tmux";

export interface TerminalStartOptions {
  command: string[];
  cols?: number;
  rows?: number;
  env?: Record<string, string | undefined>;
  /**
   * xterm.js only: what the terminal answers to a chunk the program wrote, beside xterm.js's
   * own answers — for the queries a terminal like kitty answers and xterm.js does not.
   */
  answer?: (output: string) => string | undefined;
}

export interface TerminalSession {
  readonly emulator: EmulatorName;
  /** The visible screen, rows joined by newlines, trailing spaces trimmed. */
  capture(): string;
  /** The visible screen, one string per row, trailing spaces kept. */
  captureCells(): string[];
  /** The visible screen with SGR sequences for its colours and attributes. */
  captureWithColours(): string;
  /** From now on, appends every byte the program writes to `file`. */
  recordOutput(file: string): void;
  /** Presses keys by tmux key name ("Escape", "C-d", "Enter"), all in one write. */
  send(...keys: string[]): void;
  /** Types literal text. */
  type(text: string): void;
  resize(cols: number, rows: number): void;
  /** Exit status once the program has ended, else null. */
  exitStatus(): number | null;
  /** Whether the terminal is back to normal: main screen, cursor visible. */
  terminalRestored(): { alternateScreen: boolean; cursorVisible: boolean };
  /** The shell the program runs under (the program is its child). */
  pid(): number;
  /** Polls the screen until `predicate` holds; throws with the last screen on timeout. */
  waitFor(
    predicate: (screen: string) => boolean,
    what: string,
    timeoutMs?: number,
  ): Promise<string>;
  waitForText(text: string, timeoutMs?: number): Promise<string>;
  waitForExit(timeoutMs?: number): Promise<number>;
  kill(): void;
}

/** Polls `read()` every 25 ms until `predicate` holds on it; throws with the last read on timeout. */
export async function pollScreen(
  read: () => string,
  predicate: (screen: string) => boolean,
  what: string,
  timeoutMs: number,
): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const screen = read();
    if (predicate(screen)) return screen;
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; screen:\n${screen}`);
    }
    await new Promise((r) => setTimeout(r, 25));
  }
}
