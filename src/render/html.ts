// Status HTML → a small block/inline tree. A real HTML parser (htmlparser2), never regexes:
// the HTML comes from a remote server's sanitiser, and other servers than Mastodon send
// more than the documented element list (headings, nested lists, <pre><code>).
import { Parser } from "htmlparser2";

export interface InlineStyle {
  bold?: boolean;
  italic?: boolean;
  strike?: boolean;
  underline?: boolean;
  code?: boolean;
}

export type LinkKind = "url" | "mention" | "hashtag";

export type Inline =
  | { kind: "text"; text: string; style: InlineStyle }
  | { kind: "link"; linkKind: LinkKind; href: string; text: string; style: InlineStyle }
  | { kind: "break" };

export type Block =
  | { kind: "paragraph"; inlines: Inline[] }
  | { kind: "code"; text: string; lang?: string }
  | { kind: "quote"; blocks: Block[] }
  | { kind: "list"; ordered: boolean; start: number; items: Block[][] };

interface Container {
  blocks: Block[];
  list?: Extract<Block, { kind: "list" }>;
}

interface OpenLink {
  href: string;
  linkKind: LinkKind;
  text: string;
  hidden: number; // depth inside an `invisible` span
  ellipsisDepth: number[]; // element depths of open `ellipsis` spans
  style: InlineStyle;
}

const STYLE_TAGS: Record<string, keyof InlineStyle> = {
  b: "bold",
  strong: "bold",
  i: "italic",
  em: "italic",
  del: "strike",
  s: "strike",
  u: "underline",
  code: "code",
};
/** Quotes and list items deeper than this are flattened (hostile HTML can nest thousands). */
const MAX_NESTING = 16;
const HEADINGS = new Set(["h1", "h2", "h3", "h4", "h5", "h6"]);
const SKIPPED = new Set(["script", "style", "template", "head", "title"]);
const BLOCK_BREAKERS = new Set(["p", "div", "blockquote", "ul", "ol", "li", "pre", "section"]);

function classesOf(attrs: Record<string, string>): string[] {
  return (attrs.class ?? "").split(/\s+/).filter(Boolean);
}

