// How far a real terminal (tmux unless told otherwise) moves the cursor for each string: the
// terminal's own width, to hold cellWidth to. Reusable:
// `await cursorAdvanceInTmux(["漢字", "😀"])` → [4, 2].
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type EmulatorName, startTerminal } from "../../helpers/terminal.js";
import { waitFor } from "./tmux-box.js";

const SCRIPT = fileURLToPath(new URL("./cursor-probe.ts", import.meta.url));

export async function cursorAdvanceInTmux(
  strings: string[],
  cols = 250,
  emulator: EmulatorName = "tmux",
): Promise<number[]> {
  const dir = mkdtempSync(join(tmpdir(), "tootty-cursor-"));
  const input = join(dir, "input.json");
  const output = join(dir, "output.json");
  writeFileSync(input, JSON.stringify(strings));
  const session = startTerminal(
    {
      command: [process.execPath, "--import", "tsx", SCRIPT, input, output],
      cols,
      rows: 5,
      env: { LANG: "C.UTF-8" },
    },
    emulator,
  );
  try {
    await waitFor(() => existsSync(output), 20000, "the cursor probe");
    return JSON.parse(readFileSync(output, "utf8")) as number[];
  } finally {
    session.kill();
    rmSync(dir, { recursive: true, force: true });
  }
}
