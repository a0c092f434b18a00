// Blocks (paragraphs, quotes, lists, code) → wrapped lines with their prefixes.

import {
  alignRight,
  firstStrong,
  isArranged,
  markArranged,
  visualBidi,
  visualParagraph,
} from "./bidi.js";
import { foldToAscii, quoteBar } from "./glyphs.js";
import { highlightCode } from "./highlight.js";
import type { Block } from "./html.js";
import { type InlineContext, inlinesToItems, type Piece } from "./pieces.js";
import { sanitizeText } from "./sanitize.js";
import { breakSgrLines } from "./sgr-break.js";
import type { Role } from "./theme.js";
import { cellWidth, graphemes } from "./width.js";
import { type Line, wrapItems } from "./wrap.js";

/** Below this width nested quotes and lists stop indenting, so hostile nesting cannot starve the text. */
const MIN_NESTED_WIDTH = 12;

function prefixed(lines: Line[], first: Piece, rest: Piece): Line[] {
  return lines.map((line, i) => {
    const out = [i === 0 ? first : rest, ...line];
    return isArranged(line) ? markArranged(out) : out;
  });
}

/** `lines` padded to `width` with `bar` after each: a right-to-left quote's bar on its right. */
function suffixed(lines: Line[], bar: Piece, width: number): Line[] {
  return lines.map((line) => {
    const used = line.reduce((w, p) => w + cellWidth(p.text), 0);
    const pad: Piece = { text: " ".repeat(Math.max(0, width - used)), roles: [] };
    const out = [...line, pad, bar];
    return isArranged(line) ? markArranged(out) : out;
  });
}

/** The text of blocks in logical order, one line (a summary's excerpt, a quote's direction). */
export function blockText(blocks: readonly Block[]): string {
  return blocks
    .map((b) => {
      switch (b.kind) {
        case "paragraph":
          return b.inlines.map((i) => (i.kind === "break" ? " " : i.text)).join("");
        case "code":
          return b.text;
        case "quote":
          return blockText(b.blocks);
        default:
          return b.items.map(blockText).join(" ");
      }
    })
    .join(" ");
}

/** A paragraph's lines, in visual order where tootty does the bidi; right-to-left ones to the right. */
function paragraphLines(lines: Line[], width: number): Line[] {
  if (!visualBidi()) return lines;
  const p = visualParagraph(lines, "auto");
  return p.lines.map((l) => markArranged(p.rtl ? alignRight(l, width) : l));
}

function codeLines(
  text: string,
  lang: string | undefined,
  width: number,
  ctx: InlineContext,
): Line[] {
  const indent = 2;
  const avail = Math.max(1, width - indent);
  const roles: Role[] = ["code"];
  const out: Line[] = [];
  // Tabs are expanded here, before sanitising turns them into single spaces: indentation is meaning in code.
  let code = sanitizeText(text.replace(/\t/g, "    "));
  if (!ctx.glyphs.unicode) code = foldToAscii(code);
  const highlighted = highlightCode(code, lang, ctx.theme.name, ctx.theme.level);
  if (highlighted) {
    return breakSgrLines(highlighted, avail).map((l) => [
      { text: "  ", roles: [] },
      { text: l, roles: [] },
    ]);
  }
  for (const raw of code.split("\n")) {
    let chunk = "";
    let used = 0;
    for (const g of graphemes(raw)) {
      const w = cellWidth(g);
      if (w > avail) continue;
      if (used + w > avail) {
        out.push([
          { text: "  ", roles: [] },
          { text: chunk, roles },
        ]);
        chunk = "";
        used = 0;
      }
      chunk += g;
      used += w;
    }
    out.push([
      { text: "  ", roles: [] },
      { text: chunk, roles },
    ]);
  }
  return out;
}

export function layoutBlocks(blocks: readonly Block[], width: number, ctx: InlineContext): Line[] {
  const out: Line[] = [];
  for (const block of blocks) {
    if (out.length > 0) out.push([]);
    out.push(...layoutBlock(block, width, ctx));
  }
  return out;
}

function layoutBlock(block: Block, width: number, ctx: InlineContext): Line[] {
  switch (block.kind) {
    case "paragraph":
      return paragraphLines(wrapItems(inlinesToItems(block.inlines, ctx), width), width);
    case "code":
      return codeLines(block.text, block.lang, width, ctx);
    case "quote": {
      if (width - 2 < MIN_NESTED_WIDTH) return layoutBlocks(block.blocks, width, ctx);
      const inner = layoutBlocks(block.blocks, width - 2, ctx);
      // Where tootty does the bidi, a quote whose text runs right to left (its first strong
      // character, as HTML's dir="auto" decides) has its bar on the right, beside where its
      // lines start; a terminal that reorders gets the bar first and places it itself.
      const right = visualBidi() && firstStrong(blockText(block.blocks)) === "rtl";
      const bar: Piece = {
        text: quoteBar(ctx.glyphs, ctx.theme.markers, right),
        roles: ["quoteBar"],
      };
      return right ? suffixed(inner, bar, width - 2) : prefixed(inner, bar, bar);
    }
    case "list": {
      const out: Line[] = [];
      const last = block.start + block.items.length - 1;
      const markerWidth = block.ordered ? String(last).length + 2 : 2;
      const nest = width - markerWidth >= MIN_NESTED_WIDTH;
      block.items.forEach((item, i) => {
        const marker = block.ordered
          ? `${block.start + i}.`.padEnd(markerWidth)
          : ctx.glyphs.bullet;
        const inner = layoutBlocks(item, nest ? width - markerWidth : width, ctx);
        if (inner.length === 0) inner.push([]);
        if (!nest) {
          out.push(...inner);
          return;
        }
        out.push(
          ...prefixed(
            inner,
            { text: marker, roles: ["meta"] },
            { text: " ".repeat(markerWidth), roles: [] },
          ),
        );
      });
      return out;
    }
  }
}
