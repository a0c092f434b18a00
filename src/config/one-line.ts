// Turns text we did not write (server replies, config values, command output) into one safe
// line for an error or warning: no control characters or escape sequences can reach the
// terminal, and a hostile server cannot flood the screen.

// ESC-introduced sequences (CSI, OSC, DCS…) first, so their parameters go with them,
// then any remaining C0/C1 control character (C1 includes U+009B, an 8-bit CSI).
const ESCAPE_SEQUENCE =
  /\u001b(?:\[[0-?]*[ -/]*[@-~]|\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|[PX^_][^\u001b]*(?:\u001b\\)?|.)?/g;
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;
// Bidi overrides and isolates can make a line display in a misleading order.
const BIDI_CONTROL = /[\u202a-\u202e\u2066-\u2069]/g;

export function oneLine(text: string, maxLength = 200): string {
  const clean = text
    .replace(ESCAPE_SEQUENCE, "")
    .replace(CONTROL, " ")
    .replace(BIDI_CONTROL, "")
    .replace(/\s+/g, " ")
    .trim();
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
