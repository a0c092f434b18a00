import { sanitizeInline, truncateToWidth } from "../../render/index.js";
import { changedStatus } from "../../timeline/status-change.js";
import type { Status } from "../../timeline/store.js";
import type { ActionContext, FeatureAction } from "../app.js";
import type { FeatureDeps } from "../features/deps.js";
import { actionFor, buildKeyLookup, DEFAULT_KEYMAP, type KeyEvent } from "../keymap.js";
import type { PaneItem } from "../timeline-pane.js";
import { Viewport } from "../viewport.js";
import { FramedOverlay } from "./framed-overlay.js";

export interface ListEntry {
  id: string;
  /** Absent for header rows (a profile's bio, a section title). */
  status?: Status;
  /** Thread depth: descendants are indented by it. */
  depth?: number;
  /** Lines for a header row. */
  lines?: (width: number) => readonly string[];
}

export interface StatusListOptions {
  title: string;
  entries: ListEntry[];
  /** Entry to select first (the toot a thread is about). */
  selectId?: string;
  /** Extra keys (a profile's follow/mute/block); return true when handled. */
  onKey?(ch: string | undefined, key: KeyEvent, view: StatusListView): boolean | Promise<boolean>;
  footer?: string;
}

const INDENT = 2;
const MAX_DEPTH = 6;

export class StatusListView extends FramedOverlay {
  private readonly view = new Viewport<ListEntry>();
  private readonly lookup;
  private readonly unsubscribe: () => void;
  private readonly closers: Array<() => void> = [];
  private pendingSelect: string | undefined;

  constructor(
    private readonly deps: FeatureDeps,
    ctx: ActionContext<PaneItem>,
    private readonly actions: () => Record<string, FeatureAction<PaneItem>>,
    private opts: StatusListOptions,
  ) {
    super(ctx);
    this.lookup = buildKeyLookup({ ...DEFAULT_KEYMAP, ...deps.settings.keymap });
    this.view.sync(opts.entries);
    this.pendingSelect = opts.selectId;
    this.unsubscribe = deps.session.statusChanges.subscribe((change) => {
      let changed = false;
      const entries = this.opts.entries.flatMap((e) => {
        const next = e.status ? changedStatus(e.status, change) : e.status;
        if (next === e.status) return [e];
        changed = true;
        return next ? [{ ...e, status: next }] : [];
      });
      if (changed) this.setEntries(entries);
    });
  }

  /** Runs `fn` when the view leaves the stack (stream subscriptions…). */
  onClose(fn: () => void): void {
    this.closers.push(fn);
  }

  setEntries(entries: ListEntry[], title?: string): void {
    this.opts = { ...this.opts, entries, title: title ?? this.opts.title };
    this.view.sync(entries);
    this.ctx.repaint();
  }

  /** The toot rows (without headers), e.g. to rebuild a profile's header above them. */
  currentStatuses(): ListEntry[] {
    return this.opts.entries.filter((e) => e.status !== undefined);
  }

  get selected(): ListEntry | undefined {
    return this.view.selected;
  }

  private contentWidth(): number {
    return Math.max(10, (this.box.width as number) - 4);
  }

  private height(): number {
    return Math.max(1, (this.box.height as number) - 2);
  }

  private linesOf = (entry: ListEntry): readonly string[] => {
    const width = this.contentWidth();
    if (!entry.status) return entry.lines?.(width) ?? [];
    const depth = Math.min(entry.depth ?? 0, MAX_DEPTH);
    const pad = " ".repeat(depth * INDENT);
    const lines = this.deps.cache.get(entry.status, {
      width: Math.max(10, width - depth * INDENT),
      theme: this.deps.theme,
      now: Date.now(),
      expanded: false,
      context: "thread",
    });
    return depth ? lines.map((l) => pad + l) : lines;
  };

  /** The context a toot action runs with: the same shell, this view's selection. */
  private actionContext(): ActionContext<PaneItem> {
    const entry = this.view.selected;
    const selected: PaneItem | undefined = entry?.status
      ? { kind: "status", id: entry.status.id, status: entry.status, context: "thread" }
      : undefined;
    return { ...this.ctx, selected };
  }

  async handleKey(ch: string | undefined, key: KeyEvent): Promise<void> {
    if (this.opts.onKey && (await this.opts.onKey(ch, key, this))) return;
    const action = actionFor(this.lookup, ch, key);
    const height = this.height();
    switch (action) {
      case "back":
      case "quit":
        this.close();
        return;
      case "down":
        this.view.move(1, height, this.linesOf);
        return;
      case "up":
        this.view.move(-1, height, this.linesOf);
        return;
      case "top":
        this.view.toTop();
        return;
      case "bottom":
        this.view.toBottom(height, this.linesOf);
        return;
      case "halfPageDown":
        this.view.moveByLines(Math.floor(height / 2), height, this.linesOf);
        return;
      case "halfPageUp":
        this.view.moveByLines(-Math.floor(height / 2), height, this.linesOf);
        return;
      case undefined:
        if (key.name === "escape") this.close();
        return;
    }
    const feature = this.actions()[action];
    if (!feature) {
      this.ctx.flash(`${action}: not available here`);
      return;
    }
    await feature(this.actionContext());
  }

  paint(): void {
    const w = this.ctx.screen.width as number;
    const h = this.ctx.screen.height as number;
    Object.assign(this.box.position, { left: 0, top: 0, width: w, height: Math.max(3, h - 1) });
    if (this.pendingSelect) {
      const index = this.opts.entries.findIndex((e) => e.id === this.pendingSelect);
      this.pendingSelect = undefined;
      if (index > 0) this.view.move(index, this.height(), this.linesOf);
    }
    const rows = this.view.window(this.height(), this.linesOf);
    const selected = this.view.selectedIndex;
    const content = rows.map((row) => {
      const entry = this.opts.entries[row.itemIndex];
      const mark = row.itemIndex === selected && entry?.status !== undefined;
      return (mark ? `\x1b[36m${this.deps.unicode ? "▌" : "|"}\x1b[39m ` : "  ") + row.line;
    });
    if (this.opts.entries.length === 0) content.push("  Nothing here.");
    this.box.setContent(content.join("\n"));
    const footer = this.opts.footer ?? "Enter thread · Esc back";
    const label = truncateToWidth(
      `${sanitizeInline(this.opts.title)} · ${footer}`,
      Math.max(1, w - 6),
    );
    this.box.setLabel(` ${label} `);
    this.box.setFront();
  }

  override destroy(): void {
    this.unsubscribe();
    for (const fn of this.closers.splice(0)) fn();
    super.destroy();
  }
}
