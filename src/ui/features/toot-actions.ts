// Actions on the selected toot: boost, favourite, bookmark, delete, pin, vote, open, links,
// copy, translate, edit history, report; and follow requests in the notifications pane.
// Toggles show at once and roll back with a message if the server refuses.
import type { mastodon } from "masto";
import { answerFollowRequest } from "../../api/accounts.js";
import { deleteStatus, type StatusToggle, toggleStatus } from "../../api/actions.js";
import { describeError } from "../../api/errors.js";
import type { Status } from "../../timeline/store.js";
import type { ActionContext, FeatureAction } from "../app.js";
import type { PaneItem } from "../timeline-pane.js";
import { markAnswered } from "../views/follow-requests.js";
import { copyUrl, openInBrowserAction, openLinksList } from "../views/link-actions.js";
import { startMentionAlerts } from "../views/mention-alerts.js";
import { confirm } from "../views/panel.js";
import { openReport } from "../views/report-view.js";
import { actionTarget, statusOfItem } from "../views/status-sync.js";
import { openHistory, openTranslation } from "../views/text-views.js";
import { openVote } from "../views/vote-view.js";
import type { FeatureDeps } from "./deps.js";

type Ctx = ActionContext<PaneItem>;

interface Toggle {
  field: "favourited" | "reblogged" | "bookmarked" | "pinned";
  count?: "favouritesCount" | "reblogsCount";
  on: StatusToggle;
  off: StatusToggle;
  done: [string, string];
  verb: [string, string];
  ownOnly?: boolean;
}

const TOGGLES: Record<string, Toggle> = {
  favourite: {
    field: "favourited",
    count: "favouritesCount",
    on: "favourite",
    off: "unfavourite",
    done: ["Favourited", "Unfavourited"],
    verb: ["favourite", "unfavourite"],
  },
  boost: {
    field: "reblogged",
    count: "reblogsCount",
    on: "reblog",
    off: "unreblog",
    done: ["Boosted", "Unboosted"],
    verb: ["boost", "unboost"],
  },
  bookmark: {
    field: "bookmarked",
    on: "bookmark",
    off: "unbookmark",
    done: ["Bookmarked", "Removed the bookmark"],
    verb: ["bookmark", "remove the bookmark"],
  },
  pin: {
    field: "pinned",
    on: "pin",
    off: "unpin",
    done: ["Pinned to your profile", "Unpinned"],
    verb: ["pin", "unpin"],
    ownOnly: true,
  },
};

/** The toot the action is about, or a flashed reason why there is none. */
export function targetOf(ctx: Ctx): Status | undefined {
  const shown = statusOfItem(ctx.selected);
  if (!shown) {
    ctx.flash("No toot selected");
    return undefined;
  }
  return actionTarget(shown);
}

async function runToggle(deps: FeatureDeps, ctx: Ctx, t: Toggle): Promise<void> {
  const target = targetOf(ctx);
  if (!target) return;
  const { session } = deps;
  if (t.ownOnly && target.account?.id !== session.account.id) {
    ctx.flash(`Only your own toots can be ${t.field}`);
    return;
  }
  const on = !target[t.field];
  // settings.confirm.boost: a boost reaches every follower at once, so some want a question.
  if (t.field === "reblogged" && deps.settings.confirm.boost) {
    if (!(await confirm(ctx, on ? "Boost this toot? (y/n)" : "Undo the boost? (y/n)"))) {
      ctx.flash(on ? "Not boosted" : "Still boosted");
      return;
    }
  }
  const optimistic: Status = { ...target, [t.field]: on };
  if (t.count) {
    (optimistic as unknown as Record<string, number>)[t.count] = Math.max(
      0,
      (Number(target[t.count]) || 0) + (on ? 1 : -1),
    );
  }
  session.statusChanges.publish({ kind: "edit", status: optimistic });
  ctx.repaint();
  try {
    const answer = await toggleStatus(session.rest, target.id, on ? t.on : t.off);
    // A reblog answers the new boost wrapping the original; everything else the status.
    const fresh = answer?.reblog && answer.reblog.id === target.id ? answer.reblog : answer;
    if (fresh && fresh.id === target.id) {
      session.statusChanges.publish({ kind: "edit", status: { ...fresh, [t.field]: on } });
    }
    ctx.flash(t.done[on ? 0 : 1]!);
  } catch (err) {
    session.statusChanges.publish({ kind: "edit", status: target });
    ctx.flash(`Could not ${t.verb[on ? 0 : 1]}: ${describeError(err)}`);
  }
}

async function deleteOwn(deps: FeatureDeps, ctx: Ctx): Promise<void> {
  const target = targetOf(ctx);
  if (!target) return;
  if (target.account?.id !== deps.session.account.id) {
    ctx.flash("Only your own toots can be deleted");
    return;
  }
  if (deps.settings.confirm.delete && !(await confirm(ctx, "Delete this toot? (y/n)"))) {
    ctx.flash("Not deleted");
    return;
  }
  try {
    await deleteStatus(deps.session.rest, target.id);
    deps.session.statusChanges.publish({ kind: "delete", id: target.id });
    ctx.flash("Deleted");
  } catch (err) {
    ctx.flash(`Could not delete: ${describeError(err)}`);
  }
}

async function answerRequest(deps: FeatureDeps, ctx: Ctx, accept: boolean): Promise<void> {
  const item = ctx.selected;
  const n = item?.kind === "notification" ? item.notification : undefined;
  if (!n || (n as { type?: string }).type !== "follow_request") {
    ctx.flash("Select a follow request in Notifications first");
    return;
  }
  const account = (n as { account?: mastodon.v1.Account }).account;
  if (!account) return;
  try {
    await answerFollowRequest(deps.session.rest, account.id, accept);
    markAnswered(n.id, accept ? "accepted" : "rejected");
    ctx.flash(accept ? "Follow request accepted" : "Follow request rejected");
  } catch (err) {
    ctx.flash(`Could not answer the request: ${describeError(err)}`);
  }
}

export function tootActions(deps: FeatureDeps): Record<string, FeatureAction<PaneItem>> {
  startMentionAlerts(deps);
  const actions: Record<string, FeatureAction<PaneItem>> = {
    delete: (ctx) => deleteOwn(deps, ctx),
    vote: (ctx) => {
      const t = targetOf(ctx);
      if (t) openVote(deps, ctx, t);
    },
    openInBrowser: (ctx) => {
      const t = targetOf(ctx);
      if (t) openInBrowserAction(deps, ctx, t);
    },
    openLinks: (ctx) => {
      const t = targetOf(ctx);
      if (t) openLinksList(deps, ctx, t);
    },
    copyUrl: (ctx) => {
      const t = targetOf(ctx);
      if (t) copyUrl(ctx, t);
    },
    translate: (ctx) => {
      const t = targetOf(ctx);
      if (t) return openTranslation(deps, ctx, t);
    },
    history: (ctx) => {
      const t = targetOf(ctx);
      if (t) return openHistory(deps, ctx, t);
    },
    report: (ctx) => {
      const t = targetOf(ctx);
      if (t) openReport(deps, ctx, t);
    },
    acceptFollow: (ctx) => answerRequest(deps, ctx, true),
    rejectFollow: (ctx) => answerRequest(deps, ctx, false),
  };
  for (const [name, toggle] of Object.entries(TOGGLES)) {
    actions[name] = (ctx) => runToggle(deps, ctx, toggle);
  }
  return actions;
}
