// Quote posts from the selected toot (Mastodon 4.5, API version 7): `:quotes` lists who quoted
// it, a page at a time (L, or moving to the bottom, asks for the next); on the user's own toot
// `x` revokes the selected quote after a question. `:quotepolicy` sets who may quote it.
import { describeError } from "../../api/errors.js";
import { type QuotePolicy, quotesOf, revokeQuote, setQuotePolicy } from "../../api/quotes.js";
import { quotePolicyWords } from "../../compose/quote.js";
import { tl } from "../../i18n/index.js";
import { sanitizeInline } from "../../render/index.js";
import { actionTarget } from "../../timeline/status-actions.js";
import type { Status } from "../../timeline/store.js";
import { confirm } from "../overlays/panel.js";
import { type ListEntry, StatusListView } from "../overlays/status-list.js";
import type { PaneItem } from "../panes/timeline-pane.js";
import type { ActionContext, FeatureAction } from "../shell/app.js";
import type { FeatureDeps } from "../shell/deps.js";
import { BACK, hintLine } from "../shell/hints.js";

type Ctx = ActionContext<PaneItem>;
type Actions = () => Record<string, FeatureAction<PaneItem>>;

/** Whether this server has quote posts (the server profile), or a flashed reason why not. */
function quotesAvailable(deps: FeatureDeps, ctx: Ctx): boolean {
  if (deps.session.profile.supports("quotes")) return true;
  ctx.flash(tl("quote.unsupported", { version: deps.session.instance.mastodonApiVersion }));
  return false;
}

export async function openQuotes(
  deps: FeatureDeps,
  ctx: Ctx,
  actions: Actions,
  shown: Status | undefined,
): Promise<void> {
  if (!shown) return ctx.flash(tl("quote.selectToot"));
  if (!quotesAvailable(deps, ctx)) return;
  const target = actionTarget(shown);
  const rest = deps.session.rest;
  const mine = target.account.id === deps.session.account.id;
  const acct = sanitizeInline(target.account.acct);
  const title = (count: number) => tl("quotes.title", { acct, count });
  let next: string | undefined;
  let loading = false;
  let ended = false;
  const loadKeys = deps.settings.keymap.loadMore ?? ["L"];

  const entriesOf = (statuses: readonly Status[]): ListEntry[] =>
    statuses.map((s) => ({ id: s.id, status: s }));

  const view = new StatusListView(deps, ctx, actions, {
    title: tl("quotes.loading", { acct }),
    footer: hintLine(ctx.keysOf, [
      ...(mine ? [tl("quotes.revokeKey")] : []),
      ["hint.more", "loadMore"],
      ["hint.thread", "thread"],
      BACK,
    ]),
    entries: [],
    // Not awaited: keys are handled one after another, and the question needs the next key.
    onKey: (ch, key, v) => {
      if (ch && loadKeys.includes(ch)) {
        void more(v);
        return true;
      }
      if (mine && ch === "x") {
        void revoke(v);
        return true;
      }
      if (key.name === "end" || ch === "G") void more(v);
      return false;
    },
  }).open();

  async function more(v: StatusListView): Promise<void> {
    if (loading) return;
    if (ended) {
      ctx.flash(tl("quotes.end"));
      return;
    }
    loading = true;
    try {
      const page = await quotesOf(rest, target.id, next ? { maxId: next } : {});
      next = page.nextMaxId;
      ended = next === undefined;
      const held = new Set(v.currentStatuses().map((e) => e.id));
      const added = page.statuses.filter((s) => !held.has(s.id));
      const all = [...v.currentStatuses(), ...entriesOf(added)];
      v.setEntries(all, title(all.length));
    } catch (err) {
      ctx.flash(tl("quotes.failed", { problem: describeError(err) }));
    } finally {
      loading = false;
    }
  }

  async function revoke(v: StatusListView): Promise<void> {
    const quoting = v.selected?.status;
    if (!quoting) return;
    const who = sanitizeInline(quoting.account.acct);
    if (!(await confirm(ctx, tl("quotes.revokeConfirm", { acct: who })))) {
      ctx.flash(tl("quotes.notRevoked"));
      return;
    }
    try {
      const answered = await revokeQuote(rest, target.id, quoting.id);
      // Everywhere the quoting toot is shown it now says the quote was removed.
      if (answered && typeof answered.id === "string")
        deps.session.statusChanges.publish({ kind: "edit", status: answered });
      ctx.flash(tl("quotes.revoked", { acct: who }));
    } catch (err) {
      ctx.flash(tl("quotes.revokeFailed", { problem: describeError(err) }));
    }
  }

  await more(view);
}

/** `:quotepolicy public|followers|nobody` on the user's own selected toot. */
export async function changeQuotePolicy(
  deps: FeatureDeps,
  ctx: Ctx,
  shown: Status | undefined,
  policy: QuotePolicy,
): Promise<void> {
  if (!shown) return ctx.flash(tl("quote.selectToot"));
  if (!quotesAvailable(deps, ctx)) return;
  const target = actionTarget(shown);
  if (target.account.id !== deps.session.account.id) return ctx.flash(tl("quotePolicy.notOwn"));
  try {
    const answered = await setQuotePolicy(deps.session.rest, target.id, policy);
    if (answered && typeof answered.id === "string")
      deps.session.statusChanges.publish({ kind: "edit", status: answered });
    ctx.flash(tl("quotePolicy.set", { policy: quotePolicyWords(policy) }));
  } catch (err) {
    ctx.flash(tl("quotePolicy.failed", { problem: describeError(err) }));
  }
}
