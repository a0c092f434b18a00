// Views on the stack: thread (Enter), profile (p), notifications (n), search (/), command
// line (:), help (?), and what the command line opens (hashtag, list, bookmarks, instance…).

import { describeError } from "../../api/errors.js";
import { fetchLists } from "../../api/lists.js";
import { tl } from "../../i18n/index.js";
import { actionTarget } from "../../timeline/status-actions.js";
import { parseTimelineSpec, timelineTitleWords } from "../../timeline/timeline-spec.js";
import { openAccountPicker } from "../overlays/account-picker.js";
import { CommandLine } from "../overlays/command-line.js";
import type { Command, ListChoice } from "../overlays/command-parser.js";
import { openListPicker } from "../overlays/list-picker.js";
import { openPolicy, openRequests } from "../overlays/notification-inbox.js";
import { openHelp, openInstance } from "../overlays/text-views.js";
import { closedReason, tagScopeNotice } from "../panes/closed-pane.js";
import { openPane, paneIndexOf } from "../panes/panes.js";
import { statusOfItem } from "../panes/status-sync.js";
import type { PaneItem } from "../panes/timeline-pane.js";
import type { FeatureAction } from "../shell/app.js";
import type { FeatureDeps } from "../shell/deps.js";
import { keysHint } from "../shell/hints.js";
import { openLinksList } from "./link-actions.js";
import {
  openCollection,
  openList,
  openProfile,
  openSearch,
  openTag,
  openThread,
} from "./open-views.js";
import { changeQuotePolicy, openQuotes } from "./quotes-view.js";

type Ctx = Parameters<FeatureAction<PaneItem>>[0];

/** Presses the first key bound to `action` (the shell's own actions: pane focus, quit). */
function pressBound(deps: FeatureDeps, ctx: Ctx, action: string, fallback: string): void {
  const keymap = deps.settings.keymap as Record<string, readonly string[]>;
  const key = keymap[action]?.[0] ?? fallback;
  ctx.screen.emit("keypress", key.length === 1 ? key : undefined, { name: key, full: key });
}

/**
 * `actions`: the app's whole action table (featureActions), which views run on their own
 * selection, compose's reply and edit included: one table, one draft offer, one alerter.
 */
