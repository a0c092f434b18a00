// o (open in $BROWSER), O (numbered list of links and media), y (copy the URL with OSC 52).
import { isolated, shownRow, tl } from "../../i18n/index.js";
import { sanitizeInline, truncateToWidth } from "../../render/index.js";
import type { Status } from "../../timeline/store.js";
import { Panel } from "../overlays/panel.js";
import type { PaneItem } from "../panes/timeline-pane.js";
import type { ActionContext } from "../shell/app.js";
import type { FeatureDeps } from "../shell/deps.js";
import { BACK, hintLine } from "../shell/hints.js";
import { openUrl, osc52Copy, runTerminalBrowser, safeUrl } from "../terminal/external.js";
import { linksOf } from "./links.js";
import { openMediaViewer } from "./media-viewer.js";

type Ctx = ActionContext<PaneItem>;

export function statusUrl(status: Status): string | undefined {
  return safeUrl(status.url) ?? safeUrl(status.uri);
}

/** Opens `url` in $BROWSER and says so; over SSH (or with no browser) shows it instead. */
export function openAndTell(deps: FeatureDeps, ctx: Ctx, url: string): void {
  const outcome = openUrl(url, deps.env);
  if (outcome.opened) ctx.flash(tl("links.opened", { url: truncateToWidth(url, 60) }));
  else if (outcome.reason === "in-terminal") {
    const { browser } = outcome;
    void ctx
      .suspend(() => runTerminalBrowser(browser, url))
      .then((code) =>
        ctx.flash(
          code === 0
            ? tl("links.backFrom", { browser: truncateToWidth(browser, 20) })
            : tl("links.browserStatus", {
                browser: truncateToWidth(browser, 20),
                code: String(code),
              }),
        ),
      );
  }
  // Over SSH the browser would open on the wrong machine: show the URL to open by hand.
  else ctx.flash(tl(outcome.reason === "ssh" ? "links.overSsh" : "links.noBrowser", { url }));
}

export function openInBrowserAction(deps: FeatureDeps, ctx: Ctx, status: Status): void {
  const url = statusUrl(status);
  if (!url) ctx.flash(tl("links.noAddress"));
  else openAndTell(deps, ctx, url);
}

/** Where a mention or a hashtag leads inside tootty (the views room opens them). */
export interface OpenInside {
  profile(who: { id?: string; acct: string }): void;
  tag(name: string): void;
}

export function openLinksList(
  deps: FeatureDeps,
  ctx: Ctx,
  status: Status,
  inside?: OpenInside,
): void {
  const links = linksOf(status)
    .filter((l) => inside || (l.kind !== "mention" && l.kind !== "hashtag"))
    .slice(0, 9);
  if (links.length === 0) {
    ctx.flash(tl("links.none"));
    return;
  }
  new Panel(ctx, {
    title: tl("links.title"),
    footer: hintLine(ctx.keysOf, [tl("hint.open", { keys: "1-9" }), BACK]),
    ownRows: true,
    lines: (width) =>
      links.map((l, i) => shownRow(`${i + 1}. ${isolated(sanitizeInline(l.label))}`, width)),
    onKey(ch, _key, panel) {
      const n = Number(ch);
      if (!Number.isInteger(n) || n < 1 || n > links.length) return false;
      const link = links[n - 1]!;
      panel.close();
      // A picture opens in the viewer where the terminal can show pictures.
      const media = status.mediaAttachments ?? [];
      const index = media.findIndex(
        (m) => safeUrl(m?.url) === link.url || safeUrl(m?.remoteUrl) === link.url,
      );
      if (link.kind === "mention" && link.account && inside) inside.profile(link.account);
      else if (link.kind === "hashtag" && link.tag && inside) inside.tag(link.tag);
      else if (
        link.kind === "media" &&
        deps.pictures &&
        index >= 0 &&
        media[index]?.type !== "audio"
      )
        openMediaViewer(deps, ctx, status, index);
      else openAndTell(deps, ctx, link.url);
      return true;
    },
  }).open();
}

export function copyUrl(ctx: Ctx, status: Status): void {
  const url = statusUrl(status);
  if (!url) {
    ctx.flash(tl("links.noAddress"));
    return;
  }
  ctx.screen.program.write(osc52Copy(url));
  ctx.flash(tl("links.copied", { url: truncateToWidth(url, 60) }));
}
