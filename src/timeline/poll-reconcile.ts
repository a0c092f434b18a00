// Edits and deletes on a server that streams nothing (Hollo has no /api/v1/streaming): polling
// with min_id brings only new toots, so a feed asks for its newest page again now and then and
// reads what changed in the statuses it holds from it. Pure: the feed does the asking.

import type { Notification } from "./notifications.js";
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
    if (was.id === is.id && statusEdited(was, is)) changes.push({ kind: "edit", status: is });
  }
  for (let i = 0; i < last; i++) {
    const item = held[i]!;
    if (item.kind === "status" && !fresh.has(item.id) && askedWith.has(item.id))
      changes.push({ kind: "delete", id: item.id });
  }
  return changes;
}

/**
 * What the newest page of notifications (asked without max_id) says changed in `held` (the
 * notifications held, newest first), by the same rule as a timeline's page: the toot in a
 * notification edited, and a notification the page no longer has though it lies within the
 * page's span — its toot deleted (Mastodon deletes a status's notifications with it) or it was
 * dismissed elsewhere. Only notifications in `askedWith` are judged; none below the page.
 */
export function notificationPageChanges(
  held: readonly Notification[],
  page: readonly Notification[],
  askedWith: ReadonlySet<string>,
): { edits: Status[]; gone: Set<string> } {
  const fresh = new Map(page.map((n) => [n.id, n]));
  const edits: Status[] = [];
  let last = -1;
  for (let i = 0; i < held.length; i++) {
    const now = fresh.get(held[i]!.id);
    if (!now) continue;
    last = i;
    const was = held[i]!.status;
    const is = now.status;
    if (was && is && was.id === is.id && statusEdited(was, is)) edits.push(is);
  }
  const gone = new Set<string>();
  for (let i = 0; i < last; i++) {
    const id = held[i]!.id;
    if (!fresh.has(id) && askedWith.has(id)) gone.add(id);
  }
  return { edits, gone };
}

/**
 * Whether `is` is an edit of `was` (the same status asked for again): its edit time, or
 * where the server sends none (GoToSocial, Pleroma) its words, content warning or poll options.
 */
export function statusEdited(was: Status, is: Status): boolean {
  // A copy from before the edit held (a page asked for before it, a notification rendered
  // then) is not an edit: every later copy of an edited status carries an edit time as late.
  const heldAt = was.editedAt ? Date.parse(was.editedAt) : Number.NaN;
  const freshAt = is.editedAt ? Date.parse(is.editedAt) : Number.NaN;
  if (!Number.isNaN(heldAt) && (Number.isNaN(freshAt) || freshAt < heldAt)) return false;
  return (
    (is.editedAt ?? null) !== (was.editedAt ?? null) ||
    is.content !== was.content ||
    is.spoilerText !== was.spoilerText ||
    pollWords(is) !== pollWords(was)
  );
}

const pollWords = (s: Status): string =>
  s.poll ? s.poll.options.map((o) => o.title).join("\u0000") : "";
