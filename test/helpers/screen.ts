// Reading a captured screen the way a user sees it: by terminal cells, not string indices.
import stringWidth from "string-width";

/** The cell column at which `needle` starts in `line`, or -1. */
export function cellColumnOf(line: string, needle: string): number {
  const at = line.indexOf(needle);
  return at < 0 ? -1 : stringWidth(line.slice(0, at));
}

/** Rows whose text contains `needle`, with the cell column where it starts. */
export function findOnScreen(screen: string, needle: string): { row: number; col: number }[] {
  return screen
    .split("\n")
    .map((line, row) => ({ row, col: cellColumnOf(line, needle) }))
    .filter((hit) => hit.col >= 0);
}

/** Cell columns where pane borders start on the top row (the ┌ corners). */
export function paneLefts(screen: string, corner = "┌"): number[] {
  const top = screen.split("\n")[0] ?? "";
  const lefts: number[] = [];
  let col = 0;
  for (const ch of top) {
    if (ch === corner) lefts.push(col);
    col += stringWidth(ch);
  }
  return lefts;
}
