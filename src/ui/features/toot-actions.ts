// Actions on the selected toot: boost, favourite, bookmark, delete, pin, vote, open, links,
// copy, translate, edit history, report; and follow requests in the notifications pane.
// Toggles and delete are the session's (src/timeline/status-actions.ts): here they are only
// asked for, confirmed where the settings say so, and their outcome shown.

import type { mastodon } from "masto";
import { answerFollowRequest } from "../../api/accounts.js";
import { describeError } from "../../api/errors.js";
import { tl } from "../../i18n/index.js";
import { actionTarget, type ToggleAction } from "../../timeline/status-actions.js";
import type { Status } from "../../timeline/store.js";
import { confirm } from "../overlays/panel.js";
import { openReport } from "../overlays/report-view.js";
import { openHistory, openTranslation } from "../overlays/text-views.js";
import { openVote } from "../overlays/vote-view.js";
import { markAnswered } from "../panes/follow-requests.js";
import { statusOfItem } from "../panes/status-sync.js";
import type { PaneItem } from "../panes/timeline-pane.js";
import type { ActionContext, FeatureAction } from "../shell/app.js";
import type { FeatureDeps } from "../shell/deps.js";
import { copyUrl, openInBrowserAction, openLinksList } from "./link-actions.js";
import { openMediaViewer } from "./media-viewer.js";
import { startMentionAlerts } from "./mention-alerts.js";

type Ctx = ActionContext<PaneItem>;

const TOGGLES: readonly ToggleAction[] = ["favourite", "boost", "bookmark", "pin"];

/** The toot the action is about, or a flashed reason why there is none. */
export function targetOf(ctx: Ctx): Status | undefined {
  const shown = statusOfItem(ctx.selected);
  if (!shown) {
    ctx.flash(tl("ui.noTootSelected"));
    return undefined;
  }
  return actionTarget(shown);
}

async function runToggle(deps: FeatureDeps, ctx: Ctx, action: ToggleAction): Promise<void> {
  const target = targetOf(ctx);
  if (!target) return;
  const { actions } = deps.session;
  const refused = actions.refusal(target, action);
  if (refused) {
    ctx.flash(refused);
    return;
  }
  // settings.confirm.boost: a boost reaches every follower at once, so some want a question.
  if (action === "boost" && deps.settings.confirm.boost) {
    const on = actions.turnsOn(target, action);
    if (!(await confirm(ctx, tl(on ? "ui.boostQuestion" : "ui.unboostQuestion")))) {
      ctx.flash(tl(on ? "ui.notBoosted" : "ui.stillBoosted"));
      return;
    }
  }
  const outcome = actions.toggle(target, action);
  ctx.repaint();
  ctx.flash((await outcome).message);
}

async function deleteOwn(deps: FeatureDeps, ctx: Ctx): Promise<void> {
  const target = targetOf(ctx);
  if (!target) return;
  const { actions } = deps.session;
  const refused = actions.refusal(target, "delete");
  if (refused) {
    ctx.flash(refused);
    return;
  }
  if (deps.settings.confirm.delete && !(await confirm(ctx, tl("ui.deleteQuestion")))) {
    ctx.flash(tl("ui.notDeleted"));
    return;
  }
  ctx.flash((await actions.delete(target)).message);
}

/** d on a notification row dismisses it (the whole group) on the server. */
async function dismissNotification(deps: FeatureDeps, ctx: Ctx): Promise<void> {
  const item = ctx.selected;
  if (item?.kind !== "notification") return;
  const group = item.group ?? {
    key: `ungrouped-${item.notification.id}`,
    type: String((item.notification as { type?: unknown }).type ?? ""),
    latest: item.notification,
    notifications: [item.notification],
    accounts: [],
    count: 1,
  };
  try {
    await deps.session.notifications.dismiss(group);
    ctx.flash(tl("notifications.dismissed"));
  } catch (err) {
    ctx.flash(tl("notifications.dismissFailed", { problem: describeError(err) }));
  }
}

async function answerRequest(deps: FeatureDeps, ctx: Ctx, accept: boolean): Promise<void> {
  const item = ctx.selected;
  const n = item?.kind === "notification" ? item.notification : undefined;
  if (!n || (n as { type?: string }).type !== "follow_request") {
    ctx.flash(tl("ui.selectFollowRequest"));
    return;
  }
  const account = (n as { account?: mastodon.v1.Account }).account;
  if (!account) return;
  try {
    await answerFollowRequest(deps.session.rest, account.id, accept);
    markAnswered(n.id, accept ? "accepted" : "rejected");
    ctx.flash(tl(accept ? "ui.requestAccepted" : "ui.requestRejected"));
  } catch (err) {
    ctx.flash(tl("ui.couldNotAnswer", { why: describeError(err) }));
  }
}

export function tootActions(deps: FeatureDeps): Record<string, FeatureAction<PaneItem>> {
  startMentionAlerts(deps);
  const actions: Record<string, FeatureAction<PaneItem>> = {
    delete: (ctx) =>
      ctx.selected?.kind === "notification" ? dismissNotification(deps, ctx) : deleteOwn(deps, ctx),
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
    media: (ctx) => {
      const t = targetOf(ctx);
      if (t) openMediaViewer(deps, ctx, t);
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
  for (const action of TOGGLES) actions[action] = (ctx) => runToggle(deps, ctx, action);
  return actions;
}
