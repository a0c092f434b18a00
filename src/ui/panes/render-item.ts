// One pane row's lines: a toot through the render cache, a notification (a one-line summary
// and the status it is about), or a gap row.

import { t } from "../../i18n/index.js";
import {
  type PictureRows,
  type RenderCache,
  renderGroupAccounts,
  renderNotificationSummary,
  type Theme,
} from "../../render/index.js";
import type { NotificationGroup } from "../../timeline/notification-groups.js";
import { answeredRequest } from "./follow-requests.js";
import type { PaneItem } from "./timeline-pane.js";

export interface RenderItemOptions {
  cache: RenderCache;
  theme: Theme;
  width: number;
  expanded: boolean;
  unicode: boolean;
  now: number;
  pictures?: PictureRows;
  pictureRows?: number;
  avatars?: PictureRows;
}

export function renderPaneItem(item: PaneItem, opts: RenderItemOptions): readonly string[] {
  if (item.kind === "gap") {
    const text = item.gap.loading ? ` ${t("gap.loading")} ` : ` ${t("gap.missing")} `;
    const dash = opts.unicode ? "┄" : "-";
    const side = Math.max(0, Math.floor((opts.width - text.length) / 2));
    const line = (dash.repeat(side) + text + dash.repeat(side)).slice(0, opts.width);
    return [opts.theme.paint.notice ? opts.theme.paint.notice(line) : line];
  }
  if (item.kind === "notification")
    return renderNotificationItem(item.notification, opts, item.group);
  return opts.cache.get(item.status, {
    width: opts.width,
    theme: opts.theme,
    now: opts.now,
    expanded: opts.expanded,
    unicode: opts.unicode,
    context: item.context,
    pictures: opts.pictures,
    pictureRows: opts.pictureRows,
    ...(opts.avatars ? { avatars: opts.avatars } : {}),
  });
}

function renderNotificationItem(
  n: Extract<PaneItem, { kind: "notification" }>["notification"],
  opts: RenderItemOptions,
  group?: NotificationGroup,
): readonly string[] {
  const accounts = group?.accounts;
  const summaryOpts = {
    width: opts.width,
    theme: opts.theme,
    now: opts.now,
    unicode: opts.unicode,
  };
  const lines = [renderNotificationSummary(n, summaryOpts, accounts, group?.count)];
  // A group row opened with s lists everyone in it (a server group: once they are fetched).
  const everyone = group?.allAccounts ?? accounts;
  if (opts.expanded && everyone && (everyone.length > 1 || (group?.count ?? 0) > 1))
    lines.push(...renderGroupAccounts(everyone, summaryOpts));
  const type = String((n as { type?: unknown }).type ?? "");
  if (type === "follow_request") {
    const answer = answeredRequest(n.id);
    const words = answer === "accepted" ? "followRequest.accepted" : "followRequest.rejected";
    lines.push(`  ${t(answer ? words : "followRequest.keys")}`);
  }
  // Mentions, replies and posts are read in full; boosts and favourites only need the summary.
  const status = (n as { status?: PaneItem & object }).status as
    | Extract<PaneItem, { kind: "status" }>["status"]
    | null
    | undefined;
  if (
    status &&
    (type === "mention" || type === "status" || type === "update" || type === "quote")
  ) {
    lines.push(
      ...opts.cache.get(status, {
        width: Math.max(1, opts.width),
        theme: opts.theme,
        now: opts.now,
        expanded: opts.expanded,
        unicode: opts.unicode,
        context: "notifications",
      }),
    );
  }
  return lines;
}
