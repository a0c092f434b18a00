// Actions on the selected toot: boost, favourite, bookmark, delete, pin, vote, open, copy…
import type { FeatureAction } from "../app.js";
import type { PaneItem } from "../timeline-pane.js";
import type { FeatureDeps } from "./deps.js";

export function tootActions(_deps: FeatureDeps): Record<string, FeatureAction<PaneItem>> {
  return {};
}
