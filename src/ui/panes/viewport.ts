// The scroll and selection model of one pane, free of blessed so it can be tested alone.
//
// Items are newest first. The view is anchored to an item id (not an index), so toots that
// arrive above a scrolled pane never make it jump: they are counted as "N new" instead.
// Only the visible window is ever rendered: cost follows the screen, not the timeline.

export interface ViewItem {
  readonly id: string;
}

/** Lines for one item at the pane's content width; expected to be cached by the caller. */
export type LinesOf<T extends ViewItem> = (item: T, selected: boolean) => readonly string[];

export interface VisibleRow {
  readonly itemIndex: number;
  readonly line: string;
}

export class Viewport<T extends ViewItem> {
  private items: readonly T[] = [];
  private topId: string | null = null;
  private topIndexHint = 0;
  /** Lines of the top item hidden above the window (a tall toot scrolled part-way). */
  private topSkip = 0;
  private selectedId: string | null = null;
  private selectedIndexHint = 0;
  private firstId: string | null = null;
  /** Toots that arrived above the window while the pane was scrolled away from the top. */
  newAbove = 0;

  get selectedIndex(): number {
    return this.indexOf(this.selectedId, this.selectedIndexHint);
  }

  get selected(): T | undefined {
    return this.items[this.selectedIndex];
  }

  /** The item at the top of the window. */
  get top(): T | undefined {
    return this.items.length ? this.items[this.indexOf(this.topId, this.topIndexHint)] : undefined;
  }

  /**
   * Puts `id` at the top of the window and selects it; what is above counts as new. An `id`
   * not held reveals nothing: ids are opaque, so where it would fall is unknowable from it.
   */
  reveal(id: string): boolean {
    const index = this.items.findIndex((item) => item.id === id);
    if (index < 0) return false;
    this.topIndexHint = this.selectedIndexHint = index;
    this.topId = this.selectedId = this.items[index]!.id;
    this.topSkip = 0;
    this.newAbove = index;
    return true;
  }

  get atTop(): boolean {
    return this.indexOf(this.topId, this.topIndexHint) === 0 && this.topSkip === 0;
  }

  /** Takes the current items (newest first) after any change in the store. */
  sync(items: readonly T[]): void {
    const wasAtTop = this.items.length === 0 || this.atTop;
    const selectionWasFirst = this.items.length > 0 && this.selectedIndex === 0;
    const prevFirst = this.firstId;
    this.items = items;
    this.firstId = items[0]?.id ?? null;
    if (items.length === 0) {
      this.topId = this.selectedId = null;
      this.topSkip = 0;
      return;
    }
    if (this.topId === null || this.selectedId === null) {
      this.topId = this.selectedId = items[0]!.id;
      this.topIndexHint = this.selectedIndexHint = 0;
      this.topSkip = 0;
      return;
    }
    const arrived = prevFirst === null ? 0 : this.indexOf(prevFirst, 0);
    if (wasAtTop) {
      // Following the live edge: new toots appear at the top, the selection stays put.
      this.topId = items[0]!.id;
      this.topIndexHint = 0;
      this.topSkip = 0;
      if (selectionWasFirst) {
        this.selectedId = items[0]!.id;
        this.selectedIndexHint = 0;
      }
    } else if (arrived > 0) {
      this.newAbove += arrived;
    }
    // Re-resolve anchors (they may have been deleted): fall back to the nearest index.
    this.topIndexHint = this.indexOf(this.topId, this.topIndexHint);
    this.topId = items[this.topIndexHint]!.id;
    this.selectedIndexHint = this.indexOf(this.selectedId, this.selectedIndexHint);
    this.selectedId = items[this.selectedIndexHint]!.id;
  }

  /** Moves the selection by `delta` items and scrolls just enough to show it. */
  move(delta: number, height: number, linesOf: LinesOf<T>): void {
    if (this.items.length === 0) return;
    const target = clamp(this.selectedIndex + delta, 0, this.items.length - 1);
    this.select(target, height, linesOf);
  }

  /** Moves the selection by about `lines` screen lines (Ctrl-d / Ctrl-u). */
  moveByLines(lines: number, height: number, linesOf: LinesOf<T>): void {
    if (this.items.length === 0) return;
    let index = this.selectedIndex;
    let budget = Math.abs(lines);
    const step = Math.sign(lines);
    while (budget > 0) {
      const next = index + step;
      if (next < 0 || next >= this.items.length) break;
      budget -= linesOf(this.items[next]!, false).length + 1;
      index = next;
    }
    this.select(index, height, linesOf);
  }

  toTop(): void {
    if (this.items.length === 0) return;
    this.topId = this.selectedId = this.items[0]!.id;
    this.topIndexHint = this.selectedIndexHint = 0;
    this.topSkip = 0;
    this.newAbove = 0;
  }

  toBottom(height: number, linesOf: LinesOf<T>): void {
    if (this.items.length === 0) return;
    this.select(this.items.length - 1, height, linesOf);
  }

  /** The lines of the visible window, `height` at most; one blank line between items. */
  window(height: number, linesOf: LinesOf<T>): VisibleRow[] {
    const rows: VisibleRow[] = [];
    const selected = this.selectedIndex;
    let index = this.indexOf(this.topId, this.topIndexHint);
    let skip = this.topSkip;
    while (rows.length < height && index < this.items.length) {
      const lines = linesOf(this.items[index]!, index === selected);
      for (let i = skip; i < lines.length && rows.length < height; i++) {
        rows.push({ itemIndex: index, line: lines[i]! });
      }
      skip = 0;
      if (rows.length < height && index < this.items.length - 1) {
        rows.push({ itemIndex: -1, line: "" });
      }
      index++;
    }
    return rows;
  }

  private select(target: number, height: number, linesOf: LinesOf<T>): void {
    this.selectedIndexHint = target;
    this.selectedId = this.items[target]!.id;
    let top = this.indexOf(this.topId, this.topIndexHint);
    if (target <= top) {
      top = target;
      this.topSkip = 0;
    } else {
      // Scroll down until the selected item ends inside the window (or starts at its top).
      for (;;) {
        let used = -this.topSkip;
        for (let i = top; i < target; i++) used += linesOf(this.items[i]!, false).length + 1;
        const selectedLines = linesOf(this.items[target]!, true).length;
        if (used + selectedLines <= height || top === target) break;
        top++;
        this.topSkip = 0;
      }
    }
    this.topIndexHint = top;
    this.topId = this.items[top]!.id;
    if (top === 0 && this.topSkip === 0) this.newAbove = 0;
    else this.newAbove = Math.min(this.newAbove, top);
  }

  private indexOf(id: string | null, hint: number): number {
    if (this.items.length === 0) return 0;
    if (id !== null) {
      if (this.items[hint]?.id === id) return hint;
      const found = this.items.findIndex((item) => item.id === id);
      if (found >= 0) return found;
    }
    return clamp(hint, 0, this.items.length - 1);
  }
}

function clamp(n: number, lo: number, hi: number): number {
  return Math.max(lo, Math.min(hi, n));
}
