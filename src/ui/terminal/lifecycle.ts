// How tootty ends: on `q`, a signal (SIGTERM, SIGHUP when SSH drops, SIGINT outside raw
// mode) or an uncaught error, the terminal is restored first, then any message is printed
// (so it lands on the user's normal screen, not the alternate one about to vanish), then
// the session closes and the process exits. Drafts are written synchronously on every
// change by the composer, so nothing here may exit before a pending write: we only ever
// exit from the event loop, never from inside another module's call.
import { restoreTerminal } from "./restore.js";

interface ProcessLike {
  on(event: string, listener: (...args: unknown[]) => void): unknown;
}

export interface LifecycleOptions {
  /** Tears the screen down (blessed's destroy). Synchronous; may throw. */
  destroyScreen(): void;
  /** Closes the session and the embedded demo instance. */
  cleanup(): Promise<void>;
  /** Exits the process (`exitProcess` in production); `signal` when the terminal hung up. */
  exit(code: number, signal?: "SIGHUP"): void;
  stdin: Parameters<typeof restoreTerminal>[0];
  stdout: Parameters<typeof restoreTerminal>[1] & {
    on?(event: "error", listener: (err: NodeJS.ErrnoException) => void): unknown;
  };
  stderr: { write(chunk: string): unknown };
  proc?: ProcessLike;
  /** A hung cleanup (a server that never answers the close) must not keep the user waiting. */
  cleanupTimeoutMs?: number;
}

export interface Lifecycle {
  /** Restores, prints `message` (if any) to stderr, cleans up, exits with `code`. Once. */
  finish(code: number, message?: string): Promise<void>;
}

/** Exit status for a fatal signal, as shells report it: 128 + the signal number. */
export const SIGNAL_EXIT_CODES = { SIGHUP: 129, SIGINT: 130, SIGTERM: 143 } as const;

function describeCrash(err: unknown): string {
  if (err instanceof Error) return `crashed: ${err.stack ?? err.message}`;
  return `crashed: ${String(err)}`;
}

export function installLifecycle(opts: LifecycleOptions): Lifecycle {
  const proc = opts.proc ?? process;
  let finishing = false;

  let hungUp = false;

  async function finish(code: number, message?: string): Promise<void> {
    if (finishing) return;
    finishing = true;
    try {
      opts.destroyScreen();
    } catch {
      // the bytes below restore the terminal anyway
    }
    restoreTerminal(opts.stdin, opts.stdout);
    if (message) {
      try {
        opts.stderr.write(`tootty: ${message}\n`);
      } catch {
        // no terminal left to tell
      }
    }
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, opts.cleanupTimeoutMs ?? 2000);
      timer.unref?.();
    });
    await Promise.race([opts.cleanup().catch(() => {}), timeout]);
    clearTimeout(timer);
    opts.exit(code, hungUp ? "SIGHUP" : undefined);
  }

  function hangUp(): void {
    hungUp = true;
    void finish(SIGNAL_EXIT_CODES.SIGHUP);
  }

  // After an SSH drop every write to the terminal fails with EIO (EPIPE through some
  // proxies), often before SIGHUP arrives: that is a hang-up, not a crash to report.
  opts.stdout.on?.("error", (err) => {
    if (err.code === "EIO" || err.code === "EPIPE") hangUp();
  });

  function onCrash(err: unknown): void {
    const code = (err as NodeJS.ErrnoException | undefined)?.code;
    if (code === "EIO" || code === "EPIPE") {
      hangUp();
      return;
    }
    if (finishing) {
      // A crash while shutting down: the terminal is already restored; do not wait again.
      opts.exit(1);
      return;
    }
    void finish(1, describeCrash(err));
  }

  proc.on("SIGHUP", hangUp);
  // Finish a turn later: blessed has its own SIGTERM/SIGINT listener that calls exit(0) when it
  // finds itself the only listener — and destroying the screen inside this emit would remove
  // ours from its count before its turn comes (seen when a screen is created after this).
  const later = (code: number) => () => void setImmediate(() => void finish(code));
  proc.on("SIGTERM", later(SIGNAL_EXIT_CODES.SIGTERM));
  proc.on("SIGINT", later(SIGNAL_EXIT_CODES.SIGINT));
  proc.on("uncaughtException", onCrash);
  proc.on("unhandledRejection", onCrash);
  return { finish };
}

/**
 * Ends the process. After a hang-up the terminal is gone, and node's own exit-time reset of
 * it (tcsetattr on a dead tty) has been seen to crash the process with SIGSEGV (exit 139):
 * so a hang-up ends as the default SIGHUP action would, without running exit handlers.
 * Everything worth keeping is already written (drafts are saved synchronously).
 */
export function exitProcess(code: number, signal?: "SIGHUP"): void {
  if (signal) {
    process.removeAllListeners(signal);
    process.kill(process.pid, signal);
    return;
  }
  process.exit(code);
}
