// Edits and deletes on a server that streams nothing (Hollo has no /api/v1/streaming): polling
// with min_id brings only new toots, so a feed asks for its newest page again now and then and
// reads what changed in the statuses it holds from it. Pure: the feed does the asking.
import type { StatusChange } from "./status-change.js";
import type { Status, TimelineItem } from "./store.js";

/**
 * What the newest page (asked without max_id: everything from its oldest status up to the
 * moment it was asked) says changed in `held` (a timeline's items, newest first):
 * - an edit, for a held status (or the boosted original) whose `edited_at`, content, content
 *   warning or poll options differ from the page's copy (GoToSocial and Pleroma send no
 *   `edited_at`: the content tells);
 * - a delete, for a status held above the page's oldest held status that the page no longer
 *   has: a timeline page is every status of its span, so one missing from it was deleted (or
 *   its boost undone). Only statuses in `askedWith` (held when the page was asked for) are
 *   judged: one that came meanwhile (the user's own new toot) is newer than the page. Nothing
 *   below the page's span is judged.
 */
export function pageChanges(
  held: readonly TimelineItem[],
  page: readonly Status[],
  askedWith: ReadonlySet<string>,
): StatusChange[] {
  const fresh = new Map(page.map((s) => [s.id, s]));
  const changes: StatusChange[] = [];
  let last = -1;
  for (let i = 0; i < held.length; i++) {
    const item = held[i]!;
    if (item.kind !== "status" || !fresh.has(item.id)) continue;
    last = i;
    const now = fresh.get(item.id)!;
    const was = item.status.reblog ?? item.status;
    const is = now.reblog ?? now;
    if (was.id === is.id && edited(was, is)) changes.push({ kind: "edit", status: is });
  }
  for (let i = 0; i < last; i++) {
    const item = held[i]!;
    if (item.kind === "status" && !fresh.has(item.id) && askedWith.has(item.id))
      changes.push({ kind: "delete", id: item.id });
  }
  return changes;
}

function edited(was: Status, is: Status): boolean {
  return (
    (is.editedAt ?? null) !== (was.editedAt ?? null) ||
    is.content !== was.content ||
    is.spoilerText !== was.spoilerText ||
    pollWords(is) !== pollWords(was)
  );
}

const pollWords = (s: Status): string =>
  s.poll ? s.poll.options.map((o) => o.title).join("\u0000") : "";
