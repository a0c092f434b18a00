// Reading a captured screen the way a user sees it: by terminal cells, not string indices.
import stringWidth from "string-width";

/** Every place `needle` stands on the screen: row, and the cell column where it starts. */
export function findOnScreen(screen: string, needle: string): { row: number; col: number }[] {
  const hits: { row: number; col: number }[] = [];
  screen.split("\n").forEach((line, row) => {
    for (let at = line.indexOf(needle); at >= 0; at = line.indexOf(needle, at + 1)) {
      hits.push({ row, col: stringWidth(line.slice(0, at)) });
    }
  });
  return hits;
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
