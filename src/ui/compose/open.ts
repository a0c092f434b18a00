// Opens a composer overlay and handles how its session ends: posted, discarded, closed,
// or a picker asked for (drafts, language).

import type { Draft, DraftStore } from "../../compose/drafts.js";
import { scheduleStamp } from "../../compose/ex.js";
import { languageChoices } from "../../compose/language.js";
import { ComposeSession, type SessionOutcome } from "../../compose/session.js";
import { isolated, ltrUnit, tl } from "../../i18n/index.js";
import { sanitizeInline } from "../../render/index.js";
import type { ViewItem } from "../panes/viewport.js";
import type { ActionContext } from "../shell/app.js";
import type { FeatureDeps } from "../shell/deps.js";
import { BACK, hintLine } from "../shell/hints.js";
import { buildComposeDeps } from "./deps.js";
import { ComposeOverlay } from "./overlay.js";
import { PickList } from "./pick-list.js";

// The draft the last composer on a store closed with (":q" keeps it): `c` continues it.
const kept = new WeakMap<DraftStore, string>();

/** The draft id the last closed composer kept, once. */
export function takeKeptDraft(store: DraftStore): string | undefined {
  const id = kept.get(store);
  kept.delete(store);
  return id;
}

/**
 * A draft's row in the drafts list, sanitised, in logical order: when it was last changed (a
 * time today, else a date: one left-to-right unit), its kind, and its text as the user's own
 * words (an isolate in a right-to-left interface).
 */
export function draftLabel(d: Draft, now: Date = new Date()): string {
  const when = new Date(d.updatedAt);
  const sameDay = when.toDateString() === now.toDateString();
  const pad = (n: number) => String(n).padStart(2, "0");
  const stamp = sameDay
    ? `${pad(when.getHours())}:${pad(when.getMinutes())}`
    : `${when.getFullYear()}-${pad(when.getMonth() + 1)}-${pad(when.getDate())}`;
  const kind = d.editingStatusId
    ? tl("compose.draftEdit")
    : d.inReplyToId
      ? tl("compose.draftReply")
      : "";
  const own = sanitizeInline(d.text.replace(/\s+/g, " ").trim());
  const text =
    own !== ""
      ? isolated(own)
      : d.media.length
        ? tl("compose.draftMedia")
        : tl("compose.draftEmpty");
  return `${ltrUnit(stamp)}  ${kind}${text}`;
}

function posted(session: ComposeSession): string {
  if (session.draft.scheduledAt)
    return tl("compose.scheduledFor", { time: scheduleStamp(session.draft.scheduledAt) });
  return tl(session.draft.editingStatusId ? "compose.edited" : "compose.posted");
}

export function openComposer<T extends ViewItem>(
  ctx: ActionContext<T>,
  deps: FeatureDeps,
  store: DraftStore,
  session: ComposeSession,
  title: string,
): ComposeOverlay {
  const overlay: ComposeOverlay = new ComposeOverlay({
    screen: ctx.screen,
    session,
    title,
    repaint: () => ctx.repaint(),
    onOutcome: (outcome: SessionOutcome) => {
      switch (outcome.kind) {
        case "posted":
          ctx.popOverlay(overlay);
          ctx.flash(posted(session));
          return;
        case "discarded":
          ctx.popOverlay(overlay);
          ctx.flash(tl("compose.discarded"));
          return;
        case "closed":
          ctx.popOverlay(overlay);
          if (store.load(session.draft.id)) {
            kept.set(store, session.draft.id);
            ctx.flash(tl("compose.kept"));
          }
          return;
        case "list-drafts":
          pickDraft(ctx, deps, store, overlay);
          return;
        case "pick-language":
          pickLanguage(ctx, session);
          return;
      }
    },
  });
  ctx.pushOverlay(overlay);
  return overlay;
}

function pickDraft<T extends ViewItem>(
  ctx: ActionContext<T>,
  deps: FeatureDeps,
  store: DraftStore,
  current: ComposeOverlay,
): void {
  const drafts = store.list();
  const hint = hintLine(ctx.keysOf, [["hint.open", "thread"], tl("compose.draftsDeleteKey"), BACK]);
  // A delete waits for y: any other key keeps the draft.
  let deleting: Draft | null = null;
  const list: PickList<Draft> = new PickList<Draft>({
    screen: ctx.screen,
    keys: ctx,
    title: tl("compose.draftsTitle", { count: drafts.length }),
    items: drafts,
    label: (d) => draftLabel(d),
    hint,
    onKey: (ch, _key, item) => {
      if (deleting) {
        const target = deleting;
        deleting = null;
        list.setHint(hint);
        if (ch === "y") {
          store.remove(target.id);
          ctx.popOverlay(list);
          pickDraft(ctx, deps, store, current);
        }
        ctx.repaint();
        return true;
      }
      if (ch !== "d" || !item) return false;
      if (item.id === current.session.draft.id) {
        ctx.flash(tl("compose.draftOpen"));
        return true;
      }
      deleting = item;
      list.setHint(tl("compose.deleteDraft"));
      ctx.repaint();
      return true;
    },
    onPick: (draft) => {
      ctx.popOverlay(list);
      if (draft.id === current.session.draft.id) return;
      ctx.popOverlay(current);
      const fresh = store.load(draft.id) ?? draft;
      openComposer(
        ctx,
        deps,
        store,
        new ComposeSession(fresh, buildComposeDeps(ctx, deps, store)),
        tl("compose.titleDraft"),
      );
    },
    onClose: () => ctx.popOverlay(list),
  });
  ctx.pushOverlay(list);
}

function pickLanguage<T extends ViewItem>(ctx: ActionContext<T>, session: ComposeSession): void {
  const choices = languageChoices(session.state.fields.language);
  const list: PickList<(typeof choices)[number]> = new PickList({
    screen: ctx.screen,
    keys: ctx,
    title: tl("compose.languageTitle"),
    items: choices,
    label: (c) => sanitizeInline(`${c.code}  ${c.name}`),
    hint: hintLine(ctx.keysOf, [["hint.choose", "thread"], BACK, tl("compose.languageOther")]),
    onPick: (c) => {
      session.setLanguage(c.code);
      ctx.popOverlay(list);
    },
    onClose: () => ctx.popOverlay(list),
  });
  ctx.pushOverlay(list);
}
