// Which picture protocol the terminal speaks, asked of the terminal itself (never guessed from
// TERM): kitty's graphics query, then Primary Device Attributes (DA1), which every terminal
// answers — so the wait ends at DA1's answer, not at a timeout, and a kitty answer can only
// come before it. DA1's attribute 4 means sixel graphics.
import { KITTY_QUERY } from "../../images/kitty.js";

export interface GraphicsAnswers {
  kitty: boolean;
  sixel: boolean;
  /** A cell's size in pixels (XTWINOPS 16), where the terminal told it. */
  cellPixels?: { width: number; height: number };
  /** The terminal answered DA1 at all (false: a pipe, or a terminal that says nothing). */
  answered: boolean;
}

const DA1_QUERY = "\x1b[c";
const CELL_SIZE_QUERY = "\x1b[16t";
const CELL_SIZE_ANSWER = /\x1b\[6;(\d{1,4});(\d{1,4})t/;
const DA1_ANSWER = /\x1b\[\?([0-9;]*)c/;

/** Pure: what the bytes the terminal sent back say. */
export function parseGraphicsAnswers(bytes: string): GraphicsAnswers {
  const da1 = DA1_ANSWER.exec(bytes);
  const attributes = da1?.[1]?.split(";") ?? [];
  const cell = CELL_SIZE_ANSWER.exec(bytes);
  const height = Number(cell?.[1]);
  const width = Number(cell?.[2]);
  return {
    ...(width > 0 && height > 0 ? { cellPixels: { width, height } } : {}),
    kitty: /\x1b_Gi=31;OK\x1b\\/.test(bytes.slice(0, da1?.index ?? bytes.length)),
    sixel: attributes.slice(1).includes("4"),
    answered: da1 !== null,
  };
}

interface ProbeInput {
  isTTY?: boolean;
  setRawMode?(mode: boolean): unknown;
  isRaw?: boolean;
  on(event: "data", fn: (chunk: Buffer) => void): unknown;
  off(event: "data", fn: (chunk: Buffer) => void): unknown;
  pause(): unknown;
  resume(): unknown;
}

interface ProbeOutput {
  isTTY?: boolean;
  write(s: string): unknown;
}

/** Asks the terminal; resolves within `timeoutMs` whatever happens. Never throws. */
export function probeGraphics(
  input: ProbeInput,
  output: ProbeOutput,
  timeoutMs = 400,
): Promise<GraphicsAnswers> {
  const none: GraphicsAnswers = { kitty: false, sixel: false, answered: false };
  if (!input.isTTY || !output.isTTY || !input.setRawMode) return Promise.resolve(none);
  return new Promise((resolve) => {
    let got = "";
    const wasRaw = input.isRaw === true;
    const done = () => {
      clearTimeout(timer);
      input.off("data", onData);
      try {
        input.setRawMode?.(wasRaw);
      } catch {}
      input.pause();
      resolve(parseGraphicsAnswers(got));
    };
    const onData = (chunk: Buffer) => {
      got += chunk.toString("latin1");
      if (DA1_ANSWER.test(got)) done();
    };
    const timer = setTimeout(done, timeoutMs);
    try {
      input.setRawMode?.(true);
      input.on("data", onData);
      input.resume();
      output.write(KITTY_QUERY + CELL_SIZE_QUERY + DA1_QUERY);
    } catch {
      done();
    }
  });
}
