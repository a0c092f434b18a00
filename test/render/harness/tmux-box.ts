// End-to-end width check in a real terminal — tmux 3.3a (wcwidth per code point) or xterm.js
// (its own Unicode 11 tables) — running a tiny blessed script. Reusable by the UI room: give
// it lines (already at most width-2 cells) and it reports every row whose right border is not
// where blessed meant it to be.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type EmulatorName, startTerminal } from "../../helpers/terminal.js";

const SCRIPT = fileURLToPath(new URL("./blessed-box.ts", import.meta.url));

// blessed draws its border with the terminal's line-drawing set, which a terminal that
// ignores the switch shows as the raw VT100 letters.
const BORDERS = { top: ["┐", "k"], side: ["│", "x"], bottom: ["┘", "j"] };

export interface BoxCheck {
  /** The captured screen rows (trailing spaces kept). */
  rows: string[];
  /** Rows (0-based screen rows) whose last two cells are not border + marker. */
  badRows: number[];
}

export { tmuxAvailable } from "../../helpers/terminal.js";

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
 * Draws `lines` in a bordered blessed box `width` wide inside a real terminal (tmux unless
 * `emulator` says otherwise) and checks the border. `widthFix` (default true) installs
 * installBlessedWidthFix, as the UI should.
 */
export async function checkBoxInTmux(
  lines: string[],
  width: number,
  widthFix = true,
  emulator: EmulatorName = "tmux",
): Promise<BoxCheck> {
  const dir = mkdtempSync(join(tmpdir(), "tootty-box-"));
  const input = join(dir, "input.json");
  const ready = join(dir, "ready");
  writeFileSync(input, JSON.stringify({ lines, width, widthFix }));
  const session = startTerminal(
    {
      command: [process.execPath, "--import", "tsx", SCRIPT, input, ready],
      cols: width + 1,
      rows: lines.length + 3,
      env: { LANG: "C.UTF-8" },
    },
    emulator,
  );
  try {
    await waitFor(() => existsSync(ready), 10000);
    // The script writes "ready" right after blessed flushed its first frame; the terminal may
    // still be parsing it, so wait until the bottom border row shows up.
    let rows: string[] = [];
    await waitFor(() => {
      rows = session.captureCells().slice(0, lines.length + 2);
      const last = [...(rows[lines.length + 1] ?? "").trimEnd()];
      return last.at(-1) === "#" && BORDERS.bottom.includes(last.at(-2) ?? "");
    }, 10000);
    const badRows: number[] = [];
    rows.forEach((row, i) => {
      const cells = [...row.trimEnd()];
      const border = i === 0 ? BORDERS.top : i === lines.length + 1 ? BORDERS.bottom : BORDERS.side;
      if (cells.at(-1) !== "#" || !border.includes(cells.at(-2) ?? "")) badRows.push(i);
    });
    return { rows, badRows };
  } finally {
    session.kill();
    rmSync(dir, { recursive: true, force: true });
  }
}
