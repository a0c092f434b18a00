// Runs runLogin in-process with stream stand-ins, acting as the user: it reads the
// authorise URL off the output, "opens" it like a browser and types the code back.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { type LoginDeps, runLogin } from "../../src/cli/login.js";

export function tempConfigDir(): string {
  return join(mkdtempSync(join(tmpdir(), "tootty-login-")), "config");
}

export class Screen {
  text = "";
  readonly stream = new PassThrough();
  #waiters: (() => void)[] = [];

  constructor() {
    this.stream.on("data", (chunk: Buffer) => {
      this.text += chunk.toString("utf8");
      for (const wake of this.#waiters.splice(0)) wake();
    });
  }

  /** Resolves with the first match once the text matches, or rejects after timeoutMs. */
  waitFor(pattern: RegExp, timeoutMs = 5000): Promise<RegExpExecArray> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`timed out waiting for ${pattern}; saw:\n${this.text}`)),
        timeoutMs,
      );
      const check = () => {
        const match = pattern.exec(this.text);
        if (match) {
          clearTimeout(timer);
          resolve(match);
        } else this.#waiters.push(check);
      };
      check();
    });
  }
}

export interface LoginRun {
  out: Screen;
  err: Screen;
  input: PassThrough;
  exit: Promise<number>;
}

export function startLogin(
  host: string | undefined,
  configDir: string,
  deps: LoginDeps = {},
  env: NodeJS.ProcessEnv = {},
): LoginRun {
  const out = new Screen();
  const err = new Screen();
  const input = new PassThrough();
  const exit = runLogin(
    { host, configDir },
    { input, output: out.stream, err: err.stream, env },
    deps,
  );
  return { out, err, input, exit };
}

export const AUTHORIZE_URL = /(http\S+\/oauth\/authorize\?\S+)/;

/** The browser's part on the simulated instance: load the authorise page, read the code
 * Mastodon shows in a read-only field. */
export async function codeFromDemoPage(url: string): Promise<string> {
  const html = await (await fetch(url)).text();
  const match = /class="oauth-code"[^>]*value="([^"]+)"/.exec(html);
  if (!match?.[1]) throw new Error(`no code on the page: ${html.slice(0, 300)}`);
  return match[1];
}
