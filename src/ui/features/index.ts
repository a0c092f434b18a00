// Every feature's actions, by keymap action name. Each feature owns its own file.
import type { FeatureAction } from "../app.js";
import type { PaneItem } from "../timeline-pane.js";
import { composeActions } from "./compose.js";
import type { FeatureDeps } from "./deps.js";
import { tootActions } from "./toot-actions.js";
import { viewActions } from "./views.js";

export type { FeatureDeps } from "./deps.js";

export function featureActions(deps: FeatureDeps): Record<string, FeatureAction<PaneItem>> {
  const all: Record<string, FeatureAction<PaneItem>> = {};
  return Object.assign(
    all,
    composeActions(deps),
    tootActions(deps),
    viewActions(deps, () => all),
  );
}
