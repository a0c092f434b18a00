// The status bar's words for the account's connection: the same pure derivation as every
// pane's title (timeline/pane-state.ts), over the account's facts and all open feeds' facts.
import {
  connectionFactsOf,
  deriveConnectionState,
  describePaneState,
} from "../../timeline/pane-state.js";
import type { Session } from "../../timeline/session.js";

/** The parts of a session the words come from. */
export interface ConnectionSource {
  readonly rest: Pick<Session["rest"], "state">;
  readonly stream: Pick<Session["stream"], "state">;
  openFeeds: Session["openFeeds"];
}

export function connectionLabel(
  session: ConnectionSource,
  now = Date.now(),
  brief = false,
): string {
  const conn = connectionFactsOf(session.stream.state, session.rest.state);
  const feeds = session.openFeeds().map((f) => f.facts());
  return describePaneState(deriveConnectionState(conn, feeds), now, brief);
}
