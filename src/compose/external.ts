/**
 * The external-editor round trip: the text goes to a private temp file, $VISUAL or
 * $EDITOR (else vi) edits it on the real terminal, and the result comes back. The UI
 * suspends blessed around this call.
 */

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { spawn } from "../config/child-process.js";
import { tl } from "../i18n/index.js";

export class ExternalEditorError extends Error {
  override readonly name = "ExternalEditorError";
}

export function editorCommand(env: NodeJS.ProcessEnv): string {
  return env.VISUAL?.trim() || env.EDITOR?.trim() || "vi";
}

export async function editExternally(
  text: string,
  env: NodeJS.ProcessEnv = process.env,
  opts: { tmpDir?: string } = {},
): Promise<string> {
  const dir = mkdtempSync(join(opts.tmpDir ?? tmpdir(), "tootty-edit-"));
  const file = join(dir, "toot.md");
  try {
    writeFileSync(file, text.endsWith("\n") || text === "" ? text : `${text}\n`, { mode: 0o600 });
    // $EDITOR may carry arguments ("code --wait"), so the shell reads it, as git does;
    // the file name is passed as "$1", never pasted into the command string.
    const code = await new Promise<number | null>((resolve, reject) => {
      const child = spawn("/bin/sh", ["-c", `${editorCommand(env)} "$1"`, "tootty-editor", file], {
        stdio: "inherit",
        env,
      });
      child.on("error", reject);
      child.on("exit", (c, signal) => resolve(signal ? null : c));
    });
    if (code !== 0) {
      throw new ExternalEditorError(
        code === null
          ? tl("compose.editorSignal", { editor: editorCommand(env) })
          : tl("compose.editorFailed", { editor: editorCommand(env), code: String(code) }),
      );
    }
    // Editors end files with a newline; the toot should not.
    return readFileSync(file, "utf8").replace(/\r\n?/g, "\n").replace(/\n$/, "");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
