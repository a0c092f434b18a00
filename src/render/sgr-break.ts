// Hard-breaks a line that already carries SGR codes (highlighted code) at a cell width.
// Every returned line is self-contained: it reopens the style in force where it starts and
// resets at its end, so blessed (which draws line by line) and a cut never bleed colour.
import { cellWidth, graphemes } from "./width.js";

const SGR_SPLIT = /(\x1b\[[0-9;]*m)/;
const RESET = "\x1b[0m";

/** The attributes an SGR sequence can leave switched on, each as the codes that set it. */
interface SgrState {
  fg?: string;
  bg?: string;
  weight?: string;
  italic?: boolean;
  underline?: boolean;
  inverse?: boolean;
  strike?: boolean;
}

function apply(state: SgrState, seq: string): void {
  const params = seq.slice(2, -1).split(";");
  for (let i = 0; i < params.length; i++) {
    const n = params[i] === "" ? 0 : Number(params[i]);
    if (n === 38 || n === 48) {
      // 38;5;n or 38;2;r;g;b: the colour spans the following parameters.
      const len = params[i + 1] === "5" ? 2 : params[i + 1] === "2" ? 4 : 0;
      const code = params.slice(i, i + 1 + len).join(";");
      if (n === 38) state.fg = code;
      else state.bg = code;
      i += len;
    } else if (n === 0) {
      for (const k of Object.keys(state)) delete state[k as keyof SgrState];
    } else if ((n >= 30 && n <= 37) || (n >= 90 && n <= 97)) state.fg = String(n);
    else if (n === 39) delete state.fg;
    else if ((n >= 40 && n <= 47) || (n >= 100 && n <= 107)) state.bg = String(n);
    else if (n === 49) delete state.bg;
    else if (n === 1 || n === 2) state.weight = String(n);
    else if (n === 22) delete state.weight;
    else if (n === 3) state.italic = true;
    else if (n === 23) delete state.italic;
    else if (n === 4) state.underline = true;
    else if (n === 24) delete state.underline;
    else if (n === 7) state.inverse = true;
    else if (n === 27) delete state.inverse;
    else if (n === 9) state.strike = true;
    else if (n === 29) delete state.strike;
  }
}

function open(state: SgrState): string {
  const codes: string[] = [];
  if (state.weight) codes.push(state.weight);
  if (state.italic) codes.push("3");
  if (state.underline) codes.push("4");
  if (state.inverse) codes.push("7");
  if (state.strike) codes.push("9");
  if (state.fg) codes.push(state.fg);
  if (state.bg) codes.push(state.bg);
  return codes.length ? `\x1b[${codes.join(";")}m` : "";
}

/**
 * Lines of at most `width` cells from SGR-carrying `lines`, never splitting a grapheme or
 * an escape sequence; style carries across both the input's own line ends and the breaks.
 */
export function breakSgrLines(lines: readonly string[], width: number): string[] {
  const out: string[] = [];
  const state: SgrState = {};
  for (const line of lines) {
    let current = open(state);
    let used = 0;
    const finish = () => {
      const reopen = open(state);
      out.push(reopen !== "" ? current + RESET : current);
      current = reopen;
      used = 0;
    };
    for (const part of line.split(SGR_SPLIT)) {
      if (part === "") continue;
      if (part.startsWith("\x1b[")) {
        apply(state, part);
        current += part;
        continue;
      }
      for (const g of graphemes(part)) {
        const w = cellWidth(g);
        if (w > width) continue; // a 2-cell glyph in a 1-cell column cannot be shown
        if (used + w > width) finish();
        current += g;
        used += w;
      }
    }
    finish();
  }
  return out;
}
