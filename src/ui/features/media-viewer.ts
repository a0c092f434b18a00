// The media viewer (i, or a picture chosen in O): one attachment at a time, as large as the
// screen allows, its alt text in full below it. Opening it is the reader's choice to look, so
// sensitive pictures are shown here.
import type { mastodon } from "masto";
import { sanitizeInline, truncateToWidth, wrapPlainText } from "../../render/index.js";
import type { Status } from "../../timeline/store.js";
import { Panel } from "../overlays/panel.js";
import type { PaneItem } from "../panes/timeline-pane.js";
import type { ActionContext } from "../shell/app.js";
import type { FeatureDeps } from "../shell/deps.js";
import { safeUrl } from "../terminal/external.js";
import { openAndTell } from "./link-actions.js";

type Ctx = ActionContext<PaneItem>;

export function openMediaViewer(deps: FeatureDeps, ctx: Ctx, status: Status, first = 0): void {
  const media: readonly mastodon.v1.MediaAttachment[] = status.mediaAttachments ?? [];
  if (media.length === 0) {
    ctx.flash("No media in this toot");
    return;
  }
  let at = Math.min(Math.max(0, first), media.length - 1);
  const title = () => {
    const m = media[at]!;
    return `${sanitizeInline(String(m.type ?? "media"))} ${at + 1} of ${media.length}`;
  };
  const panel = new Panel(ctx, {
    title: title(),
    footer:
      media.length > 1 ? "n/p next/previous · o original · Esc back" : "o original · Esc back",
    lines(width) {
      const m = media[at]!;
      const rows = Math.max(2, (ctx.screen.height as number) - 8);
      const view = deps.pictures?.rows(m, width, rows, false);
      const out: string[] = view ? [...view.lines] : [];
      if (!deps.pictures) out.push("(pictures are off: the images setting, or no colours)");
      else if (view?.kind === "failed") out.push(`(not shown: ${view.reason ?? "unknown"})`);
      else if (view?.kind === "placeholder") out.push("loading…");
      out.push("");
      const alt = typeof m.description === "string" ? sanitizeInline(m.description) : "";
      out.push(...(alt ? wrapPlainText(alt, width) : ["no description"]));
      return out.map((l) => truncateToWidth(l, width));
    },
    onKey(ch, key) {
      const action = ctx.keyAction(ch, key, "media");
      if (action === "mediaNext" || action === "mediaPrev") {
        const step = action === "mediaNext" ? 1 : -1;
        at = (at + step + media.length) % media.length;
        panel.update({ title: title() });
        return true;
      }
      if (action === "openInBrowser") {
        const m = media[at]!;
        const url = safeUrl(m.url) ?? safeUrl(m.remoteUrl);
        if (!url) ctx.flash("This attachment has no web address");
        else openAndTell(deps, ctx, url);
        return true;
      }
      return false;
    },
  });
  panel.open();
}
