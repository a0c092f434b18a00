// Which panes are open, in what order, how wide (a relative share of the screen) and how
// many toots each keeps in memory. Written either as a name or as an object:
//   "panes": ["home", {"timeline": "tag:rust", "width": 2, "bufferSize": 500}]
import { tl } from "../i18n/index.js";
import { quoteValue } from "./one-line.js";
import { integerIn, invalid, isPlainObject, type Warn, warnUnknownKeys } from "./settings-check.js";

export interface PaneSetting {
  /** "home" | "local" | "federated" | "notifications" | "tag:NAME" | "list:ID" */
  timeline: string;
  /** Relative share of the screen width (1 = an equal share). */
  width: number;
  /** How many toots the pane keeps; older ones are dropped and reloaded on demand. */
  bufferSize: number;
}

export const DEFAULT_PANES = ["home", "local", "federated", "notifications"] as const;
export const MAX_PANES = 6;
export const BUFFER_MIN = 50;
export const BUFFER_MAX = 100_000;

export function isTimelineName(value: unknown): value is string {
  if (typeof value !== "string") return false;
  if (["home", "local", "federated", "notifications", "direct"].includes(value)) return true;
  return /^tag:[\p{L}\p{N}_]{1,100}$/u.test(value) || /^list:[A-Za-z0-9]{1,40}$/.test(value);
}

// The lists of panes the user did not choose (no `panes` in the config file, or none usable):
// a server that closes one of these timelines just goes without that pane, while a pane the
// user asked for is shown, saying the server closed it. Kept beside the list, not in it, so
// the settings still read and write as the config file spells them.
const chosenByDefault = new WeakSet<readonly PaneSetting[]>();

export function defaultPanes(bufferSize: number): PaneSetting[] {
  const panes = DEFAULT_PANES.map((timeline) => ({ timeline, width: 1, bufferSize }));
  chosenByDefault.add(panes);
  return panes;
}

/** Whether `panes` is the default list (the config file did not name its panes). */
export function panesAreDefault(panes: readonly PaneSetting[]): boolean {
  return chosenByDefault.has(panes);
}

function pane(i: number, raw: unknown, bufferSize: number, warn: Warn): PaneSetting | undefined {
  const key = `panes[${i}]`;
  const spec = typeof raw === "string" ? { timeline: raw } : raw;
  if (!isPlainObject(spec) || !isTimelineName(spec.timeline)) {
    const shown = isPlainObject(spec) ? spec.timeline : raw;
    warn(tl("config.notTimeline", { key, value: quoteValue(shown) }));
    return undefined;
  }
  warnUnknownKeys(key, spec, ["timeline", "width", "bufferSize"], warn);
  let width = 1;
  if (spec.width !== undefined) {
    if (typeof spec.width === "number" && spec.width > 0 && spec.width <= 100) width = spec.width;
    else warn(invalid(`${key}.width`, spec.width, tl("config.expectWidth"), 1));
  }
  return {
    timeline: spec.timeline,
    width,
    bufferSize: integerIn(
      `${key}.bufferSize`,
      spec.bufferSize,
      BUFFER_MIN,
      BUFFER_MAX,
      bufferSize,
      warn,
    ),
  };
}

export function validatePanes(raw: unknown, bufferSize: number, warn: Warn): PaneSetting[] {
  if (raw === undefined) return defaultPanes(bufferSize);
  if (!Array.isArray(raw)) {
    warn(invalid("panes", raw, tl("config.expectPaneList"), DEFAULT_PANES));
    return defaultPanes(bufferSize);
  }
  if (raw.length > MAX_PANES) {
    warn(tl("config.tooManyPanes", { count: raw.length, max: MAX_PANES }));
  }
  const panes = raw
    .slice(0, MAX_PANES)
    .map((entry, i) => pane(i, entry, bufferSize, warn))
    .filter((p): p is PaneSetting => p !== undefined);
  if (panes.length === 0) {
    warn(tl("config.noValidPane", { fallback: quoteValue(DEFAULT_PANES) }));
    return defaultPanes(bufferSize);
  }
  return panes;
}
