// Views on the stack: thread (Enter), profile (p), notifications (n), search (/), command
// line (:), help (?), and what the command line opens (hashtag, list, bookmarks, instance…).

import type { FeatureAction } from "../app.js";
import { NOTIFICATIONS_PANE_INDEX } from "../panes.js";
import type { PaneItem } from "../timeline-pane.js";
import { CommandLine } from "../views/command-line.js";
import type { Command } from "../views/command-parser.js";
import {
  openCollection,
  openList,
  openProfile,
  openSearch,
  openTag,
  openThread,
} from "../views/open-views.js";
import { actionTarget, statusOfItem } from "../views/status-sync.js";
import { openHelp, openInstance } from "../views/text-views.js";
import { composeActions } from "./compose.js";
import type { FeatureDeps } from "./deps.js";
import { tootActions } from "./toot-actions.js";

type Ctx = Parameters<FeatureAction<PaneItem>>[0];

/** Presses the first key bound to `action` (the shell's own actions: pane focus, quit). */
function pressBound(deps: FeatureDeps, ctx: Ctx, action: string, fallback: string): void {
  const keymap = deps.settings.keymap as Record<string, readonly string[]>;
  const key = keymap[action]?.[0] ?? fallback;
  ctx.screen.emit("keypress", key.length === 1 ? key : undefined, { name: key, full: key });
}

export function viewActions(deps: FeatureDeps): Record<string, FeatureAction<PaneItem>> {
  let all: Record<string, FeatureAction<PaneItem>> | undefined;
  // Views run every action on their own selection, compose's reply and edit included.
  const actions = () => {
    all ??= { ...composeActions(deps), ...tootActions(deps), ...own };
    return all;
  };

  const runCommand = async (ctx: Ctx, command: Command): Promise<void> => {
    switch (command.kind) {
      case "tag":
        return openTag(deps, ctx, actions, command.tag);
      case "list":
        return openList(deps, ctx, actions, command.id);
      case "profile":
        return openProfile(deps, ctx, actions, { acct: command.acct });
      case "search":
        return openSearch(deps, ctx, actions, command.query);
      case "collection":
        return openCollection(deps, ctx, actions, command.which);
      case "instance":
        return openInstance(deps, ctx);
      case "help":
        return openHelp(ctx, deps.settings.keymap);
      case "quit":
        return pressBound(deps, ctx, "quit", "q");
      case "paneAdd":
        // The shell's pane list is fixed at start-up: show the timeline as a view instead.
        if (command.timeline.startsWith("tag:"))
          return openTag(deps, ctx, actions, command.timeline.slice(4));
        if (command.timeline.startsWith("list:"))
          return openList(deps, ctx, actions, command.timeline.slice(5));
        return openCollection(deps, ctx, actions, "direct");
      case "paneClose":
        ctx.flash("Closing panes is not available yet");
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
        ctx.flash("No toot selected");
        return;
      }
      return openProfile(deps, ctx, actions, { id: account.id });
    },
    notifications: (ctx) => ctx.focusPane(NOTIFICATIONS_PANE_INDEX),
    command: (ctx) => {
      new CommandLine(ctx, (command) => runCommand(ctx, command)).open();
    },
    search: (ctx) => {
      const line = new CommandLine(ctx, (command) => runCommand(ctx, command));
      line.prefill("search ");
      line.open();
    },
    help: (ctx) => openHelp(ctx, deps.settings.keymap),
    instance: (ctx) => openInstance(deps, ctx),
    // Escape with nothing open: nothing to go back from.
    back: () => {},
  };
  return own;
}
