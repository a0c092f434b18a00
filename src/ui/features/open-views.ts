// Opening views on the stack: thread, profile, hashtag, list, search, collections.

import type { mastodon } from "masto";
import {
  accountStatuses,
  fetchAccount,
  lookupAccount,
  relationship,
  toggleAccount,
} from "../../api/accounts.js";
import { fetchContextWithRefresh } from "../../api/actions.js";
import { type AsyncRefreshHint, fetchAsyncRefresh } from "../../api/async-refresh.js";
import { systemClock } from "../../api/clock.js";
import { describeError } from "../../api/errors.js";
import { search } from "../../api/search.js";
import { isolated, type MessageKey, shown, shownRow, tl } from "../../i18n/index.js";
import { renderProfileAbout, sanitizeInline, truncateToWidth } from "../../render/index.js";
import type { Status } from "../../timeline/store.js";
import { followThreadRefresh } from "../../timeline/thread-refresh.js";
import type { TimelineSpec } from "../../timeline/timeline-spec.js";
import { confirm } from "../overlays/panel.js";
import { type ListEntry, StatusListView } from "../overlays/status-list.js";
import { closedReason, tagScopeNotice } from "../panes/closed-pane.js";
import { type PaneItem, timelinePane } from "../panes/timeline-pane.js";
import type { ActionContext, FeatureAction } from "../shell/app.js";
import type { FeatureDeps } from "../shell/deps.js";
import { BACK, hintLine } from "../shell/hints.js";

type Ctx = ActionContext<PaneItem>;
type Actions = () => Record<string, FeatureAction<PaneItem>>;

const toEntries = (statuses: readonly Status[], depth = 0): ListEntry[] =>
  statuses.filter((s) => typeof s?.id === "string").map((s) => ({ id: s.id, status: s, depth }));

/** Header rows: lines in logical order (server text in them sanitised), drawn in display order. */
/** Rows of tootty's words (logical order): against the right edge in a right-to-left interface. */
const header = (text: string[]): ListEntry => ({
  id: `header:${text[0] ?? ""}`,
  lines: (width) => text.map((l) => shownRow(l, width)),
});

/** A count from the server: anything but a finite number reads 0. */
const count = (x: unknown): number => (typeof x === "number" && Number.isFinite(x) ? x : 0);

/** What F, M and X say once done (on, off) and when refused (on, off). */
const ACCOUNT_WORDS: Record<
  "follow" | "mute" | "block",
  { done: [MessageKey, MessageKey]; failed: [MessageKey, MessageKey] }
> = {
  follow: {
    done: ["view.followed", "view.unfollowed"],
    failed: ["view.couldNotFollow", "view.couldNotUnfollow"],
  },
  mute: {
    done: ["view.mutedAcct", "view.unmuted"],
    failed: ["view.couldNotMute", "view.couldNotUnmute"],
  },
  block: {
    done: ["view.blockedAcct", "view.unblocked"],
    failed: ["view.couldNotBlock", "view.couldNotUnblock"],
  },
};

