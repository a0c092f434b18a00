// Splits terminal input so that Escape is never lost.
//
// blessed decodes each `data` chunk on its own: when Escape and the next keys arrive in one
// read (fast typing over SSH, a paste, `tmux send-keys Escape :`), it reports neither the
// Escape nor a meta key — `\x1b:wq` in one chunk arrives as just `w`, `q`. Like vim, we treat
// an ESC that does not start a CSI (`ESC [`) or SS3 (`ESC O`) sequence as a key of its own,
// and hand blessed every key as a separate chunk.
import { PassThrough } from "node:stream";
import { isLateProbeAnswer } from "../terminal/width-probe.js";

const ESC = "\x1b";

/** Length of the CSI / SS3 sequence starting at `i` (which holds ESC), or 0 if none. */
function sequenceLength(chunk: string, i: number): number {
  const intro = chunk[i + 1];
  // kitty's answer to its graphics query, a whole APC (ESC _ G … ESC \\). Only whole: Escape
  // then "_" typed fast (vim's motion) must stay two keys.
  if (intro === "_") {
    const apc = /^\x1b_G[^\x1b]{0,256}\x1b\\/.exec(chunk.slice(i, i + 300));
    return apc ? apc[0].length : 0;
  }
  if (intro === "O") return i + 2 < chunk.length ? 3 : 2;
  if (intro !== "[") return 0;
  // X10 mouse report: ESC [ M then three raw bytes.
  if (chunk[i + 2] === "M") return Math.min(6, chunk.length - i);
  let j = i + 2;
  // Linux console function keys: ESC [ [ A
  if (chunk[j] === "[") return Math.min(4, chunk.length - i);
  while (j < chunk.length) {
    const code = chunk.charCodeAt(j);
    if (code >= 0x40 && code <= 0x7e) return j - i + 1; // final byte
    if (code < 0x20 || code > 0x7e) return j - i; // malformed: stop before it
    j++;
  }
  return chunk.length - i;
}

/**
 * Cuts one input chunk into pieces blessed can decode one by one: every lone ESC becomes its
 * own piece, escape sequences stay whole, runs of plain text stay together.
 */
export function splitEscapes(chunk: string): string[] {
  if (!chunk.includes(ESC)) return [chunk];
  const pieces: string[] = [];
  let text = "";
  let i = 0;
  while (i < chunk.length) {
    if (chunk[i] !== ESC) {
      text += chunk[i];
      i++;
      continue;
    }
    if (text) {
      pieces.push(text);
      text = "";
    }
    const len = sequenceLength(chunk, i);
    if (len === 0) {
      pieces.push(ESC);
      i++;
    } else {
      pieces.push(chunk.slice(i, i + len));
      i += len;
    }
  }
  if (text) pieces.push(text);
  return pieces;
}

/**
 * blessed decodes text with `split("")`, by UTF-16 unit: an emoji (a surrogate pair) arrives
 * as two broken halves. Characters beyond the BMP are therefore handed over as whole key
 * presses, everything else as data, in the order typed.
 */
export function splitAstral(piece: string): { text: string; astral: boolean }[] {
  if (piece.startsWith(ESC) || !/[\uD800-\uDBFF]/.test(piece))
    return [{ text: piece, astral: false }];
  const parts: { text: string; astral: boolean }[] = [];
  let run = "";
  for (const ch of piece) {
    if (ch.length === 2) {
      if (run) parts.push({ text: run, astral: false });
      run = "";
      parts.push({ text: ch, astral: true });
    } else run += ch;
  }
  if (run) parts.push({ text: run, astral: false });
  return parts;
}

/**
 * Answers to the start-up queries (src/ui/terminal/graphics-probe.ts) that come too late, on a
 * slow link, for the probe that asked: Device Attributes, the cell size, kitty's APC. No key
 * sends any of them, so they are never taken for keys.
 */
export function isTerminalAnswer(piece: string): boolean {
  return (
    piece.startsWith("\x1b_") ||
    /^\x1b\[\?[\d;]*c$/.test(piece) ||
    /^\x1b\[\d+;\d+;\d+t$/.test(piece)
  );
}

function astralKey(ch: string) {
  return { sequence: ch, name: undefined, ctrl: false, meta: false, shift: false, full: ch };
}

/**
 * A stream that stands in for stdin when given to blessed: it forwards raw-mode calls to the
 * real terminal and re-emits input split by `splitEscapes`, one `data` event per piece.
 */
export function createSplitInput(stdin: NodeJS.ReadStream): NodeJS.ReadStream {
  const input = new PassThrough({ encoding: "utf8" }) as unknown as NodeJS.ReadStream & {
    isRaw: boolean;
  };
  Object.assign(input, {
    isTTY: stdin.isTTY,
    isRaw: false,
    setRawMode(mode: boolean) {
      if (stdin.isTTY) stdin.setRawMode(mode);
      input.isRaw = mode;
      return input;
    },
  });
  stdin.setEncoding("utf8");
  stdin.on("data", (chunk: string) => {
    for (const piece of splitEscapes(chunk)) {
      if (isTerminalAnswer(piece)) continue;
      if (isLateProbeAnswer(piece)) continue;
      for (const part of splitAstral(piece)) {
        if (part.astral) input.emit("keypress", part.text, astralKey(part.text));
        else input.emit("data", part.text);
      }
    }
  });
  const resume = input.resume.bind(input);
  const pause = input.pause.bind(input);
  input.resume = () => {
    stdin.resume();
    return resume();
  };
  input.pause = () => {
    stdin.pause();
    return pause();
  };
  return input;
}
