// v: vote in the toot's poll. Digits pick options (toggle for a multiple-choice poll),
// Enter sends the vote.

import { votePoll } from "../../api/actions.js";
import { describeError } from "../../api/errors.js";
import { isolated, shownRow, tl } from "../../i18n/index.js";
import { sanitizeInline } from "../../render/index.js";
import type { Status } from "../../timeline/store.js";
import type { PaneItem } from "../panes/timeline-pane.js";
import type { ActionContext } from "../shell/app.js";
import type { FeatureDeps } from "../shell/deps.js";
import { Panel } from "./panel.js";

export function openVote(deps: FeatureDeps, ctx: ActionContext<PaneItem>, status: Status): void {
  const poll = status.poll;
  if (!poll) {
    ctx.flash(tl("vote.noPoll"));
    return;
  }
  if (poll.expired) {
    ctx.flash(tl("vote.ended"));
    return;
  }
  if (poll.voted) {
    ctx.flash(tl("vote.already"));
    return;
  }
  const options = (poll.options ?? []).slice(0, 9);
  const chosen = new Set<number>();
  let sending = false;
  new Panel(ctx, {
    title: tl(poll.multiple ? "vote.titleMultiple" : "vote.title"),
    footer: tl("vote.footer"),
    size: { width: 70, height: options.length + 5 },
    ownRows: true,
    lines: (width) =>
      options.map((o, i) =>
        shownRow(
          `${chosen.has(i) ? "[x]" : "[ ]"} ${i + 1}. ${isolated(sanitizeInline(o.title ?? ""))}`,
          width,
        ),
      ),
    async onKey(ch, key, panel) {
      const n = Number(ch);
      if (Number.isInteger(n) && n >= 1 && n <= options.length) {
        if (!poll.multiple) chosen.clear();
        if (chosen.has(n - 1)) chosen.delete(n - 1);
        else chosen.add(n - 1);
        return true;
      }
      // blessed reports one Enter twice, as "return" then "enter": act on "enter" only.
      if (key.name === "return") return true;
      if (key.name !== "enter") return false;
      if (sending) return true;
      if (chosen.size === 0) {
        ctx.flash(tl("vote.chooseFirst"));
        return true;
      }
      sending = true;
      try {
        const updated = await votePoll(deps.session.rest, poll.id, [...chosen].sort());
        deps.session.statusChanges.publish({
          kind: "patch",
          id: status.id,
          set: { poll: updated },
        });
        panel.close();
        ctx.flash(tl("vote.voted"));
      } catch (err) {
        ctx.flash(tl("vote.couldNotVote", { why: describeError(err) }));
      } finally {
        sending = false;
      }
      return true;
    },
  }).open();
}
