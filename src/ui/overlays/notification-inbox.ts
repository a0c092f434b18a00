// `:policy` and `:requests`: Mastodon 4.3's filtered notifications. The policy decides, for
// five kinds of sender, whether their notifications are accepted, filtered into the requests
// inbox, or dropped (docs: entities/NotificationPolicy); the inbox lists one request per
// sender whose mentions were filtered, to accept (their notifications come back, a
// `notifications_merged` event follows) or dismiss (they are deleted).
import type { mastodon } from "masto";
import { describeError } from "../../api/errors.js";
import {
  answerRequest,
  fetchPolicy,
  hasGroupedNotifications,
  type NotificationPolicy,
  type NotificationRequest,
  nextPolicyValue,
  notificationsFrom,
  POLICY_KEYS,
  type PolicyKey,
  type PolicyValue,
  requestsPage,
  updatePolicy,
} from "../../api/notifications.js";
import { isolated, type MessageKey, rtlInterface, shown, shownRow, tl } from "../../i18n/index.js";
import {
  cellWidth,
  renderAccountLine,
  renderNotificationSummary,
  truncateToWidth,
  visualBidi,
} from "../../render/index.js";
import type { PaneItem } from "../panes/timeline-pane.js";
import type { ActionContext } from "../shell/app.js";
import type { FeatureDeps } from "../shell/deps.js";
import { BACK, hintLine } from "../shell/hints.js";
import { Panel } from "./panel.js";

type Ctx = ActionContext<PaneItem>;

/** Requests are listed in pages of 40, at most this many. */
const MAX_REQUEST_PAGES = 5;

const VALUE_WORD: Record<PolicyValue, MessageKey> = {
  accept: "policy.accept",
  filter: "policy.filter",
  drop: "policy.drop",
};
const KEY_WORD: Record<PolicyKey, MessageKey> = {
  forNotFollowing: "policy.forNotFollowing",
  forNotFollowers: "policy.forNotFollowers",
  forNewAccounts: "policy.forNewAccounts",
  forPrivateMentions: "policy.forPrivateMentions",
  forLimitedAccounts: "policy.forLimitedAccounts",
};
const SET_KEYS: Record<string, PolicyValue> = { a: "accept", f: "filter", d: "drop" };

function supported(deps: FeatureDeps, ctx: Ctx, unsupported: MessageKey): boolean {
  if (hasGroupedNotifications(deps.session.instance)) return true;
  ctx.flash(tl(unsupported));
  return false;
}

/**
 * The selected row's mark, pointing at the row's words: on their left, or in a right-to-left
 * interface on their right, pointing left (a bidi step mirrors ASCII's ">", UAX #9 L4).
 */
function marker(unicode: boolean, selected: boolean): string {
  if (!selected) return "  ";
  if (!unicode) return "> ";
  return rtlInterface() ? "◀ " : "▶ ";
}

/** The policy lines: one per kind of sender with its value, then the summary. */
export function policyLines(
  policy: NotificationPolicy | undefined,
  selected: number,
  width: number,
  unicode: boolean,
): string[] {
  if (!policy) return [shownRow(tl("policy.loading"), width)];
  // Each row: the mark, the kind of sender, its value in a column. The labels are measured as
  // drawn: where tootty does the bidi an Arabic label's lam-alef pairs are one cell each, so
  // padding the logical text would leave the values' column ragged. In a right-to-left
  // interface the row runs from the right edge: mark, label, and the values on their left.
  const mirrored = rtlInterface() && visualBidi();
  const labels = POLICY_KEYS.map((k) => shown(tl(KEY_WORD[k])));
  const column = Math.min(40, Math.max(...labels.map(cellWidth)) + 2);
  const lines = POLICY_KEYS.map((key, i) => {
    const v = policy.values[key];
    const value = v ? tl(VALUE_WORD[v]) : tl("policy.unset");
    const mark = marker(unicode, i === selected);
    const label = labels[i]!;
    const gap = " ".repeat(Math.max(0, column - cellWidth(label)));
    if (!mirrored) return truncateToWidth(`${mark}${label}${gap}${shown(value)}`, width);
    const row = `${shown(value)}${gap}${label}${[...mark].reverse().join("")}`;
    // Too narrow for the column: the sentence alone, cut in reading order.
    return cellWidth(row) <= width ? row : shownRow(`${mark}${tl(KEY_WORD[key])} ${value}`, width);
  });
  return [
    ...lines,
    "",
    shownRow(tl("policy.pendingRequests", { count: policy.pendingRequestsCount }), width),
    shownRow(tl("policy.pendingNotifications", { count: policy.pendingNotificationsCount }), width),
  ];
}

