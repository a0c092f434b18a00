// Drives a real program in xterm.js — the emulator of VS Code's terminal and most web
// terminals — and reads the screen as a user sees it. Everything comes from npm: a pty from
// @lydell/node-pty (prebuilt binaries inside the package, no install script) and the emulator
// from @xterm/headless, with Unicode 11 widths as VS Code sets them. Same shape as TmuxSession.
import { appendFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pty from "@lydell/node-pty";
import unicode11 from "@xterm/addon-unicode11";
import headless from "@xterm/headless";
import { SYNC_BEGIN, SYNC_END } from "../../src/ui/terminal/synchronized-output.js";
import { keyBytes } from "./keys.js";
import { pollScreen, type TerminalSession, type TerminalStartOptions } from "./terminal-session.js";

// Both ship CommonJS only: their classes come off the default export.
const { Terminal } = headless;
const { Unicode11Addon } = unicode11;
type Terminal = InstanceType<typeof Terminal>;
type Pty = ReturnType<typeof pty.spawn>;

function rgb(colour: number): string {
  return `${(colour >> 16) & 255};${(colour >> 8) & 255};${colour & 255}`;
}

function quote(arg: string): string {
  return `'${arg.replace(/'/g, `'\\''`)}'`;
}

/** What the shell writes once the program has ended: its status, in an OSC xterm.js ignores. */
const EXIT_MARK = /\x1b\]7770;(\d+)\x07/;
// Echo off first: the line that answers it must not move the cursor on the screen left behind.
const EXIT_MARK_COMMAND = `stty -echo 2>/dev/null; printf '\\033]7770;%d\\007' "$s"; read -r _`;

/** xterm.js answers DA, DSR (CSI 6 n) and the like through onData, as a terminal would. */
export class XtermSession implements TerminalSession {
  readonly emulator = "xterm" as const;
  private exitCode: number | null = null;
  /** The program has ended (its last output may still be parsing: see exitCode). */
  private ended = false;
  private disposed = false;
  private recordTo: string | undefined;

  private constructor(
    private readonly term: Terminal,
    private readonly proc: Pty,
    private readonly dir: string,
    answer?: (output: string) => string | undefined,
  ) {
    proc.onData((data) => {
      if (this.disposed) return;
      if (this.recordTo) appendFileSync(this.recordTo, data);
      // Before xterm.js parses the chunk, so this answer comes before xterm.js's own (DA1).
      const reply = answer?.(data);
      if (reply) this.write(reply);
      this.feed(data);
      this.watchForExitMark(data);
    });
    term.onData((reply) => this.write(reply));
    // Only if the shell itself ended before its exit mark (killed): node-pty reports the exit
    // once the pty has closed, or 200 ms after the child ended when it has not
    // (DESTROY_SOCKET_TIMEOUT_MS in its unixTerminal.js), dropping any output not yet read.
    proc.onExit(({ exitCode, signal }) => {
      this.ended = true;
      if (this.disposed || this.markSeen) return;
      this.flushFrame();
      term.write("", () => {
        this.exitCode = signal ? 128 + signal : exitCode;
      });
    });
  }

  /** The last bytes read, for an exit mark cut in two. */
  private markTail = "";
  private markSeen = false;

  /**
   * The shell writes the program's status after the program ended (EXIT_MARK), then waits for
   * a line: everything the program wrote came before the mark, so once it is read the output
   * is whole and the status is known; the line lets the shell end.
   */
  private watchForExitMark(data: string): void {
    if (this.markSeen) return;
    const text = this.markTail + data;
    const mark = EXIT_MARK.exec(text);
    this.markTail = text.slice(-16);
    if (!mark) return;
    this.markSeen = true;
    this.ended = true;
    this.flushFrame();
    // As a shell reports it: 128 + the signal for a program a signal ended.
    const status = Number(mark[1]);
    this.term.write("", () => {
      this.exitCode = status;
    });
    this.proc.write("\n");
  }

  /** Output held back: a synchronized frame (mode 2026) whose end has not arrived yet. */
  private held = "";
  private heldTimer: NodeJS.Timeout | undefined;

  /**
   * Parses `data`, but an unfinished synchronized frame waits for its end, as a terminal that
   * knows the mode shows it (xterm.js's renderer does; the headless buffer alone would show
   * half a frame to a read between two chunks). After a second it is shown as far as it came,
   * as those terminals do.
   */
  private feed(data: string): void {
    let text = this.held + data;
    this.held = "";
    const begin = text.lastIndexOf(SYNC_BEGIN);
    let cut = begin !== -1 && !text.includes(SYNC_END, begin) ? begin : -1;
    // A mark cut in two by the pty: its first bytes wait for the rest.
    if (cut === -1)
      for (let n = Math.min(SYNC_BEGIN.length - 1, text.length); n > 0; n--)
        if (text.endsWith(SYNC_BEGIN.slice(0, n))) {
          cut = text.length - n;
          break;
        }
    if (cut !== -1) {
      this.held = text.slice(cut);
      text = text.slice(0, cut);
      this.heldTimer ??= setTimeout(() => this.flushFrame(), 1_000).unref();
    } else if (this.heldTimer !== undefined) {
      clearTimeout(this.heldTimer);
      this.heldTimer = undefined;
    }
    if (text) this.term.write(text);
  }

  private flushFrame(): void {
    if (this.heldTimer !== undefined) clearTimeout(this.heldTimer);
    this.heldTimer = undefined;
    if (this.disposed) return;
    const text = this.held;
    this.held = "";
    if (text) this.term.write(text);
  }

  static start(opts: TerminalStartOptions): XtermSession {
    const cols = opts.cols ?? 120;
    const rows = opts.rows ?? 40;
    const term = new Terminal({ cols, rows, scrollback: 0, allowProposedApi: true });
    term.loadAddon(new Unicode11Addon());
    term.unicode.activeVersion = "11";
    const env: Record<string, string> = {};
    for (const [k, v] of Object.entries({
      ...process.env,
      LANG: "C.UTF-8",
      TERM: "xterm-256color",
      ...opts.env,
    })) {
      if (v !== undefined) env[k] = v;
    }
    delete env.TMUX;
    delete env.COLORTERM;
    if (opts.env?.COLORTERM) env.COLORTERM = opts.env.COLORTERM;
    const dir = mkdtempSync(join(tmpdir(), "tootty-xterm-"));
    // Through sh, like the tmux layer: pid() is the shell and the program is its child.
    const program = opts.command.map(quote).join(" ");
    const proc = pty.spawn("/bin/sh", ["-c", `${program}; s=$?; ${EXIT_MARK_COMMAND}; exit $s`], {
      name: env.TERM ?? "xterm-256color",
      cols,
      rows,
      cwd: process.cwd(),
      env,
    });
    return new XtermSession(term, proc, dir, opts.answer);
  }

  private line(y: number, trim: boolean): string {
    // Only the columns the terminal has now: after a shrink xterm.js keeps each buffer line at
    // its old length (for reflow), so a row read whole would still be the old width.
    return this.term.buffer.active.getLine(y)?.translateToString(trim, 0, this.term.cols) ?? "";
  }

  capture(): string {
    const out: string[] = [];
    for (let y = 0; y < this.term.rows; y++) out.push(this.line(y, true));
    return `${out.join("\n")}\n`;
  }

  captureCells(): string[] {
    const out: string[] = [];
    for (let y = 0; y < this.term.rows; y++) out.push(this.line(y, false));
    return out;
  }

  captureWithColours(): string {
    const buf = this.term.buffer.active;
    const cell = buf.getNullCell();
    const out: string[] = [];
    for (let y = 0; y < this.term.rows; y++) {
      const line = buf.getLine(y);
      let row = "";
      let last = "";
      for (let x = 0; line && x < this.term.cols; x++) {
        line.getCell(x, cell);
        if (cell.getWidth() === 0) continue;
        // One sequence per attribute, after a reset, as tmux's capture-pane -e writes them.
        const sgr: string[] = [];
        if (cell.isFgPalette()) sgr.push(`38;5;${cell.getFgColor()}`);
        else if (cell.isFgRGB()) sgr.push(`38;2;${rgb(cell.getFgColor())}`);
        if (cell.isBgPalette()) sgr.push(`48;5;${cell.getBgColor()}`);
        else if (cell.isBgRGB()) sgr.push(`48;2;${rgb(cell.getBgColor())}`);
        if (cell.isBold()) sgr.push("1");
        if (cell.isDim()) sgr.push("2");
        if (cell.isItalic()) sgr.push("3");
        if (cell.isUnderline()) sgr.push("4");
        if (cell.isInverse()) sgr.push("7");
        const key = sgr.join(",");
        if (key !== last) row += `\x1b[0m${sgr.map((p) => `\x1b[${p}m`).join("")}`;
        last = key;
        row += cell.getChars() || " ";
      }
      out.push(row);
    }
    return out.join("\n");
  }

  recordOutput(file: string): void {
    this.recordTo = file;
  }

  send(...keys: string[]): void {
    const cursorApp = this.term.modes.applicationCursorKeysMode;
    this.write(keys.map((k) => keyBytes(k, cursorApp)).join(""));
  }

  type(text: string): void {
    this.write(text);
  }

  private write(data: string): void {
    if (!this.ended) this.proc.write(data);
  }

  resize(cols: number, rows: number): void {
    this.term.resize(cols, rows);
    if (!this.ended) this.proc.resize(cols, rows);
  }

  exitStatus(): number | null {
    return this.exitCode;
  }

  terminalRestored(): { alternateScreen: boolean; cursorVisible: boolean } {
    // xterm.js keeps cursor visibility (DECTCEM) in its core service; no public getter.
    const core = (this.term as unknown as { _core: { coreService: { isCursorHidden: boolean } } })
      ._core;
    return {
      alternateScreen: this.term.buffer.active.type === "alternate",
      cursorVisible: !core.coreService.isCursorHidden,
    };
  }

  pid(): number {
    return this.proc.pid;
  }

  waitFor(predicate: (screen: string) => boolean, what: string, timeoutMs = 10_000) {
    return pollScreen(() => this.capture(), predicate, what, timeoutMs);
  }

  waitForText(text: string, timeoutMs = 10_000): Promise<string> {
    return this.waitFor((s) => s.includes(text), JSON.stringify(text), timeoutMs);
  }

  async waitForExit(timeoutMs = 10_000): Promise<number> {
    await pollScreen(
      () => this.capture(),
      () => this.exitCode !== null,
      "the program to exit",
      timeoutMs,
    );
    return this.exitCode!;
  }

  /**
   * Closes the terminal as a terminal emulator does when its window goes: the pty is closed
   * (every write now fails with EIO) and the program's process group gets SIGHUP, then, if
   * anything ignored that, SIGKILL a few seconds later.
   */
  kill(): void {
    if (this.disposed) return;
    this.disposed = true;
    if (this.heldTimer !== undefined) clearTimeout(this.heldTimer);
    const group = -this.proc.pid;
    const signal = (sig: NodeJS.Signals) => {
      try {
        process.kill(group, sig);
      } catch {
        // already gone
      }
    };
    if (!this.ended) {
      // UnixTerminal's destroy() (closes the master side) is not in node-pty's typings.
      (this.proc as unknown as { destroy(): void }).destroy();
      signal("SIGHUP");
      setTimeout(() => signal("SIGKILL"), 5_000).unref();
    }
    this.term.dispose();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