export async function openThread(deps: FeatureDeps, ctx: Ctx, actions: Actions, status: Status) {
  const target = status.reblog ?? status;
  // The toot Enter was pressed on stays selected and marked, its ancestors above it.
  const opened: ListEntry = { id: target.id, status: target, depth: 0, opened: true };
  const view = new StatusListView(deps, ctx, actions, {
    title: tl("view.threadLoading"),
    entries: [opened],
    selectId: target.id,
  }).open();
  let replies = 0;
  // Fetches the thread and shows it; the answer's Mastodon-Async-Refresh says more is coming.
  const load = async (fetching: boolean) => {
    const { ancestors, descendants, refresh } = await fetchContextWithRefresh(
      deps.session.rest,
      target.id,
    );
    // Descendants come depth-first; indent each by its distance from the toot.
    const depthOf = new Map<string, number>([[target.id, 0]]);
    const below = descendants.map((d) => {
      const depth = (depthOf.get(d.inReplyToId ?? "") ?? 0) + 1;
      depthOf.set(d.id, depth);
      return { id: d.id, status: d, depth };
    });
    const more = fetching || refresh ? ` · ${tl("thread.fetchingReplies")}` : "";
    view.setEntries(
      [...toEntries(ancestors), opened, ...below],
      tl("view.threadCounts", {
        above: ancestors.length,
        replies: tl("view.replies", { count: descendants.length }),
      }) + more,
      // Selected once, when the thread arrives: a reload with more replies leaves the selection.
      fetching ? undefined : target.id,
    );
    const added = descendants.length - replies;
    replies = descendants.length;
    const title = tl("view.threadCounts", {
      above: ancestors.length,
      replies: tl("view.replies", { count: replies }),
    });
    return { refresh, added, title };
  };
  let first: Awaited<ReturnType<typeof load>>;
  try {
    first = await load(false);
  } catch (err) {
    view.setEntries([opened], tl("view.thread"));
    ctx.flash(tl("view.couldNotLoadThread", { why: describeError(err) }));
    return;
  }
  if (first.refresh) followRefresh(deps, ctx, view, first.refresh, first.title, load);
}

/** Mastodon 4.5 fetches a thread's missing replies in the background: show them when found. */
function followRefresh(
  deps: FeatureDeps,
  ctx: Ctx,
  view: StatusListView,
  hint: AsyncRefreshHint,
  title: string,
  load: (
    fetching: boolean,
  ) => Promise<{ refresh?: AsyncRefreshHint; added: number; title: string }>,
) {
  let shownTitle = title;
  let found = 0;
  const following = followThreadRefresh(hint, {
    clock: systemClock,
    status: (id) => fetchAsyncRefresh(deps.session.rest, id),
    async reload() {
      const next = await load(true);
      shownTitle = next.title;
      found += Math.max(0, next.added);
      return next.refresh;
    },
    onEnd(end) {
      view.setTitle(shownTitle);
      if (end === "failed") ctx.flash(tl("thread.refreshFailed"));
      else if (found > 0) ctx.flash(tl("thread.newReplies", { count: found }));
      else if (end !== "gave-up") ctx.flash(tl("thread.noNewReplies"));
    },
  });
  view.onClose(() => following.cancel());
}

function relationshipWords(r: mastodon.v1.Relationship | undefined): string {
  if (!r) return "";
  const parts: string[] = [];
  if (r.following) parts.push(tl("view.youFollow"));
  else if (r.requested) parts.push(tl("view.followRequested"));
  if (r.followedBy) parts.push(tl("view.followsYou"));
  if (r.muting) parts.push(tl("view.muted"));
  if (r.blocking) parts.push(tl("view.blocked"));
  return parts.length ? parts.join(" · ") : tl("view.notFollowing");
}

