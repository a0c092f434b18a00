import { describeError } from "../../api/errors.js";
import { rtlInterface, shown, t, tl } from "../../i18n/index.js";
import {
  cellWidth,
  sanitizeInline,
  sanitizeMessage,
  truncateToWidth,
  visualBidi,
} from "../../render/index.js";
import { changedStatus } from "../../timeline/status-change.js";
import type { Status } from "../../timeline/store.js";
import type { PaneItem } from "../panes/timeline-pane.js";
import { Viewport } from "../panes/viewport.js";
import type { ActionContext, FeatureAction, PaneSource } from "../shell/app.js";
import type { FeatureDeps } from "../shell/deps.js";
import { BACK, hintLine } from "../shell/hints.js";
import type { KeyEvent } from "../shell/keymap.js";
import { FramedOverlay } from "./framed-overlay.js";

export interface ListEntry {
  id: string;
  /** A gap row of a feed: Enter loads the toots missing there. */
  gap?: () => void;
  /** A row Enter opens (a search's account or hashtag). */
  open?: () => void;
  /** The toot a thread was opened on: marked in the gutter wherever the selection is. */
  opened?: boolean;
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
  /**
   * A live feed drawn below `entries` (a profile's header rows, or none): the view's toots are
   * then the feed's, with its paging at the bottom, its gap rows, R, and its state in the title.
   * Closed with the view.
   */
  feed?: PaneSource<PaneItem>;
  /** Entry to select first (the toot a thread is about). */
  selectId?: string;
  /** Extra keys (a profile's follow/mute/block); return true when handled. */
  onKey?(ch: string | undefined, key: KeyEvent, view: StatusListView): boolean | Promise<boolean>;
  footer?: string;
}

/** A feed's row as a list entry: a toot, or a gap row that Enter fills. */
function feedEntry(item: PaneItem, unicode: boolean): ListEntry {
  if (item.kind === "status") return { id: item.id, status: item.status };
  if (item.kind === "gap") {
    const text = t(item.gap.loading ? "gap.loading" : "gap.missing");
    const dash = unicode ? "┄" : "-";
    return { id: item.id, gap: () => item.load?.(), lines: () => [`${dash} ${text} ${dash}`] };
  }
  return { id: item.id, lines: () => [] };
}

const INDENT = 2;
const MAX_DEPTH = 6;

export class StatusListView extends FramedOverlay {
  private readonly view = new Viewport<ListEntry>();
  private readonly unsubscribe: () => void = () => {};
  private readonly closers: Array<() => void> = [];
  private pendingSelect: string | undefined;
  private feedItems: readonly PaneItem[] | undefined;
  private feedEntries: ListEntry[] = [];

  constructor(
    private readonly deps: FeatureDeps,
    ctx: ActionContext<PaneItem>,
    private readonly actions: () => Record<string, FeatureAction<PaneItem>>,
    private opts: StatusListOptions,
  ) {
    super(ctx);
    this.pendingSelect = opts.selectId;
    const feed = opts.feed;
    if (feed) {
      // The feed owns its statuses and applies status changes itself: the view only mirrors it.
      this.closers.push(() => feed.close?.());
      this.closers.push(feed.onChange(() => this.setEntries(this.opts.entries)));
    }
    this.view.sync(this.allEntries());
    // The fixed entries' toots (a thread, search results, a profile's pinned toots).
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

  /** The rows drawn: the fixed entries, then the feed's toots and gap rows. */
  private allEntries(): ListEntry[] {
    const feed = this.opts.feed;
    if (!feed) return this.opts.entries;
    if (this.feedItems !== feed.items()) {
      this.feedItems = feed.items();
      this.feedEntries = this.feedItems.map((item) => feedEntry(item, this.deps.unicode));
    }
    return [...this.opts.entries, ...this.feedEntries];
  }

  /** Runs `fn` when the view leaves the stack (stream subscriptions…). */
  onClose(fn: () => void): void {
    this.closers.push(fn);
  }

  /** `selectId`: the entry to select once drawn (the toot a thread was opened on). */
  setEntries(entries: ListEntry[], title?: string, selectId?: string): void {
    this.opts = { ...this.opts, entries, title: title ?? this.opts.title };
    if (selectId !== undefined) this.pendingSelect = selectId;
    this.view.sync(this.allEntries());
    this.ctx.repaint();
  }

  setTitle(title: string): void {
    this.opts = { ...this.opts, title };
    this.ctx.repaint();
  }

  /** The fixed toot rows (not headers, not the feed's), e.g. to rebuild a header above them. */
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
      // A thread is read closely: its pictures get twice the timeline's rows.
      pictures: this.deps.pictures,
      pictureRows: this.deps.settings.pictureRows * 2,
      ...(this.deps.avatars ? { avatars: this.deps.avatars } : {}),
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
    const action = this.ctx.keyAction(ch, key, "views");
    const height = this.height();
    switch (action) {
      case "back":
      case "quit":
        this.close();
        return;
      case "down":
        this.step(1, height);
        this.olderNearBottom();
        return;
      case "up":
        this.step(-1, height);
        return;
      case "top":
        this.view.toTop();
        if (!this.selectable(this.view.selected)) this.step(1, height);
        return;
      case "bottom":
        this.view.toBottom(height, this.linesOf);
        this.opts.feed?.loadOlder?.();
        return;
      case "halfPageDown":
        this.view.moveByLines(Math.floor(height / 2), height, this.linesOf);
        this.olderNearBottom();
        return;
      case "loadMore":
        if (!this.opts.feed?.loadOlder) break;
        this.opts.feed.loadOlder();
        this.ctx.flash(tl("flash.loadingOlder"));
        return;
      case "refresh": {
        const feed = this.opts.feed;
        if (!feed?.refresh) break;
        this.ctx.flash(tl("flash.refreshing"));
        feed.refresh().then(
          () => this.ctx.flash(tl("flash.upToDate")),
          (err: unknown) => this.ctx.flash(describeError(err)),
        );
        return;
      }
      // Enter: a gap row loads, a search's account or hashtag opens, a toot opens its thread.
      case "thread": {
        const entry = this.view.selected;
        if (entry?.gap) {
          entry.gap();
          return;
        }
        if (entry?.open) {
          entry.open();
          return;
        }
        break;
      }
      case "halfPageUp":
        this.view.moveByLines(-Math.floor(height / 2), height, this.linesOf);
        return;
      case undefined:
        // Escape always leaves, whatever `back` is bound to.
        if (key.name === "escape") this.close();
        return;
    }
    const feature = this.actions()[action];
    if (!feature) {
      this.ctx.flash(tl("ui.notAvailableHere", { action }));
      return;
    }
    // Not awaited: an action may ask a question (confirm.delete) whose answer is the next key,
    // and the shell hands keys to the overlays one at a time.
    void Promise.resolve(feature(this.actionContext())).then(
      () => this.ctx.repaint(),
      (err: unknown) => this.ctx.flash(describeError(err)),
    );
  }

