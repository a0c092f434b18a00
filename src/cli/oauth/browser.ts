// Opens $BROWSER on the authorise page when there is a display here to show it on. Over SSH
// the URL is printed and nothing is launched: the user opens it wherever they like.
import { spawn } from "../../config/child-process.js";

export type Launcher = (command: string, url: string) => void;

/** True when a browser started here could be seen by the user. */
export function hasLocalDisplay(env: NodeJS.ProcessEnv, platform = process.platform): boolean {
  if (env.SSH_CONNECTION || env.SSH_CLIENT || env.SSH_TTY) return false;
  if (platform === "darwin" || platform === "win32") return true;
  return Boolean(env.DISPLAY || env.WAYLAND_DISPLAY);
}

const launchDetached: Launcher = (command, url) => {
  // $BROWSER may carry arguments ("firefox --new-window"): run it through the shell, with the
  // URL as a positional parameter so nothing in it is ever parsed as shell syntax.
  const child = spawn("/bin/sh", ["-c", `${command} "$1"`, "sh", url], {
    detached: true,
    stdio: "ignore",
  });
  child.on("error", () => {});
  child.unref();
};

/** Returns true if a browser was launched. */
export function openInBrowser(
  url: string,
  env: NodeJS.ProcessEnv,
  launch: Launcher = launchDetached,
): boolean {
  const browser = env.BROWSER?.trim();
  if (!browser || !hasLocalDisplay(env)) return false;
  launch(browser, url);
  return true;
}
