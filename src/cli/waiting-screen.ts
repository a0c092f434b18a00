// What the terminal shows while the session opens, before the screen proper can be built:
// which server, what is still awaited, for how long, and which key quits (the keymap's). A slow server
// (seconds per answer) would otherwise leave the terminal blank. Written with a few plain
// escape sequences, not the UI toolkit, so it costs nothing to load: the screen proper is
// loaded meanwhile and, drawn on the same alternate screen, replaces this one.
import { shown, tl } from "../i18n/index.js";
import { keyLabel } from "../ui/shell/hints.js";
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
  /**
   * The keys the keymap binds to quitting (its names: "q", "C-c", "escape"). The first is the
   * one the screen names; Ctrl-C quits whatever they are, since raw mode keeps it from being
   * the interrupt it would be in a shell and a user must always have a way out.
   */
  quitKeys: readonly string[];
  /** A quit key pressed: the user gives up waiting. */
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

/** What a terminal sends for a key the keymap names, where that is one fixed string. */
const NAMED_BYTES: Readonly<Record<string, string>> = {
  escape: "\x1b",
  enter: "\r",
  tab: "\t",
  space: " ",
  backspace: "\x7f",
};

function keyBytes(name: string): string | undefined {
  if (/^C-[a-z]$/.test(name)) return String.fromCharCode(name.charCodeAt(2) - 96);
  if ([...name].length === 1) return name;
  return NAMED_BYTES[name];
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
  const quitBytes = new Set(["\x03"]);
  for (const name of opts.quitKeys) {
    const bytes = keyBytes(name);
    if (bytes) quitBytes.add(bytes);
  }
  const named = opts.quitKeys.find((name) => keyBytes(name) !== undefined) ?? "C-c";

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
      tl("hint.quit", { keys: keyLabel(named) }),
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
    // One read may hold several keys typed ahead; an escape sequence (an arrow's ESC [ A, an
    // Alt-x's ESC x) is one key, not Esc and a letter.
    const keys = text.match(/\x1b(?:\[[0-9;?]*[\x40-\x7e]|O.|[^\x1b])?|[^\x1b]/gsu) ?? [];
    if (keys.some((key) => quitBytes.has(key))) opts.onQuit();
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
