// The composer's actions (c, r, Q, e), loaded with the composer on the first of them: see
// composeActions in compose.ts.
import { describeError } from "../../api/errors.js";
import { quoteRightOf } from "../../api/quotes.js";
import { statusSource } from "../../api/statuses.js";
import { type DraftStore, hasContent, newDraft } from "../../compose/drafts.js";
import { setMessage } from "../../compose/editor.js";
import { editPrefill, type ReplyParent, replyPrefill } from "../../compose/reply.js";
import { ComposeSession } from "../../compose/session.js";
import { tl } from "../../i18n/index.js";
import { sanitizeInline, truncateToWidth } from "../../render/index.js";
import { htmlToText } from "../../render/plain-text.js";
import { buildComposeDeps, defaultLanguageFor } from "../compose/deps.js";
import { openComposer, takeKeptDraft } from "../compose/open.js";
import type { PaneItem } from "../panes/timeline-pane.js";
import type { ActionContext, FeatureAction } from "../shell/app.js";
import type { FeatureDeps } from "../shell/deps.js";
import { unsentDrafts } from "./compose.js";

export type ComposerAction = "compose" | "reply" | "quote" | "edit";

/** `continueNewest`: an earlier run left drafts, so the first `c` continues the newest. */
export function composerActions(
  deps: FeatureDeps,
  store: DraftStore,
  continueNewest: boolean,
): Record<ComposerAction, FeatureAction<PaneItem>> {
  const open = (ctx: ActionContext<PaneItem>, session: ComposeSession, title: string) =>
    openComposer(ctx, deps, store, session, title);

  return {
    compose(ctx) {
      // The draft the last composer kept (":q", "Draft kept — c continues it later"), else
      // once after start the newest draft an earlier run left.
      const keptId = takeKeptDraft(store);
      const kept = keptId ? store.load(keptId) : null;
      const newest = continueNewest ? unsentDrafts(store)[0] : undefined;
      continueNewest = false;
      const draft = kept && hasContent(kept) ? kept : newest;
      if (draft) {
        open(ctx, new ComposeSession(draft, composeDepsFor(ctx)), tl("compose.titleDraft"));
        return;
      }
      const session = ComposeSession.fresh(composeDepsFor(ctx), {
        visibility: deps.settings.defaultVisibility,
        language: defaultLanguageFor(deps),
      });
      open(ctx, session, tl("compose.titleNew"));
    },
    reply(ctx) {
      const status = selectedStatus(ctx);
      if (!status) return ctx.flash(tl("compose.selectToReply"));
      const prefill = replyPrefill(status as unknown as ReplyParent, deps.session.account.acct);
      const parent = status.reblog ?? status;
      const session = ComposeSession.fresh(composeDepsFor(ctx), {
        ...prefill,
        language: prefill.language ?? defaultLanguageFor(deps),
      });
      open(ctx, session, tl("compose.titleReply", { acct: `@${parent.account.acct}` }));
    },
    // Q: a new toot quoting the selected one (Mastodon 4.5), where its author allows it.
    quote(ctx) {
      const status = selectedStatus(ctx);
      if (!status) return ctx.flash(tl("quote.selectToot"));
      if (!deps.session.profile.supports("quotes")) {
        const version = deps.session.instance.mastodonApiVersion;
        return ctx.flash(tl("quote.unsupported", { version }));
      }
      const target = status.reblog ?? status;
      const acct = sanitizeInline(target.account.acct);
      const right = quoteRightOf(target);
      if (right === "denied") return ctx.flash(tl("quote.denied", { acct }));
      const text = sanitizeInline(
        htmlToText(target.content ?? "", { withoutQuoteFallback: true })
          .replace(/\s+/g, " ")
          .trim(),
      );
      const session = ComposeSession.fresh(composeDepsFor(ctx), {
        visibility: deps.settings.defaultVisibility,
        language: defaultLanguageFor(deps),
        quote: { statusId: target.id, label: truncateToWidth(`@${acct}: ${text}`, 60) },
      });
      // Manual approval: the quote is posted, and shown once its author accepts it.
      if (right === "manual")
        session.state = setMessage(session.state, tl("quote.manual", { acct }));
      open(ctx, session, tl("quote.title", { acct }));
    },
    async edit(ctx) {
      const status = selectedStatus(ctx);
      if (!status) return ctx.flash(tl("compose.selectToEdit"));
      if (status.reblog || status.account.id !== deps.session.account.id)
        return ctx.flash(tl("compose.onlyOwnEdit"));
      let source: Awaited<ReturnType<typeof statusSource>>;
      try {
        source = await statusSource(deps.session.rest, status.id);
      } catch (err) {
        return ctx.flash(tl("compose.cannotEdit", { why: describeError(err) }));
      }
      const draft = store.save(newDraft(editPrefill(status, source)));
      open(ctx, new ComposeSession(draft, composeDepsFor(ctx)), tl("compose.titleEdit"));
    },
  };

  function composeDepsFor(ctx: ActionContext<PaneItem>) {
    return buildComposeDeps(ctx, deps, store);
  }
}

function selectedStatus(ctx: ActionContext<PaneItem>) {
  const item = ctx.selected;
  return item?.kind === "status" ? item.status : undefined;
}
