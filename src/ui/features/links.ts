// Where a toot leads, numbered: links in its text, its media, then the people it mentions and
// its hashtags (those open inside tootty: a profile, a hashtag timeline).
import { Parser } from "htmlparser2";
import type { Status } from "../../timeline/store.js";
import { safeUrl } from "../terminal/external.js";

export interface TootLink {
  kind: "link" | "media" | "mention" | "hashtag";
  url: string;
  /** A mention: the account (id from the status's `mentions`, where it is listed). */
  account?: { id?: string; acct: string };
  /** A hashtag: its name, without "#". */
  tag?: string;
  /** What to show beside the number (sanitised by the caller before display). */
  label: string;
}

export function linksOf(status: Status): TootLink[] {
  const out: TootLink[] = [];
  const seen = new Set<string>();
  const people: TootLink[] = [];
  const tags: TootLink[] = [];
  let skipDepth = 0;
  // The text of the mention or hashtag link being read ("@user", "#tag").
  let inside: { kind: "mention" | "hashtag"; href: string; text: string } | null = null;
  const parser = new Parser({
    ontext(text) {
      if (inside) inside.text += text;
    },
    onopentag(name, attrs) {
      if (name !== "a") return;
      const cls = ` ${attrs.class ?? ""} `;
      if (cls.includes(" mention ") || cls.includes(" hashtag ")) {
        skipDepth++;
        inside = {
          kind: cls.includes(" hashtag ") ? "hashtag" : "mention",
          href: attrs.href ?? "",
          text: "",
        };
        return;
      }
      const url = safeUrl(attrs.href);
      if (url && !seen.has(url)) {
        seen.add(url);
        out.push({ kind: "link", url, label: url });
      }
    },
    onclosetag(name) {
      if (name !== "a" || skipDepth === 0) return;
      skipDepth--;
      if (inside) {
        const link = mentionOrTag(status, inside, seen);
        if (link) (link.kind === "mention" ? people : tags).push(link);
      }
      inside = null;
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
  return [...out, ...people, ...tags];
}

/** The account or tag a mention/hashtag link names: the status's own lists first (ids). */
function mentionOrTag(
  status: Status,
  link: { kind: "mention" | "hashtag"; href: string; text: string },
  seen: Set<string>,
): TootLink | null {
  const url = safeUrl(link.href);
  if (!url || seen.has(url)) return null;
  seen.add(url);
  if (link.kind === "mention") {
    const known = (status.mentions ?? []).find((m) => safeUrl(m?.url) === url);
    const acct = typeof known?.acct === "string" ? known.acct : link.text.replace(/^@/, "");
    if (!acct) return null;
    return {
      kind: "mention",
      url,
      account: { ...(typeof known?.id === "string" ? { id: known.id } : {}), acct },
      label: `@${acct}`,
    };
  }
  const known = (status.tags ?? []).find((t) => safeUrl(t?.url) === url);
  const tag = (typeof known?.name === "string" ? known.name : link.text).replace(/^#/, "");
  if (!tag) return null;
  return { kind: "hashtag", url, tag, label: `#${tag}` };
}
