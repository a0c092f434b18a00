// An adapter for the UI room (this file does not import blessed: the caller passes it in).
//
// blessed's Element._wrapContent decides whether a line is "too long" by its UTF-16 length,
// not its cell width: a surrogate pair counts two, a combining mark one. A line of emoji,
// accents or our blessed pads that fits the box is therefore cut short (wrap: false) or
// broken early (wrap: true), and the cut can fall between a wide glyph and its pad, which
// moves the right border in tmux. Seen here with the tmux-box harness at 57 columns.
// The fix: when every line already fits by cell width (renderStatus guarantees it), skip
// blessed's measuring by handing it a width no line's UTF-16 length exceeds.

interface BlessedLike {
  unicode: { strWidth(s: string): number };
  widget: { Element: { prototype: object } };
}

type WrapContent = (
  this: { scrollbar?: unknown; type?: string },
  content: string,
  width: number,
) => unknown;

const SGR = /\x1b\[[\d;]*m/g;
const INSTALLED = Symbol.for("tootty.blessedWidthFix");

export function installBlessedWidthFix(blessed: BlessedLike): void {
  const proto = blessed.widget.Element.prototype as Record<string | symbol, unknown>;
  if (proto[INSTALLED]) return;
  const original = proto._wrapContent as WrapContent;
  const wrapContent: WrapContent = function (content, width) {
    if (typeof content !== "string" || content === "") return original.call(this, content, width);
    const margin = (this.scrollbar ? 1 : 0) + (this.type === "textarea" ? 1 : 0);
    const room = width > margin ? width - margin : width;
    let longest = 0;
    for (const line of content.split("\n")) {
      if (blessed.unicode.strWidth(line.replace(SGR, "")) > room)
        return original.call(this, content, width);
      if (line.length > longest) longest = line.length;
    }
    return original.call(this, content, Math.max(width, longest + margin));
  };
  proto._wrapContent = wrapContent;
  proto[INSTALLED] = true;
}
