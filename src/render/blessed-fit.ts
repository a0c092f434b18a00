// An adapter for the UI room (this file does not import blessed: the caller passes it in).
// It makes blessed place the units width.ts lays out (one glyph each, 1 or 2 cells) in the
// same cells the terminal draws them in, so that blessed's picture of the screen stays the
// screen's picture frame after frame.
//
// How blessed goes wrong by itself, each seen in tmux:
// - Its cell buffer holds one code point per cell (plus marks from its own old combining
//   table), and its own width tables count most emoji as one cell. Every frame it compares
//   that buffer with the previous one, cell by cell, writes what changed and moves the
//   cursor over the rest by counting cells (screen.draw). A ZWJ family spread over several
//   cells, or an emoji whose second cell blessed thinks holds something of its own, means
//   the terminal's cursor and blessed's count part: text lands a cell off, stale cells stay,
//   a pane's border goes missing — and only a full repaint (a resize) put it right.
// - A 2-cell glyph whose right half another box covers (an overlay's border): blessed still
//   writes the glyph and skips the covering cell, which is then never drawn.
// - Element._wrapContent decides whether a line is "too long" by its UTF-16 length, not its
//   cell width, so a line of emoji that fits is cut or broken early.
//
// The fix, in three parts:
// - blessed's width function answers with width.ts's widths, and every line blessed is given
//   is rewritten so that each unit fills its cells: a 2-cell unit is followed by blessed's own
//   marker for "second half of the glyph before" (\x03, which screen.draw then skips), and a
//   unit of several code points blessed would spread over cells (an emoji sequence) stands in
//   as one placeholder code point, replaced by the unit's real text on its way to the terminal.
// - Before each draw, a 2-cell glyph whose second half was covered becomes a space, and a
//   second half whose glyph was covered becomes a space too: what the terminal shows there.
// - The wrapping check measures cells (when every line already fits, which renderStatus
//   guarantees, blessed is handed a width no line's UTF-16 length exceeds).
import { cellWidth, codePointWidth, isOneCellText, type Unit, units } from "./width.js";

interface BlessedLike {
  unicode: {
    strWidth(s: string): number;
    charWidth(s: string | number, i?: number): number;
    combining: Record<number, boolean>;
  };
  widget: { Element: { prototype: object } };
}

type WrapContent = (
  this: { scrollbar?: unknown; type?: string; screen?: { fullUnicode?: boolean } },
  content: string,
  width: number,
) => unknown;

