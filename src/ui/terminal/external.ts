// Leaving the terminal: open a URL in $BROWSER, or copy it with OSC 52 (works over SSH,
// because the terminal on the user's side does the copying).
import { openInBrowser } from "../../cli/oauth/browser.js";
import { spawn } from "../../config/child-process.js";
import { parseWebUrl } from "../../render/hyperlink.js";

/**
 * Only http(s) URLs leave the client (a server could send `javascript:` or a shell trick), by
 * the same rule the renderer links with. URL serialisation percent-encodes controls and spaces:
 * nothing left can end an escape sequence.
 */
export function safeUrl(raw: unknown): string | undefined {
  return typeof raw === "string" ? parseWebUrl(raw)?.href : undefined;
}

/** The OSC 52 sequence that puts `text` on the system clipboard. */
export function osc52Copy(text: string): string {
  return `\x1b]52;c;${Buffer.from(text, "utf8").toString("base64")}\x07`;
}

export type OpenOutcome =
  | { opened: true }
  /** $BROWSER must run in this terminal (see `terminalBrowser`): the caller suspends the screen. */
  | { opened: false; reason: "in-terminal"; browser: string }
  | { opened: false; reason: "ssh" | "no-browser" };

/**
 * Where no display can be reached (no DISPLAY, no WAYLAND_DISPLAY: a headless box, the Linux
 * console, SSH without X forwarding) a $BROWSER can only be a terminal browser — w3m, lynx,
 * links, a script — and it needs the terminal: it runs in the foreground while tootty's screen
 * is suspended, as $EDITOR does.
 */
export function terminalBrowser(
  env: NodeJS.ProcessEnv,
  platform = process.platform,
): string | undefined {
  const browser = env.BROWSER?.trim();
  if (!browser || platform === "darwin" || platform === "win32") return undefined;
  return env.DISPLAY || env.WAYLAND_DISPLAY ? undefined : browser;
}

/** Runs `browser url` in this terminal (through the shell, the URL a positional parameter). */
export function runTerminalBrowser(browser: string, url: string): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn("/bin/sh", ["-c", `${browser} "$1"`, "sh", url], { stdio: "inherit" });
    child.on("error", () => resolve(127));
    child.on("exit", (code) => resolve(code ?? 1));
  });
}

/** Opens the URL in $BROWSER; over SSH (or with no display) says why not, so the URL is shown. */
export function openUrl(
  url: string,
  env: NodeJS.ProcessEnv,
  launch?: (command: string, url: string) => void,
): OpenOutcome {
  const inTerminal = terminalBrowser(env);
  if (inTerminal) return { opened: false, reason: "in-terminal", browser: inTerminal };
  if (openInBrowser(url, env, launch)) return { opened: true };
  return {
    opened: false,
    reason: env.SSH_CONNECTION || env.SSH_CLIENT || env.SSH_TTY ? "ssh" : "no-browser",
  };
}
