// Drives a real program in a real terminal (tmux) and reads the screen as a user sees it.
// Each session gets its own tmux server socket, so tests never touch the user's tmux.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { pollScreen, type TerminalSession, type TerminalStartOptions } from "./terminal-session.js";

let counter = 0;
const EXIT_MARK = "tootty-test-exit=";

export type TmuxStartOptions = TerminalStartOptions;

function quote(arg: string): string {
  return `'${arg.replace(/'/g, `'\\''`)}'`;
}

class TmuxTerminal implements TerminalSession {
  readonly emulator = "tmux" as const;

  private constructor(
    private readonly socket: string,
    private readonly dir: string,
  ) {}

  static start(opts: TmuxStartOptions): TmuxTerminal {
    const dir = mkdtempSync(join(tmpdir(), "tootty-tmux-"));
    const socket = `tootty-test-${process.pid}-${++counter}`;
    const conf = join(dir, "tmux.conf");
    writeFileSync(
      conf,
      [
        "set -sg escape-time 10",
        "set -g default-terminal screen-256color",
        "set -g status off",
        "set -g history-limit 0",
      ].join("\n") + "\n",
    );
    const env: Record<string, string> = {};
    for (const [k, v] of Object.entries({ ...process.env, LANG: "C.UTF-8", ...opts.env })) {
      if (v !== undefined) env[k] = v;
    }
    delete env.TMUX;
    // The command runs through sh with an explicit environment, so tests control it exactly.
    const envPrefix = Object.entries(opts.env ?? {})
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => `${k}=${quote(v as string)}`)
      .join(" ");
    // After the program ends, a shell prints its exit status and stays, so the terminal's
    // state (alternate screen, cursor) can still be read: tmux reports nothing useful for a
    // dead pane.
    const program = `${envPrefix ? `env ${envPrefix} ` : ""}${opts.command.map(quote).join(" ")}`;
    const shellCommand = `${program}; printf '\\n${EXIT_MARK}%s\\n' "$?"; exec sleep 86400`;
    execFileSync(
      "tmux",
      [
        "-L",
        socket,
        "-f",
        conf,
        "-u",
        "new-session",
        "-d",
        "-s",
        "main",
        "-x",
        String(opts.cols ?? 120),
        "-y",
        String(opts.rows ?? 40),
        shellCommand,
      ],
      { env, stdio: "ignore" },
    );
    return new TmuxTerminal(socket, dir);
  }

  private tmux(...args: string[]): string {
    return execFileSync("tmux", ["-L", this.socket, ...args], { encoding: "utf8" });
  }

  /** The visible screen, one string per row (trailing spaces trimmed by tmux). */
  capture(): string {
    return this.tmux("capture-pane", "-p", "-t", "main");
  }

  captureCells(): string[] {
    return this.tmux("capture-pane", "-p", "-N", "-t", "main").replace(/\n$/, "").split("\n");
  }

  captureWithColours(): string {
    return this.tmux("capture-pane", "-p", "-e", "-t", "main");
  }

  recordOutput(file: string): void {
    this.tmux("pipe-pane", "-o", "-t", "main", `cat >> ${quote(file)}`);
  }

  /** Runs a tmux command against this session's server (pipe-pane, resize…). */
  command(...args: string[]): string {
    return this.tmux(...args);
  }

  /** Presses keys by tmux key name ("Escape", "C-d", "Enter"); `type` sends literal text. */
  send(...keys: string[]): void {
    // tmux names Shift-Tab "BTab"; xterm sessions (keys.ts) take both names.
    this.tmux("send-keys", "-t", "main", ...keys.map((k) => (k === "S-Tab" ? "BTab" : k)));
  }

  type(text: string): void {
    this.tmux("send-keys", "-t", "main", "-l", text);
  }

  resize(cols: number, rows: number): void {
    this.tmux("resize-window", "-t", "main", "-x", String(cols), "-y", String(rows));
  }

  private format(fmt: string): string {
    return this.tmux("display-message", "-p", "-t", "main", fmt).trim();
  }

  /** Exit status once the program has ended, else null. */
  exitStatus(): number | null {
    const match = new RegExp(`${EXIT_MARK}(\\d+)`).exec(this.capture());
    return match ? Number(match[1]) : null;
  }

  /** Whether the terminal is back to normal: main screen, cursor visible. */
  terminalRestored(): { alternateScreen: boolean; cursorVisible: boolean } {
    const [alt, cursor] = this.format("#{alternate_on} #{cursor_flag}").split(" ");
    return { alternateScreen: alt === "1", cursorVisible: cursor === "1" };
  }

  pid(): number {
    return Number(this.format("#{pane_pid}"));
  }

  /** Polls the screen until `predicate` holds; throws with the last screen on timeout. */
  waitFor(predicate: (screen: string) => boolean, what: string, timeoutMs = 10_000) {
    return pollScreen(() => this.capture(), predicate, what, timeoutMs);
  }

  async waitForText(text: string, timeoutMs = 10_000): Promise<string> {
    return this.waitFor((s) => s.includes(text), JSON.stringify(text), timeoutMs);
  }

  async waitForExit(timeoutMs = 10_000): Promise<number> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const status = this.exitStatus();
      if (status !== null) return status;
      if (Date.now() > deadline)
        throw new Error(`program did not exit within ${timeoutMs} ms:\n${this.capture()}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  kill(): void {
    try {
      this.tmux("kill-server");
    } catch {
      // already gone
    }
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** tmux sessions: `TmuxSession.start(…)`; as a type, any TerminalSession (tmux or xterm.js). */
export const TmuxSession = TmuxTerminal;
export type TmuxSession = TerminalSession;
