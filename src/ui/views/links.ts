// The links of a toot, numbered: links in its text (not mentions or hashtags), then its media.
import { Parser } from "htmlparser2";
import type { Status } from "../../timeline/store.js";
import { safeUrl } from "./external.js";

export interface TootLink {
  kind: "link" | "media";
  url: string;
  /** What to show beside the number (sanitised by the caller before display). */
  label: string;
}

export function linksOf(status: Status): TootLink[] {
  const out: TootLink[] = [];
  const seen = new Set<string>();
  let skipDepth = 0;
  const parser = new Parser({
    onopentag(name, attrs) {
      if (name !== "a") return;
      const cls = ` ${attrs.class ?? ""} `;
      if (cls.includes(" mention ") || cls.includes(" hashtag ")) {
        skipDepth++;
        return;
      }
      const url = safeUrl(attrs.href);
      if (url && !seen.has(url)) {
        seen.add(url);
        out.push({ kind: "link", url, label: url });
      }
    },
    onclosetag(name) {
      if (name === "a" && skipDepth > 0) skipDepth--;
    },
  });
  parser.write(typeof status.content === "string" ? status.content : "");
  parser.end();
  for (const media of status.mediaAttachments ?? []) {
    const url = safeUrl(media?.url) ?? safeUrl(media?.remoteUrl);
    if (!url || seen.has(url)) continue;
    seen.add(url);
    const what = typeof media.type === "string" ? media.type : "media";
    const desc = typeof media.description === "string" ? `: ${media.description}` : "";
    out.push({ kind: "media", url, label: `[${what}] ${url}${desc}` });
  }
  return out;
}
