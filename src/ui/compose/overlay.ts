// The composer on screen: forwards keys to a ComposeSession and paints its view. It owns
// no editing logic (that is src/compose/); it only lays out the box, draws the cursor and
// colours the status line, and reports how the session ended.

import type blessed from "blessed";
import { countLabel } from "../../compose/counter.js";
import type { ComposeSession, SessionOutcome } from "../../compose/session.js";
import { rtlInterface, shown, tl } from "../../i18n/index.js";
import {
  cellWidth,
  sanitizeInline,
  truncateToWidth,
  visualBidi,
  visualRow,
} from "../../render/index.js";
import type { Overlay } from "../shell/app.js";
import widgets from "../shell/blessed.js";
import type { KeyEvent } from "../shell/keymap.js";
import { withCursor } from "./cursor.js";
import { composeKey } from "./keys.js";

export interface ComposeOverlayOptions {
  screen: blessed.Widgets.Screen;
  session: ComposeSession;
  /** "New toot", "Reply to @ada", "Edit"… (sanitised here). */
  title: string;
  /** Every outcome but "open": the feature closes the overlay or opens a picker. */
  onOutcome(outcome: SessionOutcome): void;
  /** Paints while a slow effect (posting, uploading) is in flight. */
  repaint(): void;
  /** How long a key may take before the status line says "working…" (ms). */
  busyAfterMs?: number;
}

/**
 * The status line (the mode or a message on the left, the count on the right, in logical
 * order) as drawn. In a right-to-left interface, where tootty does the bidi, the line is
 * mirrored — the count on the left, the message against the right edge — and the message is
 * reordered on its own: as one paragraph, a message ending in a left-to-right word ("…: frob")
 * would run that word, the padding and the count together into one left-to-right stretch.
 */
/**
 * The composer's status line, ready to draw: the message and the count drawn apart where
 * tootty does the bidi, the count at the line's end (the left in a right-to-left interface).
 * As one paragraph a message ending in Arabic would pull the count into its run (UAX #9 W2
 * makes its digits Arabic numbers) and draw it left of the words.
 */
export function statusLine(status: string, count: string, width: number): string {
  if (!visualBidi() || !status.endsWith(count)) return shown(status);
  const message = shown(status.slice(0, status.length - count.length).trimEnd());
  const room = Math.max(0, width - cellWidth(count) - 1);
  const words = truncateToWidth(message, room);
  const gap = " ".repeat(Math.max(1, width - cellWidth(count) - cellWidth(words)));
  return rtlInterface() ? `${count}${gap}${words}` : `${words}${gap}${count}`;
}

const RED = "\x1b[41;97m";
const REVERSE = "\x1b[7m";
const DIM = "\x1b[2m";
const RESET = "\x1b[0m";

export class ComposeOverlay implements Overlay {
  private readonly box: blessed.Widgets.BoxElement;
  private inFlight = 0;
  private busy = false;
  /** The text rows last drawn (with the cursor): a full redraw is needed only when they change. */
  private lastText: string | undefined;

  constructor(private readonly opts: ComposeOverlayOptions) {
    this.box = widgets.box({
      parent: opts.screen,
      border: { type: "line" },
      tags: false,
      wrap: false,
      style: { border: { fg: "cyan" } },
    });
  }

  get session(): ComposeSession {
    return this.opts.session;
  }

  async handleKey(ch: string | undefined, key: KeyEvent, more = false): Promise<void> {
    const k = composeKey(ch, key);
    if (!k) return;
    this.inFlight++;
    const timer = setTimeout(() => {
      this.busy = true;
      this.opts.repaint();
    }, this.opts.busyAfterMs ?? 150);
    try {
      const outcome = await this.opts.session.press(k, { more });
      if (outcome.kind !== "open") this.opts.onOutcome(outcome);
    } finally {
      clearTimeout(timer);
      if (--this.inFlight === 0) this.busy = false;
    }
  }

  paint(): void {
    // What the composer shows is on disk, also where the read's last key went elsewhere (Ctrl-L).
    this.opts.session.flush();
    const sw = Math.max(10, this.opts.screen.width as number);
    const sh = Math.max(6, this.opts.screen.height as number);
    // Everything but the app's status bar on the last row.
    Object.assign(this.box.position, { left: 0, top: 0, width: sw, height: sh - 1 });
    const inner = sw - 2;
    const textRows = Math.max(1, sh - 1 - 2 - 2);
    const v = this.opts.session.view(inner, textRows);
    // Kept in logical order by the editor; drawn in visual order where tootty does the bidi.
    const rows = v.rows.map((row, i) => {
      const shown = visualRow(row, i === v.cursor.row ? v.cursor.col : 0, inner);
      return i === v.cursor.row ? withCursor(shown.text, shown.col) : shown.text;
    });
    // The status and field lines are the editor's words in logical order.
    const status = this.busy
      ? truncateToWidth(shown(tl("ui.working")), inner).padEnd(inner)
      : statusLine(v.status, countLabel(v.count, v.max), inner);
    const statusColour = v.isError ? RED : REVERSE;
    this.box.setLabel(
      ` ${truncateToWidth(shown(sanitizeInline(this.opts.title)), Math.max(1, inner - 2))} `,
    );
    const text = rows.join("\n");
    this.box.setContent(
      [text, `${DIM}${shown(v.fields)}${RESET}`, `${statusColour}${status}${RESET}`].join("\n"),
    );
    this.box.setFront();
    // blessed's cell diff leaves stale halves behind when a wide character (an emoji) is drawn
    // where other text stood: then redraw every cell (the composer is one modal box, and
    // plain ASCII text keeps the cheap diff). Only when the text changed: the app repaints on
    // every stream change too, and unchanged text leaves nothing stale.
    if (text !== this.lastText && /[^\x00-\x7f]/.test(text)) this.opts.screen.realloc();
    this.lastText = text;
  }

  destroy(): void {
    this.box.destroy();
  }
}
