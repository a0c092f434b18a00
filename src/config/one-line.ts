// Turns text we did not write (server replies, config values, command output) into one safe
// line for an error or warning: the render room's sanitiser (the one gate for server text:
// escape sequences, control and bidi characters) and then one line, cut to length, so a
// hostile server cannot flood the screen.
import { sanitizeInline } from "../render/sanitize.js";

export function oneLine(text: string, maxLength = 200): string {
  const clean = sanitizeInline(text).replace(/\s+/g, " ").trim();
  return clean.length > maxLength ? `${clean.slice(0, maxLength - 1)}…` : clean;
}

/** A value shown inside a message: JSON-quoted so "" and " x " are visible, then made safe. */
export function quoteValue(value: unknown, maxLength = 60): string {
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return oneLine(text, maxLength);
}
