// !: report the toot to its server's moderators: a category, then an optional comment.
import { type ReportCategory, reportStatus } from "../../api/actions.js";
import { describeError } from "../../api/errors.js";
import { sanitizeInline } from "../../render/index.js";
import type { Status } from "../../timeline/store.js";
import type { PaneItem } from "../panes/timeline-pane.js";
import type { ActionContext } from "../shell/app.js";
import type { FeatureDeps } from "../shell/deps.js";
import { LineInput } from "./line-input.js";
import { Panel } from "./panel.js";

const CATEGORIES: { id: ReportCategory; label: string }[] = [
  { id: "spam", label: "Spam" },
  { id: "legal", label: "Illegal content" },
  { id: "violation", label: "Breaks the server's rules" },
  { id: "other", label: "Something else" },
];

export function openReport(deps: FeatureDeps, ctx: ActionContext<PaneItem>, status: Status): void {
  let category: ReportCategory | undefined;
  const comment = new LineInput();
  const who = sanitizeInline(status.account?.acct ?? "?");
  new Panel(ctx, {
    title: `Report @${who}`,
    footer: "1-4 category · type a comment · Enter send · Esc cancel",
    size: { width: 72, height: 12 },
    lines: () =>
      category
        ? [
            `Category: ${CATEGORIES.find((c) => c.id === category)?.label}`,
            "Comment (optional), Enter sends:",
            `> ${comment.text}_`,
          ]
        : ["Why are you reporting this toot?", ...CATEGORIES.map((c, i) => `${i + 1}. ${c.label}`)],
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
        ctx.flash("Reported — thank you");
      } catch (err) {
        ctx.flash(`Could not report: ${describeError(err)}`);
      }
      return true;
    },
  }).open();
}
