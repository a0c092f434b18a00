// `token_command` (for example `pass show mastodon/me`) lets a user keep the access token in
// a password manager instead of in accounts.json. We run it through the shell, as git does
// with credential helpers, and take the first line of its output.
import { tl } from "../i18n/index.js";
import { spawn } from "./child-process.js";
import { oneLine } from "./one-line.js";

export class TokenCommandError extends Error {
  override name = "TokenCommandError";
}

export type TokenCommandRunner = (command: string, env: NodeJS.ProcessEnv) => Promise<string>;

// Bearer tokens are printable ASCII without spaces; anything else means the command printed
// something other than a token (a prompt, an error) and must not be sent to a server.
const TOKEN_SHAPE = /^[\x21-\x7e]+$/;

export function runTokenCommand(
  command: string,
  env: NodeJS.ProcessEnv = process.env,
  timeoutMs = 60_000,
): Promise<string> {
  return new Promise((resolve, reject) => {
    // stdin is not handed over: the TUI may own the terminal; gpg's pinentry finds its own.
    const child = spawn("/bin/sh", ["-c", command], {
      env,
      stdio: ["ignore", "pipe", "pipe"],
      timeout: timeoutMs,
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on("data", (chunk: Buffer) => out.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => err.push(chunk));
    child.on("error", (error) => {
      reject(new TokenCommandError(tl("token.couldNotStart", { why: oneLine(error.message) })));
    });
    child.on("close", (code, signal) => {
      if (code !== 0) {
        const why = oneLine(Buffer.concat(err).toString("utf8"), 120);
        const status = signal
          ? tl("token.killed", { signal })
          : tl("token.exit", { code: String(code) });
        reject(
          new TokenCommandError(
            why ? tl("token.failedWhy", { status, why }) : tl("token.failed", { status }),
          ),
        );
        return;
      }
      const firstLine = Buffer.concat(out).toString("utf8").split(/\r?\n/, 1)[0]?.trim() ?? "";
      if (firstLine === "") {
        reject(new TokenCommandError(tl("token.printedNothing")));
      } else if (!TOKEN_SHAPE.test(firstLine)) {
        // Never echo what it printed: it may be a secret in the wrong shape.
        reject(new TokenCommandError(tl("token.notToken")));
      } else {
        resolve(firstLine);
      }
    });
  });
}
