// `tootty config`: where the settings file is, editing it, and checking it.

import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { configDir, settingsFile } from "../config/paths.js";
import { loadSettings, writeDefaultSettings } from "../config/settings.js";
import { configHelp } from "../config/settings-doc.js";
import { tl } from "../i18n/index.js";
import { type CliIo, reportError } from "./login.js";

function runEditor(editor: string, path: string, env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve, reject) => {
    // $EDITOR may carry arguments ("code --wait"); the path goes in as "$1", never parsed.
    const child = spawn("/bin/sh", ["-c", `${editor} "$1"`, "sh", path], { env, stdio: "inherit" });
    child.on("error", reject);
    child.on("close", (code) => resolve(code ?? 1));
  });
}

function printWarnings(io: CliIo, warnings: string[]): void {
  for (const warning of warnings) io.err.write(`tootty: ${warning}\n`);
}

export async function runConfig(
  args: { args?: string[]; configDir?: string },
  io: CliIo,
): Promise<number> {
  const [sub, ...rest] = args.args ?? [];
  try {
    const dir = args.configDir ?? configDir(io.env);
    const path = settingsFile(dir);
    if (rest.length > 0) {
      io.err.write(`${tl("cli.configTakes")}\n`);
      return 2;
    }
    switch (sub) {
      case undefined:
      case "--help":
      case "-h":
      case "help":
        io.output.write(configHelp(path));
        return 0;
      case "path":
        io.output.write(`${path}\n`);
        return 0;
      case "check": {
        const { warnings } = loadSettings(io.env, dir);
        printWarnings(io, warnings);
        if (warnings.length === 0) io.output.write(`${tl("cli.configOk", { path })}\n`);
        return warnings.length === 0 ? 0 : 1;
      }
      case "edit": {
        if (!existsSync(path)) writeDefaultSettings(dir);
        const editor = io.env.VISUAL || io.env.EDITOR || "vi";
        const status = await runEditor(editor, path, io.env);
        if (status !== 0) {
          io.err.write(`${tl("cli.editorStatus", { status: String(status) })}\n`);
          return 1;
        }
        const { warnings } = loadSettings(io.env, dir);
        printWarnings(io, warnings);
        const count = warnings.length;
        io.output.write(
          `${count === 0 ? tl("cli.configOk", { path }) : tl("cli.configProblems", { path, count })}\n`,
        );
        return 0;
      }
      default:
        io.err.write(`${tl("cli.configTakes")}\n`);
        return 2;
    }
  } catch (error) {
    return reportError(io, error);
  }
}