export async function openProfile(
  deps: FeatureDeps,
  ctx: Ctx,
  actions: Actions,
  who: { id?: string; acct?: string },
) {
  const rest = deps.session.rest;
  let account: mastodon.v1.Account;
  try {
    if (who.id) account = await fetchAccount(rest, who.id);
    else {
      // Resolve remote accounts through search (resolve=true): one lookup away.
      const found = await search(rest, `@${who.acct}`, 1);
      const hit = found.accounts[0];
      account = hit ?? (await lookupAccount(rest, who.acct ?? ""));
    }
  } catch (err) {
    ctx.flash(tl("view.couldNotOpenProfile", { why: describeError(err) }));
    return;
  }
  const acct = sanitizeInline(account.acct);
  let rel: mastodon.v1.Relationship | undefined;
  // The name, bio and fields as the render room lays out a profile (wrapped, each in the
  // direction of its own text); the counts and the relationship are tootty's own words.
  const headerEntry = (): ListEntry => ({
    id: `header:@${acct}`,
    lines: (width) => {
      const opts = { width, theme: deps.theme, unicode: deps.unicode };
      const [name = "", ...about] = renderProfileAbout(account, opts);
      const words = [
        tl("view.profileCounts", {
          posts: tl("profile.posts", { count: count(account.statusesCount) }),
          following: count(account.followingCount),
          followers: tl("profile.followers", { count: count(account.followersCount) }),
        }),
        tl("view.relationship", { words: relationshipWords(rel) || "…" }),
      ];
      return [name, ...words.map((l) => truncateToWidth(shown(l), width)), ...about, ""];
    },
  });
  // Their toots are a feed like a pane's (paging, edits, deletes, its state in the title); the
  // pinned ones are fetched apart and shown above it, marked, as their profile shows them.
  const feed = deps.session.openFeed(`account:${account.id}`, {
    storeSize: deps.settings.bufferSize,
  });
  let pinned: ListEntry[] = [];
  const toggle = async (
    v: StatusListView,
    verb: "follow" | "mute" | "block",
    field: keyof mastodon.v1.Relationship,
  ) => {
    const on = !(rel?.[field] || (verb === "follow" && rel?.requested));
    const who = { acct: `@${acct}` };
    // Blocking and unfollowing are hard to undo (a block also ends both follows): ask first.
    const asked =
      verb === "block" && on && deps.settings.confirm.block
        ? (["view.blockQuestion", "view.notBlocked"] as const)
        : verb === "follow" && !on && deps.settings.confirm.unfollow
          ? (["view.unfollowQuestion", "view.stillFollowing"] as const)
          : undefined;
    if (asked && !(await confirm(ctx, tl(asked[0], who)))) {
      ctx.flash(tl(asked[1], who));
      return;
    }
    try {
      rel = await toggleAccount(rest, account.id, on ? verb : (`un${verb}` as "unfollow"));
      ctx.flash(tl(ACCOUNT_WORDS[verb].done[on ? 0 : 1], who));
      // A block hides them everywhere, a mute too (Mastodon filters muted accounts from
      // every timeline): their toots and boosts leave every pane, view and notification now.
      if (on && verb !== "follow")
        deps.session.statusChanges.publish({
          kind: "account-hidden",
          accountId: account.id,
          by: verb === "block" ? "block" : "mute",
        });
    } catch (err) {
      ctx.flash(tl(ACCOUNT_WORDS[verb].failed[on ? 0 : 1], { why: describeError(err) }));
    }
    v.setEntries([headerEntry(), ...pinned]);
  };
  const view = new StatusListView(deps, ctx, actions, {
    title: tl("view.profile", { acct: `@${acct}` }),
    footer: hintLine(ctx.keysOf, [tl("view.profileFooter"), BACK]),
    entries: [headerEntry()],
    feed: timelinePane(`@${acct}`, feed, "public", { close: () => feed.close() }),
    onKey: (ch, _key, v) => {
      const verbs: Record<string, ["follow" | "mute" | "block", keyof mastodon.v1.Relationship]> = {
        F: ["follow", "following"],
        M: ["mute", "muting"],
        X: ["block", "blocking"],
      };
      const pick = ch ? verbs[ch] : undefined;
      if (!pick) return false;
      // Not awaited: the question's answer is the next key, and keys come one at a time.
      void toggle(v, ...pick);
      return true;
    },
  }).open();
  const [r, pins] = await Promise.all([
    relationship(rest, account.id).catch(() => undefined),
    accountStatuses(rest, account.id, {}, { pinned: true }).catch((err: unknown) => {
      ctx.flash(tl("view.couldNotLoadPinned", { why: describeError(err) }));
      return [];
    }),
  ]);
  rel = r;
  // Mastodon sends `pinned` only on the reader's own toots: these say so whoever wrote them.
  // Their ids are their own, as the same toots come again in the feed below.
  pinned = pins.map((s) => ({ id: `pinned:${s.id}`, status: { ...s, pinned: true } }));
  view.setEntries([headerEntry(), ...pinned]);
}

/**
 * A view of a feed of its own (a hashtag, a list, direct, bookmarks, favourites): the same
 * feed a pane has.
 */