export function openPolicy(deps: FeatureDeps, ctx: Ctx): void {
  if (!supported(deps, ctx, "policy.unsupported")) return;
  const rest = deps.session.rest;
  let policy: NotificationPolicy | undefined;
  let selected = 0;
  const panel = new Panel(ctx, {
    title: tl("policy.title"),
    ownRows: true,
    footer: hintLine(ctx.keysOf, [["hint.move", "down", "up"], tl("policy.footerKeys"), BACK]),
    lines: (width) => policyLines(policy, selected, width, ctx.unicode),
    onKey(ch, key, p) {
      const name = key.full ?? key.name ?? ch;
      // Moving is the keymap's (remaps included); the panel's own keys are its own.
      const move = ctx.keyAction(ch, key, "panels");
      if (move === "down") selected = Math.min(POLICY_KEYS.length - 1, selected + 1);
      else if (move === "up") selected = Math.max(0, selected - 1);
      else if (ch === "r") {
        p.close();
        openRequests(deps, ctx);
      } else if (
        policy &&
        (ch === " " || name === "space" || name === "enter" || (ch && SET_KEYS[ch]))
      ) {
        const key = POLICY_KEYS[selected]!;
        const value = ch && SET_KEYS[ch] ? SET_KEYS[ch]! : nextPolicyValue(policy.values[key]);
        const before = policy;
        // Shown at once; the server's answer (the whole policy) replaces it, a refusal undoes it.
        policy = { ...policy, values: { ...policy.values, [key]: value } };
        updatePolicy(rest, { [key]: value })
          .then((answer) => {
            policy = answer;
            void deps.session.notifications.refreshCounts().catch(() => {});
          })
          .catch((err) => {
            policy = before;
            ctx.flash(tl("policy.saveFailed", { problem: describeError(err) }));
          })
          .finally(() => p.update({}));
      } else return false;
      p.update({});
      return true;
    },
  });
  panel.open();
  fetchPolicy(rest)
    .then((p) => {
      policy = p;
      panel.update({});
    })
    .catch((err) => {
      panel.close();
      ctx.flash(tl("policy.loadFailed", { problem: describeError(err) }));
    });
}

function requestLines(
  deps: FeatureDeps,
  ctx: Ctx,
  requests: readonly NotificationRequest[] | undefined,
  selected: number,
  width: number,
): string[] {
  if (!requests) return [shownRow(tl("pane.loading"), width)];
  if (requests.length === 0) return [shownRow(tl("requests.empty"), width)];
  const opts = {
    width: Math.max(1, width - 2),
    theme: deps.theme,
    now: Date.now(),
    unicode: ctx.unicode,
  };
  // The mark and the indent stand where the rows start: on the right in a right-to-left
  // interface where tootty lays the rows out (renderAccountLine mirrors the row itself).
  const mirrored = rtlInterface() && visualBidi();
  const beside = (row: string, mark: string) =>
    mirrored ? `${row}${[...mark].reverse().join("")}` : `${mark}${row}`;
  return requests.flatMap((r, i) => {
    const count = tl("requests.count", { count: r.notificationsCount });
    const head = beside(
      renderAccountLine(r.account, opts, `· ${count}`),
      marker(ctx.unicode, i === selected),
    );
    const last = r.lastStatus
      ? renderNotificationSummary(
          {
            id: r.id,
            type: "mention",
            createdAt: r.updatedAt,
            account: r.account,
            status: r.lastStatus,
          } as unknown as mastodon.v1.Notification,
          opts,
        )
      : "";
    return [truncateToWidth(head, width), ...(last ? [beside(last, "  ")] : []), ""];
  });
}

