// End-to-end width check in a real terminal: tmux 3.3a (wcwidth per code point) running a
// tiny blessed script. Reusable by the UI room: give it lines (already at most width-2
// cells) and it reports every row whose right border is not where blessed meant it to be.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const SCRIPT = fileURLToPath(new URL("./blessed-box.ts", import.meta.url));
const REPO = fileURLToPath(new URL("../../../", import.meta.url));

// blessed draws its border with the terminal's line-drawing set under TERM=screen/tmux,
// which capture-pane shows as the raw VT100 letters.
const BORDERS = { top: ["┐", "k"], side: ["│", "x"], bottom: ["┘", "j"] };

export interface BoxCheck {
  /** The captured screen rows (trailing spaces kept). */
  rows: string[];
  /** Rows (0-based screen rows) whose last two cells are not border + marker. */
  badRows: number[];
}

export function tmuxAvailable(): boolean {
  return spawnSync("tmux", ["-V"]).status === 0;
}

/** Polls `cond` every 20 ms until it holds; throws naming `what` after `timeoutMs`. */
export async function waitFor(
  cond: () => boolean,
  timeoutMs: number,
  what = "the blessed box to draw",
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/**
 * Draws `lines` in a bordered blessed box `width` wide inside tmux and checks the border.
 * `widthFix` (default true) installs installBlessedWidthFix, as the UI should.
 */
export async function checkBoxInTmux(
  lines: string[],
  width: number,
  widthFix = true,
): Promise<BoxCheck> {
  const dir = mkdtempSync(join(tmpdir(), "tootty-box-"));
  const socket = `tootty-box-${process.pid}-${Math.random().toString(36).slice(2)}`;
  const input = join(dir, "input.json");
  const ready = join(dir, "ready");
  writeFileSync(input, JSON.stringify({ lines, width, widthFix }));
  const tmux = (...args: string[]) => execFileSync("tmux", ["-L", socket, ...args]).toString();
  try {
    const cmd = `LANG=C.UTF-8 exec ${JSON.stringify(process.execPath)} --import tsx ${JSON.stringify(SCRIPT)} ${JSON.stringify(input)} ${JSON.stringify(ready)}`;
    tmux(
      "-u",
      "-f",
      "/dev/null",
      "new-session",
      "-d",
      "-c",
      REPO,
      "-x",
      String(width + 1),
      "-y",
      String(lines.length + 3),
      cmd,
    );
    await waitFor(() => existsSync(ready), 10000);
    // The script writes "ready" right after blessed flushed its first frame; give tmux
    // a beat to parse it by waiting until the bottom border row shows up.
    let rows: string[] = [];
    await waitFor(() => {
      rows = tmux("capture-pane", "-p", "-N")
        .split("\n")
        .slice(0, lines.length + 2);
      const last = [...(rows[lines.length + 1] ?? "")];
      return last.at(-1) === "#" && BORDERS.bottom.includes(last.at(-2) ?? "");
    }, 10000);
    const badRows: number[] = [];
    rows.forEach((row, i) => {
      const cells = [...row];
      const border = i === 0 ? BORDERS.top : i === lines.length + 1 ? BORDERS.bottom : BORDERS.side;
      if (cells.at(-1) !== "#" || !border.includes(cells.at(-2) ?? "")) badRows.push(i);
    });
    return { rows, badRows };
  } finally {
    spawnSync("tmux", ["-L", socket, "kill-server"]);
    rmSync(dir, { recursive: true, force: true });
  }
}
