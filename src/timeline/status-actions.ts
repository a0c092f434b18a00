// The user's actions on a status: favourite, boost, bookmark, pin (toggles) and delete. A toggle
// shows at once everywhere the status is drawn (a patch on the session's status bus), goes to
// the server, and on refusal rolls back the toggled field and its count only: an edit or another
// action that arrived meanwhile stays. Outcomes come back as words for the status line.
import { deleteStatus, fetchStatus, type StatusToggle, toggleStatus } from "../api/actions.js";
import { describeError, HttpError, ServerUnavailableError } from "../api/errors.js";
import type { RestClient } from "../api/rest.js";
import { type MessageKey, tl } from "../i18n/index.js";
import type { StatusBus } from "./status-bus.js";
import type { CountField, ToggleField } from "./status-change.js";
import type { Status } from "./store.js";

export type ToggleAction = "favourite" | "boost" | "bookmark" | "pin";

export interface ActionOutcome {
  ok: boolean;
  /** One line for the status bar: "Favourited", "Could not boost: server unavailable"… */
  message: string;
}

interface ToggleRule {
  field: ToggleField;
  count?: CountField;
  verbs: [on: StatusToggle, off: StatusToggle];
  /** What the status line says once the server agreed, and when it did not. */
  done: [on: MessageKey, off: MessageKey];
  failed: [on: MessageKey, off: MessageKey];
  /** Mastodon pins only the user's own toots. */
  ownOnly?: boolean;
}

const RULES: Record<ToggleAction, ToggleRule> = {
  favourite: {
    field: "favourited",
    count: "favouritesCount",
    verbs: ["favourite", "unfavourite"],
    done: ["action.favourited", "action.unfavourited"],
    failed: ["action.couldNotFavourite", "action.couldNotUnfavourite"],
  },
  boost: {
    field: "reblogged",
    count: "reblogsCount",
    verbs: ["reblog", "unreblog"],
    done: ["action.boosted", "action.unboosted"],
    failed: ["action.couldNotBoost", "action.couldNotUnboost"],
  },
  bookmark: {
    field: "bookmarked",
    verbs: ["bookmark", "unbookmark"],
    done: ["action.bookmarked", "action.unbookmarked"],
    failed: ["action.couldNotBookmark", "action.couldNotUnbookmark"],
  },
  pin: {
    field: "pinned",
    verbs: ["pin", "unpin"],
    done: ["action.pinned", "action.unpinned"],
    failed: ["action.couldNotPin", "action.couldNotUnpin"],
    ownOnly: true,
  },
};

/** An answer that may mean "already so" rather than "no": a 4xx other than 401/429, or a 500. */
function refusedInPlace(err: unknown): boolean {
  if (err instanceof HttpError) return err.status >= 400 && err.status < 500;
  return err instanceof ServerUnavailableError && err.status === 500;
}

/** Actions apply to the original of a boost. */
export function actionTarget(status: Status): Status {
  return status.reblog ?? status;
}

export interface StatusActionsDeps {
  rest: Pick<RestClient, "request">;
  changes: StatusBus;
  /** The signed-in account: pin and delete are for its own toots. */
  accountId: string;
}

export class StatusActions {
  /** Per status: the requests still going, so two quick presses reach the server in order. */
  private readonly inFlight = new Map<string, Promise<unknown>>();

  constructor(private readonly deps: StatusActionsDeps) {}

  /** True when `action` on `status` would switch it on (boost, not unboost). */
  turnsOn(status: Status, action: ToggleAction): boolean {
    return !actionTarget(status)[RULES[action].field];
  }

  /** Why `action` cannot be done on `status`, or undefined when it can. */
  refusal(status: Status, action: ToggleAction | "delete"): string | undefined {
    const own = actionTarget(status).account?.id === this.deps.accountId;
    if (action === "delete") return own ? undefined : tl("action.onlyOwnDelete");
    return RULES[action].ownOnly && !own ? tl("action.onlyOwnPin") : undefined;
  }

