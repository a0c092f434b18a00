// !: report the toot to its server's moderators: a category, then an optional comment.

import { type ReportCategory, reportStatus } from "../../api/actions.js";
import { describeError } from "../../api/errors.js";
import { inLine, isolated, type MessageKey, shown, t, tl } from "../../i18n/index.js";
import { sanitizeInline } from "../../render/index.js";
import type { Status } from "../../timeline/store.js";
import type { PaneItem } from "../panes/timeline-pane.js";
import type { ActionContext } from "../shell/app.js";
import type { FeatureDeps } from "../shell/deps.js";
import { LineInput } from "./line-input.js";
import { Panel } from "./panel.js";

const CATEGORIES: { id: ReportCategory; label: MessageKey }[] = [
  { id: "spam", label: "report.spam" },
  { id: "legal", label: "report.legal" },
  { id: "violation", label: "report.violation" },
  { id: "other", label: "report.other" },
];

export function openReport(deps: FeatureDeps, ctx: ActionContext<PaneItem>, status: Status): void {
  let category: ReportCategory | undefined;
  const comment = new LineInput();
  const who = sanitizeInline(status.account?.acct ?? "?");
  new Panel(ctx, {
    title: tl("report.title", { acct: isolated(`@${who}`) }),
    footer: tl("report.footer"),
    ownRows: true,
    size: { width: 72, height: 12 },
    lines: () =>
      category
        ? [
            t("report.category", { label: tl(CATEGORIES.find((c) => c.id === category)!.label) }),
            t("report.comment"),
            `> ${inLine(comment.text)}_`,
          ]
        : [t("report.why"), ...CATEGORIES.map((c, i) => shown(`${i + 1}. ${tl(c.label)}`))],
    async onKey(ch, key, panel) {
      if (!category) {
        const n = Number(ch);
        if (Number.isInteger(n) && n >= 1 && n <= CATEGORIES.length) {
          category = CATEGORIES[n - 1]!.id;
          return true;
        }
        return false;
      }
      if (key.name === "escape") return false;
      // blessed reports one Enter twice, as "return" then "enter": act on "enter" only.
      if (key.name === "return") return true;
      if (key.name !== "enter") {
        comment.key(ch, key);
        return true;
      }
      try {
        await reportStatus(deps.session.rest, {
          accountId: status.account.id,
          statusIds: [status.id],
          category,
          comment: comment.text,
        });
        panel.close();
        ctx.flash(tl("report.done"));
      } catch (err) {
        ctx.flash(tl("report.couldNotReport", { why: describeError(err) }));
      }
      return true;
    },
  }).open();
}
