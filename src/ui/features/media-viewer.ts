// The media viewer (i, or a picture chosen in O): one attachment at a time, as large as the
// screen allows, its alt text in full below it. Opening it is the reader's choice to look, so
// sensitive pictures are shown here.

import type { mastodon } from "masto";
import { inLine, rtlInterface, t, tl } from "../../i18n/index.js";
import {
  firstStrong,
  mediaTypeWord,
  padToWidth,
  sanitizeInline,
  truncateToWidth,
  wrapPlainText,
} from "../../render/index.js";
import type { Status } from "../../timeline/store.js";
import { Panel } from "../overlays/panel.js";
import type { PaneItem } from "../panes/timeline-pane.js";
import type { ActionContext } from "../shell/app.js";
import type { FeatureDeps } from "../shell/deps.js";
import { BACK, hintLine } from "../shell/hints.js";
import { safeUrl } from "../terminal/external.js";
import { openAndTell } from "./link-actions.js";

type Ctx = ActionContext<PaneItem>;

export function openMediaViewer(deps: FeatureDeps, ctx: Ctx, status: Status, first = 0): void {
  const media: readonly mastodon.v1.MediaAttachment[] = status.mediaAttachments ?? [];
  if (media.length === 0) {
    ctx.flash(tl("media.none"));
    return;
  }
  let at = Math.min(Math.max(0, first), media.length - 1);
  const title = () => {
    const m = media[at]!;
    const type = mediaTypeWord(m.type);
    return tl("media.position", { type, n: at + 1, total: media.length });
  };
  const panel = new Panel(ctx, {
    title: title(),
    ownRows: true,
    footer: hintLine(ctx.keysOf, [
      ...(media.length > 1 ? [["hint.nextPrevious", "mediaNext", "mediaPrev"] as const] : []),
      ["hint.original", "openInBrowser"],
      BACK,
    ]),
    lines(width) {
      const m = media[at]!;
      const rows = Math.max(2, (ctx.screen.height as number) - 8);
      const view = deps.pictures?.rows(m, width, rows, false);
      const out: string[] = view ? [...view.lines] : [];
      if (!deps.pictures) out.push(t("media.picturesOff"));
      else if (view?.kind === "failed")
        out.push(t("media.notShownReason", { reason: view.reason ?? tl("media.unknown") }));
      else if (view?.kind === "placeholder") out.push(t("media.loading"));
      out.push("");
      const alt = typeof m.description === "string" ? sanitizeInline(m.description) : "";
      // Alt text is the server's: each wrapped line in display order, its own direction, and
      // against the edge its direction starts from (the panel puts the rest on the right in a
      // right-to-left interface, the picture too).
      const ltrAlt = rtlInterface() && firstStrong(alt) !== "rtl";
      out.push(
        ...(alt
          ? wrapPlainText(alt, width).map((l) =>
              ltrAlt ? padToWidth(inLine(l, "auto"), width) : inLine(l, "auto"),
            )
          : [t("media.noDescription")]),
      );
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
        if (!url) ctx.flash(tl("media.noAddress"));
        else openAndTell(deps, ctx, url);
        return true;
      }
      return false;
    },
  });
  panel.open();
}
