// A modal panel on top of the panes: a bordered box of lines that scrolls and closes by the
// keymap's `panels` actions (j/k, C-d/C-u, g/G, Escape, q by default). Help, instance info,
// links, history, translation, confirmations and pickers are all panels; `onKey` lets each
// add its own keys (digits, y/n…).
import { rtlInterface, shown, tl } from "../../i18n/index.js";
import { cellWidth, sanitizeMessage, truncateToWidth, visualBidi } from "../../render/index.js";
import type { PaneItem } from "../panes/timeline-pane.js";
import type { ActionContext } from "../shell/app.js";
import { BACK, hintLine } from "../shell/hints.js";
import type { KeyEvent } from "../shell/keymap.js";
import { FramedOverlay } from "./framed-overlay.js";

export interface PanelOptions {
  title: string;
  /** Lines for a content width; may carry SGR colour, but server text must be sanitised. */
  lines(width: number): readonly string[];
  /** Return true when the key was handled. Escape and q close unless handled here. */
  onKey?(ch: string | undefined, key: KeyEvent, panel: Panel): boolean | Promise<boolean>;
  /** Shown on the bottom border, e.g. "1-9 open · Esc back" (logical order, like the title). */
  footer?: string;
  /**
   * Every row is tootty's own words or laid out as such (a picture, a numbered choice, with
   * server text in it as an isolate): in a right-to-left interface where tootty does the bidi
   * the rows stand against the right edge. A panel showing a toot as it is drawn does not say so.
   */
  ownRows?: boolean;
  /** Smaller panels (confirmations) are centred instead of covering the panes. */
  size?: { width: number; height: number };
}

export class Panel extends FramedOverlay {
  private scroll = 0;

  constructor(
    ctx: ActionContext<PaneItem>,
    private opts: PanelOptions,
  ) {
    super(ctx);
  }

  update(opts: Partial<PanelOptions>): void {
    this.opts = { ...this.opts, ...opts };
    this.ctx.repaint();
  }

  async handleKey(ch: string | undefined, key: KeyEvent): Promise<void> {
    if (this.opts.onKey && (await this.opts.onKey(ch, key, this))) return;
    switch (this.ctx.keyAction(ch, key, "panels")) {
      case "back":
      case "quit":
        this.close();
        return;
      case "down":
        this.scroll++;
        return;
      case "up":
        this.scroll = Math.max(0, this.scroll - 1);
        return;
      case "halfPageDown":
        this.scroll += 10;
        return;
      case "halfPageUp":
        this.scroll = Math.max(0, this.scroll - 10);
        return;
      case "top":
        this.scroll = 0;
        return;
      case "bottom":
        // paint() clamps it to the last screenful.
        this.scroll = Number.MAX_SAFE_INTEGER;
        return;
      case undefined:
        // Escape always leaves, whatever `back` is bound to.
        if (key.name === "escape") this.close();
    }
  }

  paint(): void {
    const screenW = this.ctx.screen.width as number;
    const screenH = this.ctx.screen.height as number;
    const size = this.opts.size;
    const width = size ? Math.min(size.width, screenW) : screenW;
    const height = size ? Math.min(size.height, screenH - 1) : screenH - 1;
    Object.assign(this.box.position, {
      left: Math.floor((screenW - width) / 2),
      top: size ? Math.max(0, Math.floor((screenH - 1 - height) / 2)) : 0,
      width,
      height,
    });
    const inner = Math.max(1, width - 4);
    const mirrored = rtlInterface() && visualBidi();
    const toRight = (l: string) => " ".repeat(Math.max(0, inner - cellWidth(l))) + l;
    const drawn = this.opts.lines(inner);
    const lines = mirrored && this.opts.ownRows ? drawn.map(toRight) : drawn;
    const rows = Math.max(1, height - 2);
    this.scroll = Math.min(this.scroll, Math.max(0, lines.length - rows));
    this.box.setContent(
      lines
        .slice(this.scroll, this.scroll + rows)
        .map((l) => ` ${l}`)
        .join("\n"),
    );
    // Title and footer are messages in logical order (a title may hold server text, sanitised;
    // a value isolated in it stays so). A right-to-left interface puts both on the right.
    const shownFooter = shown(this.opts.footer ?? hintLine(this.ctx.keysOf, [BACK]));
    const footer = mirrored ? toRight(shownFooter) : shownFooter;
    const label = ` ${truncateToWidth(shown(sanitizeMessage(this.opts.title)), inner - 2)} `;
    if (mirrored) this.box.setLabel({ text: label, side: "right" });
    else this.box.setLabel(label);
    // The footer hint lives in the last row when there is room below the content.
    if (lines.length - this.scroll < rows) {
      const content = this.box.getContent();
      const used = Math.min(rows, lines.length - this.scroll);
      this.box.setContent(
        `${content}${"\n".repeat(Math.max(1, rows - used))} \x1b[90m${footer}\x1b[39m`,
      );
    }
    this.box.setFront();
  }
}

/** A yes/no question (logical order); resolves true on y, false on anything that closes it. */
export function confirm(ctx: ActionContext<PaneItem>, question: string): Promise<boolean> {
  return new Promise((resolve) => {
    new Panel(ctx, {
      title: tl("ui.confirm"),
      size: { width: Math.min(60, question.length + 8), height: 5 },
      footer: tl("ui.yesNo"),
      ownRows: true,
      lines: () => [shown(question)],
      onKey(ch, _key, panel) {
        if (ch === "y" || ch === "Y") resolve(true);
        else resolve(false);
        panel.close();
        return true;
      },
    }).open();
  });
}
