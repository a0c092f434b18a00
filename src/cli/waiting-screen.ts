// What the terminal shows while the session opens, before the screen proper can be built:
// which server, what is still awaited, for how long, and that `q` quits. A slow server
// (seconds per answer) would otherwise leave the terminal blank. Written with a few plain
// escape sequences, not the UI toolkit, so it costs nothing to load: the screen proper is
// loaded meanwhile and, drawn on the same alternate screen, replaces this one.
import { shown, tl } from "../i18n/index.js";
import { RESTORE_SEQUENCE } from "../ui/terminal/restore.js";

/** A fast server never sees this screen: the panes come first (no flash of text). */
export const WAITING_SCREEN_AFTER_MS = 150;

interface TtyIn {
  isTTY?: boolean;
  setRawMode?(mode: boolean): unknown;
  on(event: "data", listener: (chunk: Buffer | string) => void): unknown;
  removeListener(event: "data", listener: (chunk: Buffer | string) => void): unknown;
  resume(): unknown;
  pause(): unknown;
}

interface TtyOut {
  isTTY?: boolean;
  columns?: number;
  write(chunk: string): unknown;
}

export interface WaitingScreenOptions {
  /** The server's host, as the user configured it. */
  host: string;
  /** What is awaited, in the words shown ("server information", "your account"). */
  awaiting: readonly string[];
  stdin: TtyIn;
  stdout: TtyOut;
  /** `q`, Ctrl-C or Ctrl-D pressed: the user gives up waiting. */
  onQuit: () => void;
  now?: () => number;
}

export interface WaitingScreen {
  /** One awaited thing has arrived: it leaves the list. */
  arrived(what: string): void;
  /** Stops drawing and reading keys; the alternate screen stays for the screen proper. */
  handOver(): void;
  /** Stops and gives the terminal back as it was (an error is about to be printed, or quit). */
  restore(): void;
}

/** Keeps only printable characters (the host comes from the user's own config, still). */
function printable(text: string): string {
  return text.replace(/[\p{Cc}\p{Cf}]/gu, "");
}

function fit(text: string, columns: number): string {
  return text.length <= columns ? text : `${text.slice(0, Math.max(0, columns - 1))}…`;
}

/**
 * Draws the waiting screen at once on the alternate screen and redraws it each second.
 * Does nothing (and returns a no-op) when stdout is not a terminal.
 */
export function showWaitingScreen(opts: WaitingScreenOptions): WaitingScreen {
  const { stdin, stdout } = opts;
  const now = opts.now ?? Date.now;
  if (!stdout.isTTY) return { arrived() {}, handOver() {}, restore() {} };
  const started = now();
  const awaiting = [...opts.awaiting];
  const host = printable(opts.host);
  let stopped = false;

  const draw = () => {
    if (stopped) return;
    const columns = Math.max(10, (stdout.columns ?? 80) - 4);
    const seconds = Math.floor((now() - started) / 1000);
    const what = awaiting.join(tl("waiting.separator"));
    const lines = [
      "tootty",
      "",
      tl("waiting.connecting", { host }),
      awaiting.length
        ? seconds > 0
          ? tl("waiting.forSeconds", { what, count: seconds })
          : tl("waiting.for", { what })
        : tl("waiting.starting"),
      "",
      tl("waiting.quits"),
    ].map(shown);
    // Home, clear, then each line at column 3 of its own row.
    let out = "\x1b[H\x1b[2J";
    lines.forEach((line, i) => {
      out += `\x1b[${i + 2};3H${fit(line, columns)}`;
    });
    try {
      stdout.write(out);
    } catch {
      // a terminal that hung up: the lifecycle notices
    }
  };

  const onData = (chunk: Buffer | string) => {
    const text = typeof chunk === "string" ? chunk : chunk.toString("latin1");
    // q, Ctrl-C (raw mode turns it into a byte, not SIGINT), Ctrl-D.
    if (/[qQ\x03\x04]/.test(text)) opts.onQuit();
  };

  try {
    if (stdin.isTTY && stdin.setRawMode) stdin.setRawMode(true);
    stdin.on("data", onData);
    stdin.resume();
    // Alternate screen, cursor hidden.
    stdout.write("\x1b[?1049h\x1b[?25l");
  } catch {
    // no usable terminal: nothing more to show
  }
  draw();
  const timer = setInterval(draw, 1000);
  timer.unref();

  const stop = () => {
    stopped = true;
    clearInterval(timer);
    stdin.removeListener("data", onData);
  };
  return {
    arrived(what) {
      const at = awaiting.indexOf(what);
      if (at >= 0) awaiting.splice(at, 1);
      draw();
    },
    handOver() {
      if (stopped) return;
      stop();
      // Raw mode stays (keys typed meanwhile are not echoed); the screen proper resumes input.
      try {
        stdin.pause();
      } catch {}
    },
    restore() {
      if (stopped) return;
      stop();
      try {
        if (stdin.isTTY && stdin.setRawMode) stdin.setRawMode(false);
        stdin.pause();
        stdout.write(RESTORE_SEQUENCE);
      } catch {}
    },
  };
}
