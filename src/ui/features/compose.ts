// Composing: `c` new toot (or the unsent draft offered at start), `r` reply, `e` edit own.
// The composer overlay lives in src/ui/compose/; the editor itself in src/compose/.
import { type Draft, DraftStore, hasContent } from "../../compose/drafts.js";
import { draftsDir } from "../../config/paths.js";
import { tl } from "../../i18n/index.js";
import type { PaneItem } from "../panes/timeline-pane.js";
import type { FeatureAction } from "../shell/app.js";
import type { FeatureDeps } from "../shell/deps.js";
import type { ComposerAction } from "./composer-actions.js";

/** Drafts with content, newest first; empty ones (a composer opened and killed) are dropped. */
export function unsentDrafts(store: DraftStore): Draft[] {
  const all = store.list();
  for (const d of all) if (!hasContent(d)) store.remove(d.id);
  return all.filter(hasContent);
}

/** The start-up offer in the status bar, or null when there is nothing to offer. */
export function draftOffer(count: number): string | null {
  if (count === 0) return null;
  return tl("drafts.unsent", { count });
}

/**
 * Called once after the app's first frame (the drafts are files to read and parse): tells the
 * user about drafts a crash left behind.
 */
export function offerDrafts(app: { flash(message: string): void }, deps: FeatureDeps): void {
  const message = draftOffer(unsentDrafts(new DraftStore(draftsDir(deps.configDir))).length);
  if (message) app.flash(message);
}

/**
 * The composer's actions. The composer (the vim editor, the counter, the overlay: ~190 KB of
 * bundle) loads on the first of them, not before the first paint; keys typed while it loads
 * wait for it (holdKeys) and reach the composer that opens.
 */
export function composeActions(deps: FeatureDeps): Record<ComposerAction, FeatureAction<PaneItem>> {
  const store = new DraftStore(draftsDir(deps.configDir));
  let loading: Promise<Record<ComposerAction, FeatureAction<PaneItem>>> | undefined;
  const load = () => {
    if (!loading) {
      // The first `c` continues the newest draft left from an earlier run: the drafts are
      // read at the first composing key, before any composer of this run has kept one, not
      // before the first paint (each is a file to read and parse).
      const continueNewest = unsentDrafts(store).length > 0;
      loading = import("./composer-actions.js").then((m) =>
        m.composerActions(deps, store, continueNewest),
      );
    }
    return loading;
  };
  const lazy =
    (action: ComposerAction): FeatureAction<PaneItem> =>
    async (ctx) => {
      const actions = await ctx.holdKeys(load());
      return actions[action](ctx);
    };
  return {
    compose: lazy("compose"),
    reply: lazy("reply"),
    quote: lazy("quote"),
    edit: lazy("edit"),
  };
}
