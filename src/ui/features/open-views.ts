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
import { collection, search } from "../../api/search.js";
import { t } from "../../i18n/index.js";
import { sanitizeInline, sanitizeText, truncateToWidth } from "../../render/index.js";
import type { Status } from "../../timeline/store.js";
import { followThreadRefresh } from "../../timeline/thread-refresh.js";
import type { TimelineSpec } from "../../timeline/timeline-spec.js";
import { type ListEntry, StatusListView } from "../overlays/status-list.js";
import { type PaneItem, timelinePane } from "../panes/timeline-pane.js";
import type { ActionContext, FeatureAction } from "../shell/app.js";
import type { FeatureDeps } from "../shell/deps.js";
import { htmlToText } from "./plain-text.js";

type Ctx = ActionContext<PaneItem>;
type Actions = () => Record<string, FeatureAction<PaneItem>>;

const toEntries = (statuses: readonly Status[], depth = 0): ListEntry[] =>
  statuses.filter((s) => typeof s?.id === "string").map((s) => ({ id: s.id, status: s, depth }));

const header = (text: string[]): ListEntry => ({
  id: `header:${text[0] ?? ""}`,
  lines: (width) => text.map((l) => truncateToWidth(l, width)),
});

export async function openThread(deps: FeatureDeps, ctx: Ctx, actions: Actions, status: Status) {
  const target = status.reblog ?? status;
  // The toot Enter was pressed on stays selected and marked, its ancestors above it.
  const opened: ListEntry = { id: target.id, status: target, depth: 0, opened: true };
  const view = new StatusListView(deps, ctx, actions, {
    title: "Thread (loading…)",
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
    const more = fetching || refresh ? ` · ${t("thread.fetchingReplies")}` : "";
    view.setEntries(
      [...toEntries(ancestors), opened, ...below],
      `Thread · ${ancestors.length} above · ${descendants.length} replies${more}`,
      target.id,
    );
    const added = descendants.length - replies;
    replies = descendants.length;
    return { refresh, added, title: `Thread · ${ancestors.length} above · ${replies} replies` };
  };
  let first: Awaited<ReturnType<typeof load>>;
  try {
    first = await load(false);
  } catch (err) {
    view.setEntries([opened], "Thread");
    ctx.flash(`Could not load the thread: ${describeError(err)}`);
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
      if (end === "failed") ctx.flash(t("thread.refreshFailed"));
      else if (found > 0) ctx.flash(t("thread.newReplies", { count: found }));
      else if (end !== "gave-up") ctx.flash(t("thread.noNewReplies"));
    },
  });
  view.onClose(() => following.cancel());
}

function relationshipWords(r: mastodon.v1.Relationship | undefined): string {
  if (!r) return "";
  const parts: string[] = [];
  if (r.following) parts.push("you follow them");
  else if (r.requested) parts.push("follow requested");
  if (r.followedBy) parts.push("follows you");
  if (r.muting) parts.push("muted");
  if (r.blocking) parts.push("blocked");
  return parts.length ? parts.join(" · ") : "not following";
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
    ctx.flash(`Could not open the profile: ${describeError(err)}`);
    return;
  }
  let rel: mastodon.v1.Relationship | undefined;
  const headerEntry = (): ListEntry => {
    const fields = (account.fields ?? []).map(
      (f) => `  ${sanitizeInline(f.name ?? "")}: ${sanitizeInline(htmlToText(f.value ?? ""))}`,
    );
    const bio = sanitizeText(htmlToText(account.note ?? "")).split("\n");
    return header([
      `${sanitizeInline(account.displayName || account.username)} @${sanitizeInline(account.acct)}`,
      `${account.statusesCount ?? 0} toots · ${account.followingCount ?? 0} following · ${account.followersCount ?? 0} followers`,
      `Relationship: ${relationshipWords(rel) || "…"}`,
      ...bio,
      ...fields,
      "",
    ]);
  };
  const view = new StatusListView(deps, ctx, actions, {
    title: `Profile @${sanitizeInline(account.acct)}`,
    footer: "F follow · M mute · X block · Esc back",
    entries: [headerEntry()],
    onKey: async (ch, _key, v) => {
      const verbs: Record<string, ["follow" | "mute" | "block", keyof mastodon.v1.Relationship]> = {
        F: ["follow", "following"],
        M: ["mute", "muting"],
        X: ["block", "blocking"],
      };
      const pick = ch ? verbs[ch] : undefined;
      if (!pick) return false;
      const [verb, field] = pick;
      const on = !(rel?.[field] || (verb === "follow" && rel?.requested));
      try {
        rel = await toggleAccount(rest, account.id, on ? verb : (`un${verb}` as "unfollow"));
        const done = { follow: "Followed", mute: "Muted", block: "Blocked" }[verb];
        ctx.flash(`${on ? done : `Un${done.toLowerCase()}`} @${sanitizeInline(account.acct)}`);
      } catch (err) {
        ctx.flash(`Could not ${on ? "" : "un"}${verb}: ${describeError(err)}`);
      }
      v.setEntries([headerEntry(), ...v.currentStatuses()]);
      return true;
    },
  }).open();
  try {
    const [r, statuses] = await Promise.all([
      relationship(rest, account.id).catch(() => undefined),
      accountStatuses(rest, account.id),
    ]);
    rel = r;
    view.setEntries([headerEntry(), ...toEntries(statuses)]);
  } catch (err) {
    ctx.flash(`Could not load their toots: ${describeError(err)}`);
  }
}