  /** Whether Enter or an action does something on `entry` (headers and blank rows do not). */
  private selectable(entry: ListEntry | undefined): boolean {
    return entry?.status !== undefined || entry?.gap !== undefined || entry?.open !== undefined;
  }

  /**
   * j and k go to the next entry that can be acted on: a section header or a blank row shows
   * no selection, so stopping there made a key press look ignored. Where none is left in that
   * direction, the selection stays.
   */
  private step(delta: 1 | -1, height: number): void {
    const entries = this.allEntries();
    let target = this.view.selectedIndex + delta;
    while (target >= 0 && target < entries.length && !this.selectable(entries[target]))
      target += delta;
    if (target < 0 || target >= entries.length) {
      // Nothing selectable that way: still move (a list of headers only scrolls).
      if (!entries.some((e) => this.selectable(e))) this.view.move(delta, height, this.linesOf);
      return;
    }
    this.view.move(target - this.view.selectedIndex, height, this.linesOf);
  }

  /** Like a pane: nearing the bottom asks the feed for the older page. */
  private olderNearBottom(): void {
    if (this.view.selectedIndex >= this.allEntries().length - 3) this.opts.feed?.loadOlder?.();
  }

  paint(): void {
    const w = this.ctx.screen.width as number;
    const h = this.ctx.screen.height as number;
    Object.assign(this.box.position, { left: 0, top: 0, width: w, height: Math.max(3, h - 1) });
    if (this.pendingSelect) {
      const index = this.allEntries().findIndex((e) => e.id === this.pendingSelect);
      this.pendingSelect = undefined;
      if (index >= 0) this.view.move(index - this.view.selectedIndex, this.height(), this.linesOf);
    }
    const rows = this.view.window(this.height(), this.linesOf);
    const selected = this.view.selectedIndex;
    const content = rows.map((row) => {
      const entry = this.allEntries()[row.itemIndex];
      if (row.itemIndex === selected && this.selectable(entry))
        return `\x1b[36m${this.deps.unicode ? "▌" : "|"}\x1b[39m ${row.line}`;
      // The toot a thread is about keeps a mark of its own (yellow) while the selection moves.
      if (entry?.opened) return `\x1b[33m${this.deps.unicode ? "┃" : "!"}\x1b[39m ${row.line}`;
      return `  ${row.line}`;
    });
    if (this.allEntries().length === 0) {
      // A feed says what its emptiness means, as a pane does: still loading, nothing there,
      // or why nothing could be loaded.
      const feed = this.opts.feed;
      const empty = feed ? (feed.placeholder?.() ?? t("ui.loading")) : t("ui.nothingHere");
      content.push(`  ${sanitizeInline(empty)}`);
    }
    this.box.setContent(content.join("\n"));
    // Title and footer are logical (the title may hold server text: sanitised); a feed's state
    // (live, reconnecting…) comes in display order already, the pane's own words.
    const footer = shown(
      this.opts.footer ?? hintLine(this.ctx.keysOf, [["hint.thread", "thread"], BACK]),
    );
    const title = shown(sanitizeMessage(this.opts.title));
    const parts = [title, ...(this.opts.feed ? [sanitizeInline(this.opts.feed.state())] : [])];
    const room = Math.max(1, w - 6);
    // A right-to-left interface reads the title from the right: the view's name first (on the
    // right), its state, then the keys; the keys give way first where the border is short.
    if (rtlInterface() && visualBidi()) {
      const words = [...parts].reverse().join(" · ");
      const all = `${footer} · ${words}`;
      const label = cellWidth(all) <= room ? all : truncateToWidth(words, room);
      this.box.setLabel({ text: ` ${label} `, side: "right" });
    } else {
      this.box.setLabel(` ${truncateToWidth([...parts, footer].join(" · "), room)} `);
    }
    this.box.setFront();
  }

  override destroy(): void {
    this.unsubscribe();
    for (const fn of this.closers.splice(0)) fn();
    super.destroy();
  }
}
