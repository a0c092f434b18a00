// What a pane's title says about its connection: one of six states, one wording.
import { formatClockTime } from "../api/errors.js";

export type PaneState =
  | { kind: "loading" }
  | { kind: "live" }
  | { kind: "reconnecting"; nextTryAt: number }
  | { kind: "polling" }
  | { kind: "rate-limited"; until: Date }
  | { kind: "offline"; message: string }
  | { kind: "token-rejected" };

/** e.g. "live", "reconnecting (next try in 4s)", "rate-limited until 12:03:09". */
export function describePaneState(state: PaneState, now: number): string {
  switch (state.kind) {
    case "loading":
      return "loading";
    case "live":
      return "live";
    case "reconnecting": {
      const s = Math.max(0, Math.ceil((state.nextTryAt - now) / 1000));
      return `reconnecting (next try in ${s}s)`;
    }
    case "polling":
      return "polling";
    case "rate-limited":
      return `rate-limited until ${formatClockTime(state.until)}`;
    case "offline":
      return "offline";
    case "token-rejected":
      return "token rejected — run tootty login";
  }
}
