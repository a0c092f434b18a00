// Where panes go: side by side when every pane gets a readable width; else under a tab bar,
// as many neighbours side by side as fit (one on a narrow terminal). Pure, so the rule can be
// tested without a terminal.

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

/**
 * `widths` are relative shares (the config file's per-pane `width`; 1 each when absent). Columns
 * are used only when every pane gets at least MIN_PANE_WIDTH cells; otherwise one pane at a time.
 */
export function computeLayout(
  cols: number,
  rows: number,
  paneCount: number,
  active: number,
  widths?: readonly number[],
): Layout {
  const statusBar = { left: 0, top: rows - 1, width: cols, height: 1 };
  if (cols < MIN_COLS || rows < MIN_ROWS) {
    return { mode: "too-small", panes: Array(paneCount).fill(null), tabBar: null, statusBar };
  }
  const bodyHeight = rows - 1;
  const columnWidths = paneCount > 1 ? splitColumns(cols, paneCount, widths) : [];
  const fits =
    cols >= SIDE_BY_SIDE_MIN_COLS &&
    columnWidths.length > 0 &&
    columnWidths.every((w) => w >= MIN_PANE_WIDTH);
  if (fits) {
    const panes: Rect[] = [];
    let left = 0;
    for (const width of columnWidths) {
      panes.push({ left, top: 0, width, height: bodyHeight });
      left += width;
    }
    return { mode: "columns", panes, tabBar: null, statusBar };
  }
  // Not all fit: under a tab bar, show the page of neighbouring panes that fit side by side
  // and holds the active one (at 120–159 columns: Home, Local, Federated together, then
  // Notifications), or the active pane alone on a narrow terminal.
  const page = cols >= SIDE_BY_SIDE_MIN_COLS ? pageOf(cols, paneCount, active, widths) : [active];
  const pageWidths = splitColumns(
    cols,
    page.length,
    page.map((i) => widths?.[i] ?? 1),
  );
  const panes: (Rect | null)[] = Array(paneCount).fill(null);
  let left = 0;
  page.forEach((paneIndex, k) => {
    panes[paneIndex] = { left, top: 1, width: pageWidths[k]!, height: bodyHeight - 1 };
    left += pageWidths[k]!;
  });
  return { mode: "tabs", panes, tabBar: { left: 0, top: 0, width: cols, height: 1 }, statusBar };
}

/** Panes grouped greedily, in order, into pages whose columns all get MIN_PANE_WIDTH. */
function pageOf(
  cols: number,
  paneCount: number,
  active: number,
  widths: readonly number[] | undefined,
): number[] {
  let page: number[] = [];
  for (let i = 0; i < paneCount; i++) {
    const candidate = [...page, i];
    const fits = splitColumns(
      cols,
      candidate.length,
      candidate.map((j) => widths?.[j] ?? 1),
    ).every((w) => w >= MIN_PANE_WIDTH);
    if (!fits && page.length > 0) {
      if (page.includes(active)) return page;
      page = [i];
    } else page = candidate;
  }
  return page.includes(active) ? page : [active];
}

/**
 * Column widths in proportion to the shares, summing to exactly `cols`: each gets the floor of
 * its share, and the cells left over go to the largest remainders (ties to the leftmost).
 */
export function splitColumns(
  cols: number,
  count: number,
  shares: readonly number[] = [],
): number[] {
  const weights = Array.from({ length: count }, (_, i) => {
    const w = shares[i];
    return typeof w === "number" && Number.isFinite(w) && w > 0 ? w : 1;
  });
  const total = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (cols * w) / total);
  const out = exact.map(Math.floor);
  let left = cols - out.reduce((a, b) => a + b, 0);
  const order = exact
    .map((x, i) => ({ i, rem: x - Math.floor(x) }))
    .sort((a, b) => b.rem - a.rem || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    out[i]!++;
    left--;
  }
  return out;
}
