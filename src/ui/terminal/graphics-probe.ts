// Which picture protocol the terminal speaks, asked of the terminal itself (never guessed from
// TERM): kitty's graphics query, then Primary Device Attributes (DA1), which every terminal
// answers — so the wait ends at DA1's answer, not at a timeout, and a kitty answer can only
// come before it. DA1's attribute 4 means sixel graphics. Asked together with the width
// probe, in one write (start-probe.ts).
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

/** The questions, DA1 last: its answer ends the wait. */
export const GRAPHICS_QUERIES = KITTY_QUERY + CELL_SIZE_QUERY + DA1_QUERY;
/** DA1 can take a slow link's round trip; a terminal that answers nothing costs this once. */
export const GRAPHICS_TIMEOUT_MS = 400;
export const NO_GRAPHICS: GraphicsAnswers = { kitty: false, sixel: false, answered: false };

/** Whether `bytes` hold the answer to DA1, the last question. */
export function hasDa1Answer(bytes: string): boolean {
  return DA1_ANSWER.test(bytes);
}

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
