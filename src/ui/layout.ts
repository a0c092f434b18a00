// Where panes go: side by side when every pane gets a readable width, else one at a time
// with tabs. Pure, so the rule can be tested without a terminal.

export const MIN_PANE_WIDTH = 40;
export const SIDE_BY_SIDE_MIN_COLS = 120;
export const MIN_COLS = 40;
export const MIN_ROWS = 10;

export interface Rect {
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface Layout {
  mode: "columns" | "tabs" | "too-small";
  /** One rect per pane; in tab mode only the active pane has one (others are null). */
  panes: (Rect | null)[];
  tabBar: Rect | null;
  statusBar: Rect;
}

export function computeLayout(
  cols: number,
  rows: number,
  paneCount: number,
  active: number,
): Layout {
  const statusBar = { left: 0, top: rows - 1, width: cols, height: 1 };
  if (cols < MIN_COLS || rows < MIN_ROWS) {
    return { mode: "too-small", panes: Array(paneCount).fill(null), tabBar: null, statusBar };
  }
  const bodyHeight = rows - 1;
  const fits = cols >= SIDE_BY_SIDE_MIN_COLS && Math.floor(cols / paneCount) >= MIN_PANE_WIDTH;
  if (fits && paneCount > 1) {
    const panes: Rect[] = [];
    let left = 0;
    for (let i = 0; i < paneCount; i++) {
      // Spread the remainder over the first panes so the columns fill the screen exactly.
      const width = Math.floor(cols / paneCount) + (i < cols % paneCount ? 1 : 0);
      panes.push({ left, top: 0, width, height: bodyHeight });
      left += width;
    }
    return { mode: "columns", panes, tabBar: null, statusBar };
  }
  const panes = Array.from({ length: paneCount }, (_, i) =>
    i === active ? { left: 0, top: 1, width: cols, height: bodyHeight - 1 } : null,
  );
  return { mode: "tabs", panes, tabBar: { left: 0, top: 0, width: cols, height: 1 }, statusBar };
}
