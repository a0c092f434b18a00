// Every feature's actions, by keymap action name. Each feature owns its own file.

import type { PaneItem } from "../panes/timeline-pane.js";
import type { FeatureAction } from "../shell/app.js";
import type { FeatureDeps } from "../shell/deps.js";
import { composeActions } from "./compose.js";
import { tootActions } from "./toot-actions.js";
import { viewActions } from "./views.js";

export type { FeatureDeps } from "../shell/deps.js";

export function featureActions(deps: FeatureDeps): Record<string, FeatureAction<PaneItem>> {
  const all: Record<string, FeatureAction<PaneItem>> = {};
  return Object.assign(
    all,
    composeActions(deps),
    tootActions(deps),
    viewActions(deps, () => all),
  );
}
