// Leaving the terminal: open a URL in $BROWSER, or copy it with OSC 52 (works over SSH,
// because the terminal on the user's side does the copying).
import { openInBrowser } from "../../cli/oauth/browser.js";
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

export type OpenOutcome = { opened: true } | { opened: false; reason: "ssh" | "no-browser" };

/** Opens the URL in $BROWSER; over SSH (or with no display) says why not, so the URL is shown. */
export function openUrl(
  url: string,
  env: NodeJS.ProcessEnv,
  launch?: (command: string, url: string) => void,
): OpenOutcome {
  if (openInBrowser(url, env, launch)) return { opened: true };
  return {
    opened: false,
    reason: env.SSH_CONNECTION || env.SSH_CLIENT || env.SSH_TTY ? "ssh" : "no-browser",
  };
}
