// How far tmux moves the cursor for each string: the terminal's own width, to hold
// cellWidth to. Reusable: `await cursorAdvanceInTmux(["漢字", "😀"])` → [4, 2].
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { waitFor } from "./tmux-box.js";

const SCRIPT = fileURLToPath(new URL("./cursor-probe.ts", import.meta.url));
const REPO = fileURLToPath(new URL("../../../", import.meta.url));

export async function cursorAdvanceInTmux(strings: string[], cols = 250): Promise<number[]> {
  const dir = mkdtempSync(join(tmpdir(), "tootty-cursor-"));
  const socket = `tootty-cursor-${process.pid}-${Math.random().toString(36).slice(2)}`;
  const input = join(dir, "input.json");
  const output = join(dir, "output.json");
  writeFileSync(input, JSON.stringify(strings));
  try {
    const cmd = `LANG=C.UTF-8 exec ${JSON.stringify(process.execPath)} --import tsx ${JSON.stringify(SCRIPT)} ${JSON.stringify(input)} ${JSON.stringify(output)}`;
    execFileSync("tmux", [
      "-L",
      socket,
      "-u",
      "-f",
      "/dev/null",
      "new-session",
      "-d",
      "-c",
      REPO,
      "-x",
      String(cols),
      "-y",
      "5",
      cmd,
    ]);
    await waitFor(() => existsSync(output), 20000, "the cursor probe");
    return JSON.parse(readFileSync(output, "utf8")) as number[];
  } finally {
    spawnSync("tmux", ["-L", socket, "kill-server"]);
    rmSync(dir, { recursive: true, force: true });
  }
}
