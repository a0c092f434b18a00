// How many cells blessed's renderer (Element.render with fullUnicode) fills for a line of
// plain text handed to it through tootty's width fix: one per code point (a surrogate pair
// is one), none for a mark of blessed's own combining table, which joins the cell before.
import { createRequire } from "node:module";
import { toBlessedCells } from "../../../src/render/blessed-fit.js";

const blessedUnicode = createRequire(import.meta.url)("blessed/lib/unicode.js") as {
  combining: Record<number, boolean>;
};

export function blessedCells(plain: string): number {
  let n = 0;
  for (const ch of toBlessedCells(plain, blessedUnicode.combining)) {
    if (!blessedUnicode.combining[ch.codePointAt(0)!]) n++;
  }
  return n;
}
