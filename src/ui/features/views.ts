// Views on the stack: thread, profile, hashtag, list, search, help, instance, command line.
import type { FeatureAction } from "../app.js";
import type { PaneItem } from "../timeline-pane.js";
import type { FeatureDeps } from "./deps.js";

export function viewActions(_deps: FeatureDeps): Record<string, FeatureAction<PaneItem>> {
  return {};
}
