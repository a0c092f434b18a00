// A small modal list (drafts, languages). Its keys are the keymap's (src/config/keymap.ts) as a
// view's are, remaps included: moving (j/k, g/G, Ctrl-d/u), `thread` (Enter) picks the selected
// item, `back` and `quit` close. Its labels come sanitised by who makes them (PickListOptions.label).

import type blessed from "blessed";
import type { Action } from "../../config/keymap.js";
import { shown, shownRow, tl } from "../../i18n/index.js";
import { padToWidth, sanitizeInline } from "../../render/index.js";
import type { ViewItem } from "../panes/viewport.js";
import type { ActionContext, Overlay } from "../shell/app.js";
import widgets from "../shell/blessed.js";
import type { KeyEvent } from "../shell/keymap.js";

export interface PickListOptions<T> {
  screen: blessed.Widgets.Screen;
  /** The keymap in force: which action a key means, and the keys an action has. */
  keys: Pick<ActionContext<ViewItem>, "keyAction" | "keysOf">;
  title: string;
  items: readonly T[];
  /**
   * An item's row, in logical order, server and user text in it already through the render
   * room's sanitiser (so the marks of `ltrUnit` and `isolated` around them stay).
   */
  label(item: T): string;
  /** Extra keys for the list (e.g. "d" deletes a draft); return true when handled. */
  onKey?(ch: string | undefined, key: KeyEvent, item: T | undefined): boolean;
  onPick(item: T): void;
  onClose(): void;
  /** Shown under the list. */
  hint?: string;
}

export class PickList<T> implements Overlay {
  private readonly box: blessed.Widgets.BoxElement;
  selected = 0;
  private top = 0;
  private hint: string | undefined;

  constructor(private readonly opts: PickListOptions<T>) {
    this.hint = opts.hint;
    this.box = widgets.box({
      parent: opts.screen,
      border: { type: "line" },
      tags: false,
      wrap: false,
      style: { border: { fg: "cyan" } },
    });
  }

  /** Replaces the line under the list (a question, then the keys again). */
  setHint(hint: string): void {
    this.hint = hint;
  }

  get items(): readonly T[] {
    return this.opts.items;
  }

  handleKey(ch: string | undefined, key: KeyEvent): void {
    const item = this.opts.items[this.selected];
    if (this.opts.onKey?.(ch, key, item)) return;
    // A list with a selection, where Enter opens what is selected: a view's keys.
    const action = this.opts.keys.keyAction(ch, key, "views");
    if (action === undefined) return;
    const page = Math.max(1, Math.floor(this.rows() / 2));
    const moves: Partial<Record<Action, number>> = {
      down: 1,
      up: -1,
      halfPageDown: page,
      halfPageUp: -page,
      top: -Infinity,
      bottom: Infinity,
    };
    const by = moves[action];
    if (by !== undefined) this.move(by);
    else if (action === "thread") {
      if (item !== undefined) this.opts.onPick(item);
    } else if (action === "back" || action === "quit") this.opts.onClose();
  }

  private rows(): number {
    const sh = this.opts.screen.height as number;
    return Math.max(1, Math.min(this.opts.items.length, sh - 8));
  }

  private move(by: number): void {
    const n = this.opts.items.length;
    if (n > 0) this.selected = Math.max(0, Math.min(n - 1, this.selected + by));
  }

  paint(): void {
    const sw = this.opts.screen.width as number;
    const sh = this.opts.screen.height as number;
    const width = Math.max(20, Math.min(sw - 4, 72));
    const rows = this.rows();
    const height = rows + 2 + (this.hint ? 1 : 0);
    Object.assign(this.box.position, {
      left: Math.floor((sw - width) / 2),
      top: Math.max(0, Math.floor((sh - 1 - height) / 2)),
      width,
      height,
    });
    this.box.setLabel(` ${shown(sanitizeInline(this.opts.title))} `);
    if (this.selected < this.top) this.top = this.selected;
    if (this.selected >= this.top + rows) this.top = this.selected - rows + 1;
    const inner = width - 2;
    // One cell of margin on the reading side; a right-to-left interface runs against the right.
    const row = (text: string) => padToWidth(` ${shownRow(text, inner - 2)} `, inner);
    const lines = this.opts.items.slice(this.top, this.top + rows).map((item, i) => {
      const text = row(this.opts.label(item));
      return this.top + i === this.selected ? `\x1b[7m${text}\x1b[27m` : text;
    });
    if (lines.length === 0) lines.push(row(tl("ui.none")));
    if (this.hint) lines.push(`\x1b[2m${row(this.hint)}\x1b[22m`);
    this.box.setContent(lines.join("\n"));
    this.box.setFront();
  }

  destroy(): void {
    this.box.destroy();
  }
}