export function viewActions(
  deps: FeatureDeps,
  actions: () => Record<string, FeatureAction<PaneItem>>,
): Record<string, FeatureAction<PaneItem>> {
  // The user's lists, for Tab completion: fetched when the command line opens, kept after.
  let lists: ListChoice[] = [];
  const refreshLists = async (): Promise<ListChoice[]> => {
    const fetched = await fetchLists(deps.session.rest);
    lists = fetched
      .filter((l) => typeof l?.id === "string" && typeof l.title === "string")
      .map((l) => ({ id: l.id, title: l.title }));
    return lists;
  };
  const commandLine = (ctx: Ctx) => {
    // A failure here only means no list names on Tab; :list says why when asked directly.
    refreshLists().catch(() => {});
    return new CommandLine(
      ctx,
      (command) => runCommand(ctx, command),
      () => lists,
    );
  };

  const addPane = (ctx: Ctx, timeline: string): void => {
    const closed = closedReason(deps.session, timeline);
    if (closed) {
      ctx.flash(closed);
      return;
    }
    const pane = openPane(deps.session, { timeline, bufferSize: deps.settings.bufferSize });
    if (!pane) {
      ctx.flash(tl("command.notTimeline", { arg: timeline }));
      return;
    }
    ctx.addPane(pane);
    const spec = parseTimelineSpec(timeline);
    const title =
      timeline === "notifications"
        ? tl("timeline.notifications")
        : spec
          ? timelineTitleWords(spec)
          : timeline;
    ctx.flash(tagScopeNotice(deps.session, timeline) ?? tl("ui.openedPane", { title }));
  };

  const runCommand = async (ctx: Ctx, command: Command): Promise<void> => {
    switch (command.kind) {
      case "tag":
        return openTag(deps, ctx, actions, command.tag);
      case "list":
        return openList(
          deps,
          ctx,
          actions,
          command.id,
          lists.find((l) => l.id === command.id)?.title,
        );
      case "listPicker":
        try {
          const found = await refreshLists();
          openListPicker(ctx, found, (id) =>
            openList(deps, ctx, actions, id, found.find((l) => l.id === id)?.title),
          );
        } catch (err) {
          ctx.flash(tl("command.couldNotLoadLists", { why: describeError(err) }));
        }
        return;
      case "profile":
        return openProfile(deps, ctx, actions, { acct: command.acct });
      case "search":
        return openSearch(deps, ctx, actions, command.query);
      case "collection":
        return openCollection(deps, ctx, actions, command.which);
      case "instance":
        return openInstance(deps, ctx);
      case "account": {
        const accounts = deps.accounts;
        if (!accounts) {
          ctx.flash(tl("command.noStoredAccounts"));
          return;
        }
        if (!command.acct) {
          openAccountPicker(ctx, accounts.list(), accounts.current, accounts.switchTo);
          return;
        }
        const wanted = command.acct.toLowerCase();
        const found = accounts.list().find((a) => a.toLowerCase() === wanted);
        if (!found) ctx.flash(tl("command.noSuchAccount", { acct: command.acct }));
        else if (found === accounts.current) ctx.flash(tl("command.already", { acct: found }));
        else accounts.switchTo(found);
        return;
      }
      case "quotes":
        return openQuotes(deps, ctx, actions, statusOfItem(ctx.selected));
      case "quotePolicy":
        return changeQuotePolicy(deps, ctx, statusOfItem(ctx.selected), command.policy);
      case "policy":
        return openPolicy(deps, ctx);
      case "requests":
        return openRequests(deps, ctx);
      case "help":
        return openHelp(ctx, deps.settings.keymap);
      case "quit":
        return pressBound(deps, ctx, "quit", "q");
      case "paneAdd":
        return addPane(ctx, command.timeline);
      case "paneClose":
        if (ctx.panes().length <= 1) {
          ctx.flash(tl("command.lastPane", { keys: keysHint(ctx.keysOf, ["quit"]) ?? ":quit" }));
          return;
        }
        ctx.removePane(ctx.paneIndex);
        return;
    }
  };

  const own: Record<string, FeatureAction<PaneItem>> = {
    thread(ctx) {
      const item = ctx.selected;
      if (item?.kind === "gap") {
        item.load?.();
        return;
      }
      const status = statusOfItem(item);
      if (status) return openThread(deps, ctx, actions, status);
    },
    profile(ctx) {
      const item = ctx.selected;
      const status = statusOfItem(item);
      const account =
        (status && actionTarget(status).account) ||
        (item?.kind === "notification" ? item.notification.account : undefined);
      if (!account) {
        ctx.flash(tl("ui.noTootSelected"));
        return;
      }
      return openProfile(deps, ctx, actions, { id: account.id });
    },
    notifications: (ctx) => {
      // Wherever the Notifications pane sits now; closed, it opens again at the end.
      const at = paneIndexOf(ctx.panes(), "notifications");
      if (at >= 0) ctx.focusPane(at);
      else addPane(ctx, "notifications");
    },
    command: (ctx) => {
      commandLine(ctx).open();
    },
    search: (ctx) => {
      const line = commandLine(ctx);
      line.prefill("search ");
      line.open();
    },
    // O, with the mentions and hashtags opening here: a profile, a hashtag timeline.
    openLinks(ctx) {
      const status = statusOfItem(ctx.selected);
      if (!status) {
        ctx.flash(tl("ui.noTootSelected"));
        return;
      }
      openLinksList(deps, ctx, actionTarget(status), {
        profile: (who) => void openProfile(deps, ctx, actions, who),
        tag: (name) => void openTag(deps, ctx, actions, name),
      });
    },
    help: (ctx) => openHelp(ctx, deps.settings.keymap),
    instance: (ctx) => openInstance(deps, ctx),
    // Escape with nothing open: nothing to go back from.
    back: () => {},
  };
  return own;
}
