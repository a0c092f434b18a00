// tmux's key names (what `tmux send-keys` takes) as the bytes an xterm-compatible terminal
// sends for them, so a test written for one emulator drives the other the same way.

const NAMED: Record<string, string> = {
  Enter: "\r",
  Escape: "\x1b",
  Tab: "\t",
  BTab: "\x1b[Z",
  "S-Tab": "\x1b[Z",
  BSpace: "\x7f",
  Space: " ",
  Home: "\x1b[H",
  End: "\x1b[F",
  IC: "\x1b[2~",
  Insert: "\x1b[2~",
  DC: "\x1b[3~",
  Delete: "\x1b[3~",
  PPage: "\x1b[5~",
  PageUp: "\x1b[5~",
  NPage: "\x1b[6~",
  PageDown: "\x1b[6~",
  F1: "\x1bOP",
  F2: "\x1bOQ",
  F3: "\x1bOR",
  F4: "\x1bOS",
  F5: "\x1b[15~",
};

const ARROWS: Record<string, string> = { Up: "A", Down: "B", Right: "C", Left: "D" };

/**
 * The bytes for one `send-keys` argument: a key name ("Enter", "C-d", "M-x", "Up"), or, as
 * tmux does with anything that is not a key name, the text itself. Arrows follow DECCKM.
 */
export function keyBytes(key: string, applicationCursor = false): string {
  const named = NAMED[key];
  if (named !== undefined) return named;
  const arrow = ARROWS[key];
  if (arrow !== undefined) return `\x1b${applicationCursor ? "O" : "["}${arrow}`;
  const ctrl = /^C-(.)$/.exec(key);
  if (ctrl) {
    const ch = ctrl[1]!;
    if (ch === "?") return "\x7f";
    const code = ch.toUpperCase().charCodeAt(0);
    if (code >= 0x40 && code <= 0x5f) return String.fromCharCode(code - 0x40);
    if (ch === " " || ch === "@") return "\x00";
  }
  const meta = /^M-(.+)$/.exec(key);
  if (meta?.[1]) return `\x1b${keyBytes(meta[1], applicationCursor)}`;
  return key;
}
