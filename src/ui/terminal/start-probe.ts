// What tootty asks the terminal before its first paint, in ONE write read back in one round
// trip: how it draws emoji sequences (width-probe.ts: each probe text, then CSI 6 n) and
// which picture protocol it speaks (graphics-probe.ts: kitty's query, CSI 16 t, then DA1).
// Over SSH a round trip is the link's latency, and asked one after the other the first paint
// waited for two. A terminal answers in the order it was asked, so the answers come back as
// one stream: cursor reports first, DA1's answer last, which ends the wait (every terminal
// answers DA1); a terminal that answers nothing costs the timeout once.
import type { TerminalWidths } from "../../render/index.js";
import {
  GRAPHICS_QUERIES,
  GRAPHICS_TIMEOUT_MS,
  type GraphicsAnswers,
  hasDa1Answer,
  NO_GRAPHICS,
  parseGraphicsAnswers,
} from "./graphics-probe.js";
import {
  expectLateAnswers,
  PROBE_TIMEOUT_MS,
  WIDTH_ANSWERS,
  WIDTH_QUERIES,
  widthsFromColumns,
} from "./width-probe.js";

export interface ProbeInput {
  isTTY?: boolean;
  isRaw?: boolean;
  setRawMode?(raw: boolean): unknown;
  on(event: "data", listener: (chunk: Buffer | string) => void): unknown;
  removeListener(event: "data", listener: (chunk: Buffer | string) => void): unknown;
  resume(): unknown;
  pause(): unknown;
  unshift(chunk: Buffer): unknown;
}

export interface ProbeOutput {
  isTTY?: boolean;
  write(s: string): unknown;
}

export interface StartAnswers {
  /** The layout rules to draw by; null: no (trustworthy) answer, wcwidth applies. */
  widths: TerminalWidths | null;
  graphics: GraphicsAnswers;
}

export interface StartQuestions {
  /** Ask how emoji sequences are drawn (a Unicode terminal). */
  widths: boolean;
  /** Ask which picture protocol is spoken (pictures on "auto", a colour terminal). */
  graphics: boolean;
  /** Default: the graphics probe's when it is asked, else the width probe's. */
  timeoutMs?: number;
  /** TMUX set: the answers are tmux's, whose cells have a size limit (width-probe.ts). */
  env?: NodeJS.ProcessEnv;
}

/** Every answer the questions bring: a cursor report (its column), kitty's reply, the cell size, DA1. */
const ANSWER = /\x1b\[\d+;(\d+)R|\x1b_G[^\x1b]*\x1b\\|\x1b\[6;\d{1,4};\d{1,4}t|\x1b\[\?[0-9;]*c/;

/**
 * Asks what `ask` says in one write and resolves with what the terminal told within the
 * timeout. Bytes typed meanwhile are put back on the input for the UI. Never rejects.
 */
export function probeTerminal(
  input: ProbeInput,
  output: ProbeOutput,
  ask: StartQuestions,
): Promise<StartAnswers> {
  const nothing: StartAnswers = { widths: null, graphics: NO_GRAPHICS };
  if (!(ask.widths || ask.graphics)) return Promise.resolve(nothing);
  if (!input.isTTY || !output.isTTY || typeof input.setRawMode !== "function")
    return Promise.resolve(nothing);
  const timeoutMs = ask.timeoutMs ?? (ask.graphics ? GRAPHICS_TIMEOUT_MS : PROBE_TIMEOUT_MS);
  const inTmux = Boolean((ask.env ?? process.env).TMUX);
  const wasRaw = input.isRaw === true;
  const columns: number[] = [];
  let graphicsBytes = "";
  let pending = "";
  let typed = "";
  return new Promise((resolve) => {
    let finished = false;
    const finish = () => {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      input.removeListener("data", onData);
      input.pause();
      try {
        if (!wasRaw) input.setRawMode?.(false);
      } catch {}
      if (ask.widths && columns.length < WIDTH_ANSWERS)
        expectLateAnswers(WIDTH_ANSWERS - columns.length);
      const rest = typed + pending;
      if (rest) input.unshift(Buffer.from(rest, "latin1"));
      resolve({
        widths: ask.widths ? widthsFromColumns(columns, inTmux) : null,
        graphics: ask.graphics ? parseGraphicsAnswers(graphicsBytes) : NO_GRAPHICS,
      });
    };
    const onData = (chunk: Buffer | string) => {
      pending += typeof chunk === "string" ? chunk : chunk.toString("latin1");
      for (let m = ANSWER.exec(pending); m; m = ANSWER.exec(pending)) {
        typed += pending.slice(0, m.index);
        // Each width probe starts at column 1 (after CR): the report's column minus one is its width.
        if (m[1] !== undefined) columns.push(Number(m[1]) - 1);
        else graphicsBytes += m[0];
        pending = pending.slice(m.index + m[0].length);
      }
      const done = ask.graphics ? hasDa1Answer(graphicsBytes) : columns.length >= WIDTH_ANSWERS;
      if (done) finish();
    };
    const timer = setTimeout(finish, timeoutMs);
    try {
      input.setRawMode?.(true);
      input.on("data", onData);
      input.resume();
      output.write((ask.widths ? WIDTH_QUERIES : "") + (ask.graphics ? GRAPHICS_QUERIES : ""));
    } catch {
      finish();
    }
  });
}

/** The width probe alone (scripts and tests that measure layout). */
export async function probeTerminalWidths(
  input: ProbeInput,
  output: ProbeOutput,
  timeoutMs = PROBE_TIMEOUT_MS,
  env: NodeJS.ProcessEnv = process.env,
): Promise<TerminalWidths | null> {
  return (await probeTerminal(input, output, { widths: true, graphics: false, timeoutMs, env }))
    .widths;
}
