// A coloured screen row (SGR sequences as the emulators' captures write them) as cells with
// their colours, for tests that check what a picture or a theme really put on the screen.
export interface ColouredCell {
  ch: string;
  /** 256-colour index (0–15 for the ANSI colours), or undefined for the default. */
  fg?: number;
  bg?: number;
}

export function cellsOf(row: string): ColouredCell[] {
  const cells: ColouredCell[] = [];
  let fg: number | undefined;
  let bg: number | undefined;
  const parts = row.split(/(\x1b\[[0-9;:]*m)/);
  for (const part of parts) {
    if (part.startsWith("\x1b[")) {
      const codes = part.slice(2, -1).split(/[;:]/).map(Number);
      for (let i = 0; i < codes.length; i++) {
        const c = codes[i]!;
        if (c === 0 || Number.isNaN(c)) {
          fg = undefined;
          bg = undefined;
        } else if (c === 38 && codes[i + 1] === 5) {
          fg = codes[i + 2];
          i += 2;
        } else if (c === 48 && codes[i + 1] === 5) {
          bg = codes[i + 2];
          i += 2;
        } else if (c === 39) fg = undefined;
        else if (c === 49) bg = undefined;
        else if (c >= 30 && c <= 37) fg = c - 30;
        else if (c >= 90 && c <= 97) fg = c - 90 + 8;
        else if (c >= 40 && c <= 47) bg = c - 40;
        else if (c >= 100 && c <= 107) bg = c - 100 + 8;
      }
      continue;
    }
    for (const ch of part) cells.push({ ch, fg, bg });
  }
  return cells;
}
