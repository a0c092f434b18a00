// `:list` alone: the user's lists in a panel; a digit opens that list.
import { isolated, ltrUnit, shown as say, tl } from "../../i18n/index.js";
import { sanitizeInline } from "../../render/index.js";
import type { PaneItem } from "../panes/timeline-pane.js";
import type { ActionContext } from "../shell/app.js";
import { BACK, hintLine } from "../shell/hints.js";
import type { ListChoice } from "./command-parser.js";
import { Panel } from "./panel.js";

export function openListPicker(
  ctx: ActionContext<PaneItem>,
  lists: readonly ListChoice[],
  open: (id: string) => void | Promise<void>,
): void {
  const shown = lists.slice(0, 9);
  new Panel(ctx, {
    title: tl("lists.title"),
    footer: hintLine(ctx.keysOf, [
      ...(shown.length > 0 ? [tl("hint.open", { keys: `1-${shown.length}` })] : []),
      BACK,
    ]),
    ownRows: true,
    lines: () =>
      shown.length === 0
        ? [say(tl("lists.none"))]
        : [
            // The key, the list's title (the user's words, its own direction) and its id (as
            // typed in :pane add): in Arabic the key on the right, the id on the left.
            ...shown.map((l, i) =>
              say(`${i + 1}  ${isolated(sanitizeInline(l.title))}  ${ltrUnit(`(list:${l.id})`)}`),
            ),
            ...(lists.length > shown.length
              ? [say(tl("lists.more", { count: lists.length - shown.length }))]
              : []),
            "",
            say(tl("lists.asPane")),
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