function openFeedView(
  deps: FeatureDeps,
  ctx: Ctx,
  actions: Actions,
  title: string,
  spec: TimelineSpec,
) {
  const feed = deps.session.openFeed(spec, { storeSize: deps.settings.bufferSize });
  new StatusListView(deps, ctx, actions, {
    title,
    entries: [],
    feed: timelinePane(
      shown(title),
      feed,
      spec === "direct" || spec.startsWith("list:") ? "home" : "public",
      {
        close: () => feed.close(),
      },
    ),
  }).open();
}

/** A hashtag's timeline; refused, saying why, where the server has closed hashtag feeds. */
export function openTag(deps: FeatureDeps, ctx: Ctx, actions: Actions, tag: string) {
  const spec = `tag:${tag}` as const;
  const closed = closedReason(deps.session, spec);
  if (closed) {
    ctx.flash(closed);
    return;
  }
  openFeedView(deps, ctx, actions, `#${tag}`, spec);
  const notice = tagScopeNotice(deps.session, spec);
  if (notice) ctx.flash(notice);
}

/** `title`: the list's name when known (server text, sanitised here), as its pane is titled. */
export const openList = (
  deps: FeatureDeps,
  ctx: Ctx,
  actions: Actions,
  id: string,
  title?: string,
) =>
  openFeedView(
    deps,
    ctx,
    actions,
    tl("timeline.list", { name: title ? sanitizeInline(title) : id }),
    `list:${id}`,
  );

export const openCollection = (
  deps: FeatureDeps,
  ctx: Ctx,
  actions: Actions,
  which: "bookmarks" | "favourites" | "direct",
) =>
  which === "direct"
    ? openFeedView(deps, ctx, actions, tl("view.direct"), "direct")
    : openFeedView(
        deps,
        ctx,
        actions,
        tl(which === "bookmarks" ? "view.bookmarks" : "view.favourites"),
        which,
      );

export async function openSearch(deps: FeatureDeps, ctx: Ctx, actions: Actions, query: string) {
  try {
    const found = await search(deps.session.rest, query);
    // Each account and hashtag is a row of its own, so Enter opens whichever is selected.
    // The handle, the name and the hashtag each keep their own direction (an isolate) in a
    // row laid out in the interface's: in Arabic the handle on the right, the name on its left.
    const row = (id: string, text: string, open: () => void): ListEntry => ({
      id,
      open,
      lines: (width) => [shownRow(text, width)],
    });
    const accounts = found.accounts
      .filter((a) => typeof a?.id === "string")
      .map((a) =>
        row(
          `account:${a.id}`,
          `${isolated(`@${sanitizeInline(a.acct ?? "")}`)} — ${isolated(sanitizeInline(a.displayName ?? ""))}`,
          () => void openProfile(deps, ctx, actions, { id: a.id }),
        ),
      );
    const tags = found.hashtags
      .filter((t) => typeof t?.name === "string")
      .map((t) =>
        row(`tag:${t.name}`, isolated(`#${sanitizeInline(t.name)}`), () =>
          openTag(deps, ctx, actions, t.name),
        ),
      );
    const entries: ListEntry[] = [
      header([tl("view.searchAccounts", { count: accounts.length })]),
      ...accounts,
      header([tl("view.searchHashtags", { count: tags.length })]),
      ...tags,
      header([tl("view.searchToots", { count: found.statuses.length })]),
      ...toEntries(found.statuses),
    ];
    new StatusListView(deps, ctx, actions, {
      title: tl("view.search", { query: isolated(sanitizeInline(query)) }),
      footer: hintLine(ctx.keysOf, [["hint.opens", "thread"], BACK]),
      entries,
      // The first thing found, not the "Accounts" title.
      selectId: entries.find((e) => e.open || e.status)?.id,
    }).open();
  } catch (err) {
    ctx.flash(tl("view.searchFailed", { why: describeError(err) }));
  }
}
