// A fake pty for the start-up probes: it answers the questions it understands as a real
// terminal would, after the link's round trip, cut into small chunks (as a slow link cuts
// them), with keys the user typed arriving between two answers.
import { EventEmitter } from "node:events";

/** What a terminal says back to each question it understands (undefined: silence). */
export interface Answers {
  /** Cells advanced for a probe text (CSI 6 n). */
  advance?: (text: string) => number;
  kitty?: boolean;
  /** DA1's attributes, e.g. "62;4" (4: sixel). */
  da1?: string;
  /** XTWINOPS 16: a cell's height and width in pixels. */
  cell?: [number, number];
}

export interface FakeTerminal {
  input: EventEmitter & Record<string, unknown>;
  output: { isTTY: boolean; write(s: string): boolean };
  /** Each write, as it was made. */
  writes: string[];
  written: () => string;
  unshifted: Buffer[];
  rawModes: boolean[];
}

const QUESTION = /\r([^\r\x1b]*)\x1b\[6n|\x1b_G[^\x1b]*\x1b\\|\x1b\[16t|\x1b\[c/g;

/** A pty that answers in the order asked, `delayMs` after each write, 7 bytes at a time. */
export function fakeTerminal(
  answers: Answers,
  opts: { delayMs?: number; typed?: string } = {},
): FakeTerminal {
  const input = Object.assign(new EventEmitter(), {
    isTTY: true,
    isRaw: false,
  }) as unknown as EventEmitter & Record<string, unknown>;
  const rawModes: boolean[] = [];
  const unshifted: Buffer[] = [];
  const writes: string[] = [];
  input.setRawMode = (raw: boolean) => {
    rawModes.push(raw);
    input.isRaw = raw;
  };
  input.resume = () => {};
  input.pause = () => {};
  input.unshift = (b: Buffer) => unshifted.push(b);
  const output = {
    isTTY: true,
    write(s: string) {
      writes.push(s);
      const back: string[] = [];
      for (const m of s.matchAll(QUESTION)) {
        if (m[1] !== undefined) {
          if (answers.advance) back.push(`\x1b[9;${answers.advance(m[1]) + 1}R`);
        } else if (m[0].startsWith("\x1b_G")) {
          if (answers.kitty) back.push("\x1b_Gi=31;OK\x1b\\");
        } else if (m[0] === "\x1b[16t") {
          if (answers.cell) back.push(`\x1b[6;${answers.cell[0]};${answers.cell[1]}t`);
        } else if (answers.da1 !== undefined) back.push(`\x1b[?${answers.da1}c`);
      }
      if (back.length === 0) return true;
      if (opts.typed) back.splice(1, 0, opts.typed);
      const stream = back.join("");
      setTimeout(() => {
        for (let i = 0; i < stream.length; i += 7)
          input.emit("data", Buffer.from(stream.slice(i, i + 7), "latin1"));
      }, opts.delayMs ?? 0);
      return true;
    },
  };
  return { input, output, writes, written: () => writes.join(""), unshifted, rawModes };
}