  toggle(status: Status, action: ToggleAction): Promise<ActionOutcome> {
    const refused = this.refusal(status, action);
    if (refused) return Promise.resolve({ ok: false, message: refused });
    const rule = RULES[action];
    const target = actionTarget(status);
    const on = !target[rule.field];
    const step = on ? 1 : -1;
    const { changes } = this.deps;
    changes.publish({
      kind: "patch",
      id: target.id,
      set: { [rule.field]: on },
      ...(rule.count ? { adjust: { [rule.count]: step } } : {}),
    });
    return this.inOrder(target.id, async () => {
      try {
        const answer = await toggleStatus(this.deps.rest, target.id, rule.verbs[on ? 0 : 1]);
        // A reblog answers the new boost wrapping the original; the others the status itself.
        const fresh = answer?.reblog?.id === target.id ? answer.reblog : answer;
        const count = rule.count && fresh?.id === target.id ? fresh[rule.count] : undefined;
        const counted =
          rule.count && typeof count === "number" && Number.isFinite(count)
            ? { [rule.count]: count }
            : {};
        // What the server now holds: the toggle as asked, its count as counted there.
        changes.publish({ kind: "patch", id: target.id, set: { [rule.field]: on, ...counted } });
        return { ok: true, message: tl(rule.done[on ? 0 : 1]) };
      } catch (err) {
        // Some servers refuse a toggle that is already in place (GoToSocial answers a second
        // favourite 404 or 500, others 422): ask what the server holds and show that.
        const truth = refusedInPlace(err) ? await this.serverState(target.id, rule) : undefined;
        if (truth) {
          changes.publish({ kind: "patch", id: target.id, set: truth.set });
          if (truth.on === on) return { ok: true, message: tl(rule.done[on ? 0 : 1]) };
        } else {
          changes.publish({
            kind: "patch",
            id: target.id,
            set: { [rule.field]: !on },
            ...(rule.count ? { adjust: { [rule.count]: -step } } : {}),
          });
        }
        return { ok: false, message: tl(rule.failed[on ? 0 : 1], { why: describeError(err) }) };
      }
    });
  }

  /** The toggled field and its count as the server holds them; undefined if it cannot say. */
  private async serverState(
    id: string,
    rule: ToggleRule,
  ): Promise<{ on: boolean; set: Record<string, unknown> } | undefined> {
    try {
      const fresh = await fetchStatus(this.deps.rest, id);
      const on = fresh?.[rule.field];
      if (fresh?.id !== id || typeof on !== "boolean") return undefined;
      const count = rule.count ? fresh[rule.count] : undefined;
      const counted =
        rule.count && typeof count === "number" && Number.isFinite(count)
          ? { [rule.count]: count }
          : {};
      return { on, set: { [rule.field]: on, ...counted } };
    } catch {
      return undefined;
    }
  }

  /** Deletes the user's own toot; it leaves every place it is shown once the server agrees. */
  delete(status: Status): Promise<ActionOutcome> {
    const refused = this.refusal(status, "delete");
    if (refused) return Promise.resolve({ ok: false, message: refused });
    const target = actionTarget(status);
    return this.inOrder(target.id, async () => {
      try {
        await deleteStatus(this.deps.rest, target.id);
        this.deps.changes.publish({ kind: "delete", id: target.id });
        return { ok: true, message: tl("action.deleted") };
      } catch (err) {
        return { ok: false, message: tl("action.couldNotDelete", { why: describeError(err) }) };
      }
    });
  }

  private inOrder<T>(id: string, job: () => Promise<T>): Promise<T> {
    const previous = this.inFlight.get(id) ?? Promise.resolve();
    const run = previous.then(job, job);
    const settled = run.catch(() => undefined);
    this.inFlight.set(id, settled);
    void settled.then(() => {
      if (this.inFlight.get(id) === settled) this.inFlight.delete(id);
    });
    return run;
  }
}
