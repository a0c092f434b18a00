// `:` — a one-line prompt at the bottom with Tab completion; Enter runs the command.

import type blessed from "blessed";
import { inLine } from "../../i18n/index.js";
import { sanitizeInline } from "../../render/index.js";
import type { PaneItem } from "../panes/timeline-pane.js";
import type { ActionContext, Overlay } from "../shell/app.js";
import widgets from "../shell/blessed.js";
import type { KeyEvent } from "../shell/keymap.js";
import { type Command, completeInput, type ListChoice, parseCommand } from "./command-parser.js";
import { LineInput } from "./line-input.js";

export class CommandLine implements Overlay {
  private readonly box: blessed.Widgets.BoxElement;
  private readonly input = new LineInput();
  private hint = "";

  constructor(
    private readonly ctx: ActionContext<PaneItem>,
    private readonly run: (command: Command) => void | Promise<void>,
    /** The user's lists as known now (fetched in the background), for Tab on list ids. */
    private readonly lists: () => readonly ListChoice[] = () => [],
  ) {
    this.box = widgets.box({ parent: ctx.screen, height: 1, tags: false, wrap: false });
  }

  prefill(text: string): void {
    this.input.text = text;
  }

  open(): this {
    this.ctx.pushOverlay(this);
    return this;
  }

  async handleKey(ch: string | undefined, key: KeyEvent): Promise<void> {
    if (key.name === "escape" || (key.name === "backspace" && this.input.text === "")) {
      this.ctx.popOverlay(this);
      return;
    }
    if (key.name === "tab") {
      const done = completeInput(this.input.text, this.lists());
      this.input.text = done.text;
      const shown = done.labels.length > 0 ? done.labels : done.candidates;
      // List titles are server text.
      this.hint = done.candidates.length > 1 ? inLine(sanitizeInline(shown.join("  "))) : "";
      return;
    }
    // blessed reports one Enter twice, as "return" then "enter": act on "enter" only.
    if (key.name === "return") return;
    if (key.name === "enter") {
      const parsed = parseCommand(this.input.text);
      this.ctx.popOverlay(this);
      if (!parsed.ok) this.ctx.flash(parsed.error);
      else await this.run(parsed.command);
      return;
    }
    if (this.input.key(ch, key)) this.hint = "";
  }

  paint(): void {
    const h = this.ctx.screen.height as number;
    Object.assign(this.box.position, { left: 0, top: h - 1, width: "100%", height: 1 });
    const hint = this.hint ? `   \x1b[90m${this.hint}\x1b[39m` : "";
    // What is typed stays logical; an Arabic search or tag is drawn in display order.
    this.box.setContent(`${inLine(`:${this.input.text}`)}\x1b[7m \x1b[27m${hint}`);
    this.box.setFront();
  }

  destroy(): void {
    this.box.destroy();
  }
}