/** Parses status HTML into blocks. Text is not yet sanitised: every leaf goes through sanitizeText later. */
export function parseStatusHtml(html: string, opts: { hideQuoteInline?: boolean } = {}): Block[] {
  const root: Container = { blocks: [] };
  const containers: Container[] = [root];
  const styles: InlineStyle[] = [{}];
  let paragraph: Inline[] | null = null;
  let link: OpenLink | null = null;
  let pre: { text: string; lang?: string } | null = null;
  let skip = 0;
  let depth = 0;
  const closers: Array<(() => void) | null> = [];

  const top = () => containers[containers.length - 1]!;
  const style = () => styles[styles.length - 1]!;
  const endParagraph = () => {
    const para: Inline[] | null = paragraph;
    if (para?.some((i) => i.kind !== "text" || i.text.trim() !== "")) {
      top().blocks.push({ kind: "paragraph", inlines: trimInlines(para) });
    }
    paragraph = null;
  };
  const inlines = () => {
    if (!paragraph) paragraph = [];
    return paragraph;
  };

  const parser = new Parser(
    {
      onopentag(name, attrs) {
        depth++;
        let closer: (() => void) | null = null;
        const classes = classesOf(attrs);
        // A quote post's "RE: <link>" fallback, for clients that cannot show quotes.
        const fallback = opts.hideQuoteInline === true && classes.includes("quote-inline");
        if (skip > 0 || SKIPPED.has(name) || fallback) {
          skip++;
          closers.push(() => skip--);
          return;
        }
        if (link) {
          if (name === "span" && classes.includes("invisible")) {
            link.hidden++;
            const l = link;
            closer = () => l.hidden--;
          } else if (name === "span" && classes.includes("ellipsis")) {
            link.ellipsisDepth.push(depth);
            const l = link;
            closer = () => {
              l.ellipsisDepth.pop();
              if (l.hidden === 0) l.text += "…";
            };
          } else if (name === "br") {
            link.text += " ";
          }
          closers.push(closer);
          return;
        }
        if (pre) {
          if (name === "br") pre.text += "\n";
          // <pre><code class="language-js">: the hint a highlighter needs (never trusted further).
          const lang = classes.find((c) => c.startsWith("language-"));
          if (name === "code" && lang && pre.lang === undefined) pre.lang = lang.slice(9);
          closers.push(null);
          return;
        }
        if (BLOCK_BREAKERS.has(name) || HEADINGS.has(name)) endParagraph();
        if (name === "br") {
          inlines().push({ kind: "break" });
        } else if (name === "pre") {
          const p: { text: string; lang?: string } = { text: "" };
          pre = p;
          closer = () => {
            top().blocks.push({
              kind: "code",
              text: p.text.replace(/^\n/, "").replace(/\n+$/, ""),
              ...(p.lang ? { lang: p.lang } : {}),
            });
            pre = null;
          };
        } else if ((name === "blockquote" || name === "li") && containers.length > MAX_NESTING) {
          // Deeper nesting than anyone writes: flatten it rather than recurse without bound.
          closer = endParagraph;
        } else if (name === "blockquote" || name === "li") {
          const c: Container = { blocks: [] };
          const parent = top();
          containers.push(c);
          if (name === "blockquote") parent.blocks.push({ kind: "quote", blocks: c.blocks });
          else if (parent.list) parent.list.items.push(c.blocks);
          else parent.blocks.push({ kind: "list", ordered: false, start: 1, items: [c.blocks] });
          closer = () => {
            endParagraph();
            containers.pop();
          };
        } else if ((name === "ul" || name === "ol") && containers.length <= MAX_NESTING) {
          const start = Number.parseInt(attrs.start ?? "1", 10);
          const list: Extract<Block, { kind: "list" }> = {
            kind: "list",
            ordered: name === "ol",
            start: Number.isFinite(start) && start >= 0 && start < 1e6 ? start : 1,
            items: [],
          };
          const parent = top();
          parent.blocks.push(list);
          const saved = parent.list;
          parent.list = list;
          closer = () => {
            parent.list = saved;
          };
        } else if (name === "a") {
          const linkKind: LinkKind = classes.includes("hashtag")
            ? "hashtag"
            : classes.includes("mention")
              ? "mention"
              : "url";
          link = {
            href: attrs.href ?? "",
            linkKind,
            text: "",
            hidden: 0,
            ellipsisDepth: [],
            style: style(),
          };
          closer = () => {
            const l = link!;
            link = null;
            inlines().push({
              kind: "link",
              linkKind: l.linkKind,
              href: l.href,
              text: l.text.replace(/\s+/g, " ").trim(),
              style: l.style,
            });
          };
        } else if (Object.hasOwn(STYLE_TAGS, name) || HEADINGS.has(name)) {
          const key = STYLE_TAGS[name] ?? "bold";
          styles.push({ ...style(), [key]: true });
          closer = () => {
            styles.pop();
            if (HEADINGS.has(name)) endParagraph();
          };
        } else if (name === "p" || name === "div") {
          closer = endParagraph;
        }
        closers.push(closer);
      },
      ontext(text) {
        if (skip > 0) return;
        if (link) {
          if (link.hidden === 0) link.text += text;
          return;
        }
        if (pre) {
          pre.text += text;
          return;
        }
        const collapsed = text.replace(/\s+/g, " ");
        if (collapsed === "") return;
        const list = inlines();
        const last = list[list.length - 1];
        const s = style();
        if (last?.kind === "text" && sameStyle(last.style, s)) last.text += collapsed;
        else list.push({ kind: "text", text: collapsed, style: s });
      },
      onclosetag() {
        depth--;
        const closer = closers.pop();
        if (closer) closer();
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  endParagraph();
  return root.blocks;
}

function sameStyle(a: InlineStyle, b: InlineStyle): boolean {
  return (
    a.bold === b.bold &&
    a.italic === b.italic &&
    a.strike === b.strike &&
    a.underline === b.underline &&
    a.code === b.code
  );
}

/** Drops the whitespace HTML source formatting leaves at the start and end of a paragraph and around breaks. */
function trimInlines(list: Inline[]): Inline[] {
  const out = list.map((i) => (i.kind === "text" ? { ...i } : i));
  for (let k = 0; k < out.length; k++) {
    const cur = out[k]!;
    if (cur.kind !== "text") continue;
    const prev = out[k - 1];
    const next = out[k + 1];
    if (!prev || prev.kind === "break") cur.text = cur.text.replace(/^ +/, "");
    if (!next || next.kind === "break") cur.text = cur.text.replace(/ +$/, "");
  }
  return out.filter((i) => i.kind !== "text" || i.text !== "");
}
