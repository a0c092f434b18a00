/**
 * The key the editor receives. It mirrors blessed's key shape so the UI can pass
 * blessed's `key` argument straight through: `name` ("escape", "enter", "backspace",
 * "left", "tab", a letter…), `ch` the printed character(s), and modifier flags.
 */
export interface Key {
  name: string;
  ch?: string;
  ctrl?: boolean;
  meta?: boolean;
  shift?: boolean;
}

const NAMED: Record<string, Key> = {
  esc: { name: "escape", ch: "\x1b" },
  cr: { name: "enter", ch: "\r" },
  enter: { name: "enter", ch: "\r" },
  bs: { name: "backspace", ch: "\x7f" },
  tab: { name: "tab", ch: "\t" },
  "s-tab": { name: "tab", shift: true },
  left: { name: "left" },
  right: { name: "right" },
  up: { name: "up" },
  down: { name: "down" },
  del: { name: "delete" },
  home: { name: "home" },
  end: { name: "end" },
  space: { name: "space", ch: " " },
  lt: { name: "<", ch: "<" },
};

/** One printable character as blessed reports it. */
export function charKey(ch: string): Key {
  if (ch === " ") return { name: "space", ch };
  const lower = ch.toLowerCase();
  const isUpper = ch !== lower && ch.length === 1;
  return { name: isUpper ? lower : ch, ch, ...(isUpper ? { shift: true } : {}) };
}

export function ctrlKey(letter: string): Key {
  const l = letter.toLowerCase();
  return { name: l, ctrl: true, ch: String.fromCharCode(l.charCodeAt(0) - 96) };
}

/**
 * Test helper (and handy for macros): vim notation to keys.
 * "ihello<Esc>:wq<CR>", "<C-w>", "<lt>" for a literal "<". Unknown <…> is literal text.
 */
export function keysFromString(notation: string): Key[] {
  const keys: Key[] = [];
  let i = 0;
  while (i < notation.length) {
    if (notation[i] === "<") {
      const close = notation.indexOf(">", i);
      if (close > i + 1) {
        const inner = notation.slice(i + 1, close);
        const lower = inner.toLowerCase();
        const ctrl = /^c-(.)$/i.exec(inner);
        if (ctrl) {
          keys.push(ctrlKey(ctrl[1]!));
          i = close + 1;
          continue;
        }
        const named = NAMED[lower];
        if (named) {
          keys.push({ ...named });
          i = close + 1;
          continue;
        }
      }
    }
    const cp = notation.codePointAt(i)!;
    const ch = String.fromCodePoint(cp);
    keys.push(charKey(ch));
    i += ch.length;
  }
  return keys;
}

/**
 * A key as one token the editor's grammar reads: a printable string ("a", "日", a paste)
 * or vim notation for the rest ("<Esc>", "<CR>", "<BS>", "<C-w>", "<Left>").
 */
export function keyToken(key: Key): string {
  if (key.ctrl && /^[a-z]$/.test(key.name)) return `<C-${key.name}>`;
  // Shift-Tab (ESC [ Z): completion goes back.
  if (key.name === "tab" && key.shift) return "<S-Tab>";
  switch (key.name) {
    case "escape":
      return "<Esc>";
    case "enter":
    case "return":
      return "<CR>";
    case "backspace":
      return "<BS>";
    case "tab":
      return "<Tab>";
    case "left":
      return "<Left>";
    case "right":
      return "<Right>";
    case "up":
      return "<Up>";
    case "down":
      return "<Down>";
    case "delete":
      return "<Del>";
    case "home":
      return "<Home>";
    case "end":
      return "<End>";
    case "space":
      return " ";
  }
  if (key.ch !== undefined && key.ch.length > 0) {
    // blessed hands over DEL / BS bytes under other names on some terminals.
    if (key.ch === "\x7f" || key.ch === "\b") return "<BS>";
    if (key.ch === "\r" || key.ch === "\n") return "<CR>";
    if (key.ch === "\x1b") return "<Esc>";
    return key.ch;
  }
  return `<${key.name}>`;
}
