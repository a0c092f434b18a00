// A toot's, bio's or profile field's HTML as plain text: paragraphs and line breaks kept, tags dropped.
import { Parser } from "htmlparser2";

/**
 * `withoutQuoteFallback`: leaves out a quote post's `<p class="quote-inline">RE: …</p>`, the
 * link Mastodon adds for clients that cannot show quotes (methods/statuses.md).
 */
export function htmlToText(html: string, opts: { withoutQuoteFallback?: boolean } = {}): string {
  let out = "";
  // Depth inside a quote-inline paragraph (0: outside).
  let skipping = 0;
  const parser = new Parser({
    ontext(text) {
      if (skipping === 0) out += text;
    },
    onopentag(name, attrs) {
      if (skipping > 0) skipping++;
      else if (
        opts.withoutQuoteFallback &&
        (attrs.class ?? "").split(/\s+/).includes("quote-inline")
      )
        skipping = 1;
      else if (name === "br") out += "\n";
    },
    onclosetag(name) {
      if (skipping > 0) {
        skipping--;
        return;
      }
      if (name === "p") out += "\n";
    },
  });
  parser.write(typeof html === "string" ? html : "");
  parser.end();
  return out.trim();
}