const SGR = /\x1b\[[\d;]*m/g;
/** SGR sequences and line ends: units never span either. */
const SGR_SPLIT = /(\x1b\[[\d;]*m|\n)/;
const INSTALLED = Symbol.for("tootty.blessedWidthFix");
/** blessed's marker for the second cell of a 2-cell glyph (element.js, parseContent). */
const SECOND_HALF = "\x03";
const MOSTLY_ASCII = /^[\x00-\x7f]*$/;

// Placeholders: plane 16 private use code points, one per distinct unit that needs one
// (toTerminalSafe replaces any plane 16 code point in server text). A session meets a few
// hundred emoji sequences; past the bound (hostile text), further ones show as U+FFFD.
const FIRST_PLACEHOLDER = 0x100000;
// Below U+10EEEE, kitty's image placeholder, which pictures (src/images/kitty.ts) draw with.
const PLACEHOLDERS = 0xee00;
const placeholderOf = new Map<string, string>();
const placeholderText: string[] = [];
const placeholderWidth: number[] = [];
const PLACEHOLDER_RUN = /[\u{100000}-\u{10fffd}]/gu;

function placeholder(text: string, width: number): string | undefined {
  const known = placeholderOf.get(text);
  if (known !== undefined) return known;
  if (placeholderText.length >= PLACEHOLDERS) return undefined;
  const p = String.fromCodePoint(FIRST_PLACEHOLDER + placeholderText.length);
  placeholderText.push(text);
  placeholderWidth.push(width);
  placeholderOf.set(text, p);
  return p;
}

/** The text a placeholder stands for (the terminal gets this). */
export function fromPlaceholders(s: string): string {
  if (!PLACEHOLDER_RUN.test(s)) return s;
  PLACEHOLDER_RUN.lastIndex = 0;
  return s.replace(
    PLACEHOLDER_RUN,
    // Any other plane 16 code point is tootty's own (server text loses them in toTerminalSafe):
    // kitty's image placeholder U+10EEEE passes as it is.
    (p) => placeholderText[p.codePointAt(0)! - FIRST_PLACEHOLDER] ?? p,
  );
}

function isPlaceholder(cp: number): boolean {
  return cp >= FIRST_PLACEHOLDER && cp - FIRST_PLACEHOLDER < placeholderText.length;
}

/** Cells of one cell's text as the terminal draws it. */
function cellTextWidth(cp: number): number {
  return isPlaceholder(cp) ? placeholderWidth[cp - FIRST_PLACEHOLDER]! : codePointWidth(cp);
}

/**
 * Rewrites content (SGR allowed) so blessed's renderer puts each unit in its own cells:
 * a unit blessed keeps in one cell by itself (one code point, or one with marks from
 * blessed's combining table) stays as it is; any other becomes a placeholder; a 2-cell
 * unit is followed by the second-half marker.
 */
export function toBlessedCells(content: string, combining: Record<number, boolean>): string {
  if (MOSTLY_ASCII.test(content)) return content;
  let out = "";
  for (const part of content.replaceAll(SECOND_HALF, "").split(SGR_SPLIT)) {
    // A run of one-cell units (a picture's half blocks, box drawing) is kept as it is.
    if (part.startsWith("\x1b") || MOSTLY_ASCII.test(part) || isOneCellText(part)) {
      out += part;
      continue;
    }
    for (const u of units(part)) {
      // Marks with nothing before them in this run: blessed would fold them into whatever
      // cell precedes, perhaps another box's.
      if (u.width === 0) continue;
      const cell = keepsOneCell(u, combining) ? u.text : placeholder(u.text, u.width);
      if (cell === undefined) out += u.width === 2 ? "\ufffd " : "\ufffd";
      else out += u.width === 2 ? cell + SECOND_HALF : cell;
    }
  }
  return out;
}

function keepsOneCell({ text, width }: Unit, combining: Record<number, boolean>): boolean {
  const first = text.codePointAt(0)!;
  // blessed measures a cell by its first code point: the unit must be as wide as that.
  if (codePointWidth(first) !== width) return false;
  const step = first > 0xffff ? 2 : 1;
  if (text.length === step) return true;
  for (let i = step; i < text.length; ) {
    const cp = text.codePointAt(i)!;
    if (!combining[cp]) return false;
    i += cp > 0xffff ? 2 : 1;
  }
  return true;
}

export function installBlessedWidthFix(blessed: BlessedLike): void {
  const proto = blessed.widget.Element.prototype as Record<string | symbol, unknown>;
  if (proto[INSTALLED]) return;
  const { unicode } = blessed;
  const originalCharWidth = unicode.charWidth;
  // screen.draw asks this of each cell's text; strWidth of whole strings.
  unicode.charWidth = (s, i) => {
    const cp = typeof s === "number" ? s : (s.codePointAt(i ?? 0) ?? 0);
    if (cp === 0x09) return originalCharWidth(s, i);
    return cellTextWidth(cp);
  };
  unicode.strWidth = (s) => cellWidth(fromPlaceholders(s));
  const original = proto._wrapContent as WrapContent;
  const wrapContent: WrapContent = function (content, width) {
    if (typeof content !== "string" || content === "") return original.call(this, content, width);
    if (this.screen?.fullUnicode) content = toBlessedCells(content, unicode.combining);
    const margin = (this.scrollbar ? 1 : 0) + (this.type === "textarea" ? 1 : 0);
    const room = width > margin ? width - margin : width;
    let longest = 0;
    for (const line of content.split("\n")) {
      if (unicode.strWidth(line.replace(SGR, "")) > room)
        return inCells(original.call(this, content, width));
      if (line.length > longest) longest = line.length;
    }
    return inCells(original.call(this, content, Math.max(width, longest + margin)));
  };
  // The widest line, which a shrinking box (a pane's title) takes as its width: blessed
  // measures it in UTF-16 units, so a mark, a stand-in's surrogate pair or a second-half
  // marker each added a cell of padding. Measured in cells instead.
  const inCells = (lines: unknown): unknown => {
    const out = lines as string[] & { mwidth?: number };
    if (!Array.isArray(out) || out.every((l) => MOSTLY_ASCII.test(l))) return out;
    out.mwidth = out.reduce(
      (widest, l) => Math.max(widest, unicode.strWidth(l.replace(SGR, ""))),
      0,
    );
    return out;
  };
  proto._wrapContent = wrapContent;
  proto[INSTALLED] = true;
}

type Cell = [number, string];
type Row = Cell[] & { dirty?: boolean };

export interface ScreenLike {
  lines: Row[];
  olines: Row[];
  draw(start: number, end: number): void;
  program: { _write(text: string): unknown };
}

const INSTALLED_ON_SCREEN = Symbol.for("tootty.blessedCellModel");

/**
 * Keeps a blessed screen's cell buffer true to the terminal around each draw (see the top of
 * this file), and turns placeholders back into their text on the way out.
 */
export function installCellModel(screen: ScreenLike): void {
  const marked = screen as unknown as Record<symbol, boolean>;
  if (marked[INSTALLED_ON_SCREEN]) return;
  marked[INSTALLED_ON_SCREEN] = true;
  const draw = screen.draw;
  screen.draw = function (start, end) {
    const drawn: number[] = [];
    for (let y = start; y <= end; y++) {
      const row = this.lines[y];
      if (!row?.dirty) continue;
      settleHalves(row);
      drawn.push(y);
    }
    draw.call(this, start, end);
    // screen.draw marks each 2-cell glyph it wrote as "unknown" so the next frame writes it
    // again: its way to keep its cursor counting right. With the halves settled the count is
    // right, and rewriting every emoji and CJK glyph of a changed row every frame is what a
    // slow link pays for: record them as what they now are.
    for (const y of drawn) {
      const row = this.lines[y]!;
      const old = this.olines[y];
      if (!old) continue;
      for (let x = 0; x + 1 < row.length; x++) {
        const cell = row[x]!;
        if (row[x + 1]![1] !== SECOND_HALF || cellTextWidth(cell[1].codePointAt(0) ?? 0) !== 2)
          continue;
        old[x]![0] = cell[0];
        old[x]![1] = cell[1];
        old[x + 1]![0] = row[x + 1]![0];
        old[x + 1]![1] = SECOND_HALF;
        x++;
      }
    }
  };
  const program = screen.program;
  const write = program._write.bind(program);
  program._write = (text: string) => write(fromPlaceholders(text));
}

/** A 2-cell glyph and its second half stay together, or both become spaces. */
function settleHalves(row: Row): void {
  for (let x = 0; x < row.length; x++) {
    const cell = row[x]!;
    const text = cell[1];
    if (text === SECOND_HALF) {
      // A second half whose glyph another box covered.
      cell[1] = " ";
      continue;
    }
    if (text.length === 1 && text < "\u1100") continue;
    if (cellTextWidth(text.codePointAt(0) ?? 0) !== 2) continue;
    const next = row[x + 1];
    if (next && next[1] === SECOND_HALF) {
      next[0] = cell[0];
      x++;
    } else {
      // The right half is covered (or off the row): the terminal cannot show the glyph.
      cell[1] = " ";
    }
  }
}
