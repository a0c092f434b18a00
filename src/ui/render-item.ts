// One pane row's lines: a toot through the render cache, or a gap row.
import type { RenderCache, Theme } from "../render/index.js";
import type { PaneItem } from "./timeline-pane.js";

export interface RenderItemOptions {
  cache: RenderCache;
  theme: Theme;
  width: number;
  expanded: boolean;
  unicode: boolean;
  now: number;
}

export function renderPaneItem(item: PaneItem, opts: RenderItemOptions): readonly string[] {
  if (item.kind === "gap") {
    const text = item.gap.loading
      ? " loading the missing toots… "
      : " gap: toots missing here — Enter loads them ";
    const dash = opts.unicode ? "┄" : "-";
    const side = Math.max(0, Math.floor((opts.width - text.length) / 2));
    const line = (dash.repeat(side) + text + dash.repeat(side)).slice(0, opts.width);
    return [opts.theme.paint.notice ? opts.theme.paint.notice(line) : line];
  }
  return opts.cache.get(item.status, {
    width: opts.width,
    theme: opts.theme,
    now: opts.now,
    expanded: opts.expanded,
    context: item.context,
  });
}