/** A view of a live feed of its own (a hashtag, a list, direct): the same feed a pane has. */
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
      title,
      feed,
      spec === "direct" || spec.startsWith("list:") ? "home" : "public",
      {
        close: () => feed.close(),
      },
    ),
  }).open();
}

/** Statuses fetched once (bookmarks, favourites): edits and deletes reach them, new ones do not. */
export async function openStatuses(
  deps: FeatureDeps,
  ctx: Ctx,
  actions: Actions,
  title: string,
  load: () => Promise<Status[]>,
) {
  const view = new StatusListView(deps, ctx, actions, {
    title: `${title} (loading…)`,
    entries: [],
  }).open();
  try {
    view.setEntries(toEntries(await load()), title);
  } catch (err) {
    view.setEntries([], title);
    ctx.flash(`Could not load ${title}: ${describeError(err)}`);
  }
}

export const openTag = (deps: FeatureDeps, ctx: Ctx, actions: Actions, tag: string) =>
  openFeedView(deps, ctx, actions, `#${tag}`, `tag:${tag}`);

/** `title`: the list's name when known (server text, sanitised here), as its pane is titled. */
export const openList = (
  deps: FeatureDeps,
  ctx: Ctx,
  actions: Actions,
  id: string,
  title?: string,
) => openFeedView(deps, ctx, actions, `List ${title ? sanitizeInline(title) : id}`, `list:${id}`);

export const openCollection = (
  deps: FeatureDeps,
  ctx: Ctx,
  actions: Actions,
  which: "bookmarks" | "favourites" | "direct",
) =>
  which === "direct"
    ? openFeedView(deps, ctx, actions, "Direct messages", "direct")
    : openStatuses(deps, ctx, actions, which[0]!.toUpperCase() + which.slice(1), () =>
        collection(deps.session.rest, which),
      );

export async function openSearch(deps: FeatureDeps, ctx: Ctx, actions: Actions, query: string) {
  try {
    const found = await search(deps.session.rest, query);
    // Each account and hashtag is a row of its own, so Enter opens whichever is selected.
    const row = (id: string, text: string, open: () => void): ListEntry => ({
      id,
      open,
      lines: (width) => [truncateToWidth(text, width)],
    });
    const accounts = found.accounts
      .filter((a) => typeof a?.id === "string")
      .map((a) =>
        row(
          `account:${a.id}`,
          `@${sanitizeInline(a.acct ?? "")} — ${sanitizeInline(a.displayName ?? "")}`,
          () => void openProfile(deps, ctx, actions, { id: a.id }),
        ),
      );
    const tags = found.hashtags
      .filter((t) => typeof t?.name === "string")
      .map((t) =>
        row(`tag:${t.name}`, `#${sanitizeInline(t.name)}`, () =>
          openTag(deps, ctx, actions, t.name),
        ),
      );
    const entries: ListEntry[] = [
      header([`Accounts (${accounts.length}):`]),
      ...accounts,
      header([`Hashtags (${tags.length}):`]),
      ...tags,
      header([`Toots (${found.statuses.length}):`]),
      ...toEntries(found.statuses),
    ];
    new StatusListView(deps, ctx, actions, {
      title: `Search: ${query}`,
      footer: "Enter opens · Esc back",
      entries,
    }).open();
  } catch (err) {
    ctx.flash(`Search failed: ${describeError(err)}`);
  }
}
