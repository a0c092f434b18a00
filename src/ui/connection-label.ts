// The status bar's word for the account's connection: the REST queue's trouble wins (it
// blocks everything), then the socket's state.
import { formatClockTime } from "../api/errors.js";
import type { Session } from "../timeline/session.js";

export function connectionLabel(session: Session, now = Date.now()): string {
  const rest = session.rest.state;
  if (rest.kind === "rate-limited") return `rate-limited until ${formatClockTime(rest.until)}`;
  if (rest.kind === "unavailable") return rest.message;
  if (rest.kind === "unauthorized") return "token rejected — run tootty login";
  const s = session.stream.state;
  switch (s.kind) {
    case "live":
      return "live";
    case "connecting":
      return "connecting…";
    case "reconnecting":
      return `reconnecting (next try in ${Math.max(0, Math.ceil((s.nextTryAt - now) / 1000))}s)`;
    case "rejected":
      return `stream refused: ${s.reason}`;
    case "closed":
      return "offline";
  }
}
