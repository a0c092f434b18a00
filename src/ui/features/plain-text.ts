// Bios and profile fields are HTML: their text, paragraphs and line breaks kept, tags dropped.
import { Parser } from "htmlparser2";

export function htmlToText(html: string): string {
  let out = "";
  const parser = new Parser({
    ontext(text) {
      out += text;
    },
    onopentag(name) {
      if (name === "br") out += "\n";
    },
    onclosetag(name) {
      if (name === "p") out += "\n";
    },
  });
  parser.write(typeof html === "string" ? html : "");
  parser.end();
  return out.trim();
}