export function openRequests(deps: FeatureDeps, ctx: Ctx): void {
  if (!supported(deps, ctx, "requests.unsupported")) return;
  const rest = deps.session.rest;
  let requests: NotificationRequest[] | undefined;
  let selected = 0;
  let busy = false;
  const load = async () => {
    const all: NotificationRequest[] = [];
    let page = {};
    for (let i = 0; i < MAX_REQUEST_PAGES; i++) {
      const res = await requestsPage(rest, { ...page, limit: 40 });
      all.push(...res.requests);
      if (!res.links.next || res.requests.length === 0) break;
      page = res.links.next;
    }
    return all;
  };
  const panel = new Panel(ctx, {
    title: tl("requests.title"),
    ownRows: true,
    footer: hintLine(ctx.keysOf, [["hint.move", "down", "up"], tl("requests.footerKeys"), BACK]),
    lines: (width) => requestLines(deps, ctx, requests, selected, width),
    onKey(ch, key, p) {
      const name = key.full ?? key.name ?? ch;
      const count = requests?.length ?? 0;
      const move = ctx.keyAction(ch, key, "panels");
      if (move === "down") selected = Math.min(Math.max(0, count - 1), selected + 1);
      else if (move === "up") selected = Math.max(0, selected - 1);
      else if ((ch === "a" || ch === "x") && requests?.[selected] && !busy) {
        const r = requests[selected]!;
        const verb = ch === "a" ? "accept" : "dismiss";
        busy = true;
        answerRequest(rest, r.id, verb)
          .then(() => {
            requests = requests?.filter((x) => x.id !== r.id);
            selected = Math.min(selected, Math.max(0, (requests?.length ?? 1) - 1));
            const acct = isolated(r.account.acct ?? "");
            ctx.flash(tl(verb === "accept" ? "requests.accepted" : "requests.dismissed", { acct }));
            void deps.session.notifications.refreshCounts().catch(() => {});
          })
          .catch((err) => ctx.flash(tl("requests.answerFailed", { problem: describeError(err) })))
          .finally(() => {
            busy = false;
            p.update({});
          });
      } else if (name === "enter" && requests?.[selected]) {
        openRequestNotifications(deps, ctx, requests[selected]!);
      } else return false;
      p.update({});
      return true;
    },
  });
  panel.open();
  load()
    .then((list) => {
      requests = list;
      panel.update({});
    })
    .catch((err) => {
      panel.close();
      ctx.flash(tl("requests.loadFailed", { problem: describeError(err) }));
    });
}

/** A request's notifications (filtered ones included: GET /api/v1/notifications?account_id=). */
function openRequestNotifications(deps: FeatureDeps, ctx: Ctx, r: NotificationRequest): void {
  let list: mastodon.v1.Notification[] | undefined;
  const panel = new Panel(ctx, {
    title: tl("requests.from", { acct: isolated(r.account.acct ?? "") }),
    lines: (width) => {
      if (!list) return [shownRow(tl("pane.loading"), width)];
      const opts = {
        width: Math.max(1, width),
        theme: deps.theme,
        now: Date.now(),
        unicode: ctx.unicode,
      };
      return list.map((n) => renderNotificationSummary(n, opts));
    },
  });
  panel.open();
  notificationsFrom(deps.session.rest, r.account.id, { limit: 40 })
    .then((res) => {
      list = res.notifications;
      panel.update({});
    })
    .catch((err) => {
      panel.close();
      ctx.flash(tl("requests.loadFailed", { problem: describeError(err) }));
    });
}
