// `:account`: the stored accounts, the current one marked; a digit switches (each account has
// its own session and streams: tootty closes this one and opens the other).
import { ltrUnit, shown as say, tl } from "../../i18n/index.js";
import { sanitizeInline } from "../../render/index.js";
import type { PaneItem } from "../panes/timeline-pane.js";
import type { ActionContext } from "../shell/app.js";
import { BACK, hintLine } from "../shell/hints.js";
import { Panel } from "./panel.js";

export function openAccountPicker(
  ctx: ActionContext<PaneItem>,
  accounts: readonly string[],
  current: string,
  switchTo: (acct: string) => void,
): void {
  const shown = accounts.slice(0, 9);
  new Panel(ctx, {
    title: tl("accounts.title"),
    footer: hintLine(ctx.keysOf, [
      ...(shown.length > 1 ? [tl("accounts.switchN", { n: String(shown.length) })] : []),
      BACK,
    ]),
    ownRows: true,
    lines: () => [
      // The key, the account (one left-to-right unit), "(this one)": in Arabic from the right.
      ...shown.map((acct, i) =>
        say(
          `${i + 1}  ${ltrUnit(sanitizeInline(acct))}${acct === current ? `  ${tl("accounts.thisOne")}` : ""}`,
        ),
      ),
      ...(accounts.length > shown.length ? [say(tl("accounts.more"))] : []),
      "",
      say(tl("accounts.addOne")),
    ],
    onKey(ch, _key, panel) {
      const n = ch && /^[1-9]$/.test(ch) ? Number(ch) : 0;
      const chosen = shown[n - 1];
      if (!chosen) return false;
      panel.close();
      if (chosen !== current) switchTo(chosen);
      return true;
    },
  }).open();
}
