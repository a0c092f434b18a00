// The one gate every server string passes before display. A toot, a display name or a URL
// must never reach the terminal with the power to move the cursor, set the title, write
// the clipboard (OSC 52), forge a hyperlink (OSC 8) or reverse the text after it.
import { visualBidi } from "./bidi.js";
import { toTerminalSafe } from "./width.js";

// Whole escape sequences, so their payload is not left behind as visible garbage:
// CSI (7-bit and the 8-bit U+009B), OSC / DCS / SOS / PM / APC strings up to their
// terminator (or the end: an unterminated string is still a string), and 2-byte escapes.
const ESCAPE_SEQUENCES =
  /(?:\x1b\[|\x9b)[\x30-\x3f]*[\x20-\x2f]*[\x40-\x7e]?|(?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?|\x1b[\x20-\x2f]*[\x30-\x7e]?/g;
// Remaining C0 (but newline), DEL and C1 controls; carriage returns go too.
const CONTROLS = /[\x00-\x09\x0b-\x1f\x7f-\x9f]/g;
// Embeddings, overrides and isolates reorder what follows them in bidi-aware terminals.
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/g;
const LINE_SEPARATORS = /[\u2028\u2029]/g;
const SAFE_ASCII = /^[\x20-\x7e\n]*$/;
const RTL = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff\u{10800}-\u{10fff}\u{1e800}-\u{1efff}]/u;
const LRM = "\u200e";
const LONE_SURROGATES = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * Makes an untrusted string safe and width-predictable for the terminal. Keeps newlines
 * (callers that need one line use `sanitizeInline`); tabs become a space.
 */
export function sanitizeText(s: string): string {
  if (typeof s !== "string") return "";
  if (SAFE_ASCII.test(s)) return s;
  let t = s.replace(LONE_SURROGATES, "\ufffd");
  if (t.includes("\x1b") || /[\x90-\x9f]/.test(t)) t = t.replace(ESCAPE_SEQUENCES, "");
  t = t
    .replace(/\t/g, " ")
    .replace(CONTROLS, "")
    .replace(BIDI_CONTROLS, "")
    .replace(LINE_SEPARATORS, "\n");
  t = toTerminalSafe(t);
  // A left-to-right mark after right-to-left text stops it from pulling the neutral
  // characters that follow (" @acct · 5m") into its run in bidi-aware terminals. Where
  // tootty puts lines in visual order itself, the terminal reorders nothing and the mark
  // would only be a stray character on screen and in what the user copies.
  if (!visualBidi() && RTL.test(t)) t += LRM;
  return t;
}

/** sanitizeText for one-line fields (names, titles, alt text in a list): newlines → space. */
export function sanitizeInline(s: string): string {
  return sanitizeText(s).replace(/\n+/g, " ");
}

/** One isolate a message of tootty's own put around a value (i18n ltrUnit, isolated). */
const OWN_ISOLATE = /([\u2066\u2068][^\u202a-\u202e\u2066-\u2069]*\u2069)/;

/**
 * `sanitizeInline` for a message of tootty's own that holds values in isolates of its own
 * (LRI or FSI … PDI, not nested): those stay, everything inside and around them is sanitised.
 * An isolate mark with no partner is dropped, as from any server string: an open isolate
 * would take the rest of the line into its direction, a stray PDI would end ours early.
 */
export function sanitizeMessage(text: string): string {
  return text
    .split(OWN_ISOLATE)
    .map((part, i) =>
      i % 2 === 1 ? `${part[0]}${sanitizeInline(part.slice(1, -1))}\u2069` : sanitizeInline(part),
    )
    .join("");
}
