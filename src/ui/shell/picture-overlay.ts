// iTerm2 and sixel pictures paint pixels at the cursor, outside blessed's cell buffer. Their
// cells are reserved in the text (blanks with a mark naming the picture and the row); after
// every frame this finds where each picture landed, draws the ones that are new or moved and
// wholly on screen, and has blessed rewrite the cells a picture left — so nothing stays behind
// when a toot scrolls away or an overlay opens on top. A picture not wholly on screen shows
// its blank cells until it is.
import type blessed from "blessed";
import { type Pictures, RESERVED_MARK } from "../../images/pictures.js";

interface Placement {
  x: number;
  y: number;
  cols: number;
  rows: number;
}

type Cell = [number, string];
type Row = Cell[] & { dirty?: boolean };

/** blessed packs a cell's attributes as flags << 18 | fg << 9 | bg. */
const fgOf = (attr: number) => (attr >> 9) & 0x1ff;

/** Pure over blessed's cell rows: the pictures wholly visible, by slot. */
export function findPlacements(
  lines: readonly Row[],
  sizeOf: (slot: number) => { cols: number; rows: number } | undefined,
): Map<number, Placement> {
  const marks = new Map<number, Map<number, { x: number; y: number }>>();
  for (let y = 0; y < lines.length; y++) {
    const line = lines[y]!;
    for (let x = 0; x + 1 < line.length; x++) {
      if (line[x]![1] !== RESERVED_MARK || line[x + 1]![1] !== RESERVED_MARK) continue;
      const slot = fgOf(line[x]![0]);
      const row = fgOf(line[x + 1]![0]);
      const rows = marks.get(slot) ?? new Map<number, { x: number; y: number }>();
      marks.set(slot, rows);
      rows.set(row, { x, y });
      x++;
    }
  }
  const found = new Map<number, Placement>();
  for (const [slot, rows] of marks) {
    const size = sizeOf(slot);
    const first = rows.get(0);
    if (!size || !first) continue;
    let whole = true;
    for (let r = 0; r < size.rows && whole; r++) {
      const at = rows.get(r);
      if (!at || at.x !== first.x || at.y !== first.y + r) whole = false;
      // Anything but blanks in the rest of the row: something is drawn on top.
      for (let c = 2; whole && c < size.cols; c++) {
        if (lines[first.y + r]?.[first.x + c]?.[1] !== " ") whole = false;
      }
    }
    if (whole) found.set(slot, { x: first.x, y: first.y, ...size });
  }
  return found;
}

const inside = (p: Placement, x: number, y: number) =>
  x >= p.x && x < p.x + p.cols && y >= p.y && y < p.y + p.rows;

export function attachPictureOverlay(screen: blessed.Widgets.Screen, pictures: Pictures): void {
  let drawn = new Map<number, Placement>();
  const s = screen as unknown as { lines: Row[]; olines: Row[] };
  screen.on("render", () => {
    const found = findPlacements(s.lines, (slot) => pictures.overlayFor(slot));
    let out = "";
    let stale = false;
    for (const [slot, old] of drawn) {
      const now = found.get(slot);
      if (now && now.x === old.x && now.y === old.y) continue;
      // The cells it covered show whatever is there now: blessed rewrites them next frame,
      // except where a picture is drawn this frame.
      for (let y = old.y; y < old.y + old.rows; y++) {
        const o = s.olines[y];
        const line = s.lines[y];
        if (!o || !line) continue;
        for (let x = old.x; x < old.x + old.cols && x < o.length; x++) {
          if ([...found.values()].some((p) => inside(p, x, y))) continue;
          o[x] = [-1, ""];
          line.dirty = true;
          stale = true;
        }
      }
    }
    const next = new Map<number, Placement>();
    for (const [slot, at] of found) {
      const old = drawn.get(slot);
      if (!old || old.x !== at.x || old.y !== at.y) {
        const overlay = pictures.overlayFor(slot);
        if (!overlay) continue;
        // Save the cursor, draw at the picture's first cell, restore: blessed's idea of where
        // the cursor is stays true.
        out += `\x1b7\x1b[${at.y + 1};${at.x + 1}H${overlay.sequence}\x1b8`;
      }
      next.set(slot, at);
    }
    drawn = next;
    if (out) screen.program.output.write(out);
    if (stale) setImmediate(() => screen.render());
  });
}
