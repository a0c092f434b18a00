// Composing: `c` new toot, `r` reply, `e` edit own (the composer overlay lives in src/ui/compose/).
import type { FeatureAction } from "../app.js";
import type { PaneItem } from "../timeline-pane.js";
import type { FeatureDeps } from "./deps.js";

export function composeActions(_deps: FeatureDeps): Record<string, FeatureAction<PaneItem>> {
  return {};
}
