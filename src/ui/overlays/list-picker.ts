// `:list` alone: the user's lists in a panel; a digit opens that list.
import { sanitizeInline } from "../../render/index.js";
import type { PaneItem } from "../panes/timeline-pane.js";
import type { ActionContext } from "../shell/app.js";
import type { ListChoice } from "./command-parser.js";
import { Panel } from "./panel.js";

export function openListPicker(
  ctx: ActionContext<PaneItem>,
  lists: readonly ListChoice[],
  open: (id: string) => void | Promise<void>,
): void {
  const shown = lists.slice(0, 9);
  new Panel(ctx, {
    title: "Lists",
    footer: shown.length > 0 ? `1-${shown.length} open · Esc back` : "Esc back",
    lines: () =>
      shown.length === 0
        ? ["You have no lists yet."]
        : [
            ...shown.map((l, i) => `${i + 1}  ${sanitizeInline(l.title)}  (list:${l.id})`),
            ...(lists.length > shown.length
              ? [`…and ${lists.length - shown.length} more: :list ID`]
              : []),
            "",
            "Open one as a pane: :pane add list:ID",
          ],
    onKey(ch, _key, panel) {
      const n = ch && /^[1-9]$/.test(ch) ? Number(ch) : 0;
      const chosen = shown[n - 1];
      if (!chosen) return false;
      panel.close();
      void open(chosen.id);
      return true;
    },
  }).open();
}
