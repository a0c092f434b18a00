// What every framed view on the stack shares: a bordered box on the screen, pushed with
// open(), popped with close() (once), its box removed when the shell destroys it.
import type blessed from "blessed";
import type { PaneItem } from "../panes/timeline-pane.js";
import type { ActionContext, Overlay } from "../shell/app.js";
import widgets from "../shell/blessed.js";
import type { KeyEvent } from "../shell/keymap.js";

export abstract class FramedOverlay implements Overlay {
  protected readonly box: blessed.Widgets.BoxElement;
  protected closed = false;

  constructor(protected readonly ctx: ActionContext<PaneItem>) {
    this.box = widgets.box({
      parent: ctx.screen,
      border: { type: "line" },
      tags: false,
      wrap: false,
      style: { border: { fg: "cyan" }, label: { bold: true } },
    });
  }

  abstract handleKey(ch: string | undefined, key: KeyEvent): void | Promise<void>;
  abstract paint(): void;

  open(): this {
    this.ctx.pushOverlay(this);
    return this;
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.ctx.popOverlay(this);
  }

  get isClosed(): boolean {
    return this.closed;
  }

  destroy(): void {
    this.closed = true;
    this.box.destroy();
  }
}
