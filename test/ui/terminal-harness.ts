// Shared by the terminal and SSH end-to-end tests (test/e2e/terminal*.test.ts, ssh*.test.ts):
// starts the built `tootty --demo` in a real terminal (xterm.js, or tmux), reaches its demo
// instance, and reads borders off the captured screen the way the terminal placed them.
import assert from "node:assert/strict";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { cellWidth, type TerminalWidths } from "../../src/render/index.js";
import { FLAVOUR_CONFIG } from "../helpers/e2e.js";
import { type EmulatorName, startTerminal, type TerminalSession } from "../helpers/terminal.js";

export const REPO = fileURLToPath(new URL("../../", import.meta.url));
export const BIN = join(REPO, "bin/tootty.js");
/** Loaded with `node --import` to give a test a way to crash the real bundle (SIGUSR2). */
export const CRASH_PRELOAD = fileURLToPath(
  new URL("./terminal-crash-preload.mjs", import.meta.url),
);

export interface Announce {
  url: string;
  token: string;
  controlSecret: string;
}

export interface Started {
  session: TerminalSession;
  demo: Announce;
  dir: string;
}

export interface StartOptions {
  cols: number;
  rows: number;
  env?: Record<string, string | undefined>;
  /** Extra node flags before the script (e.g. --import the crash preload). */
  nodeArgs?: string[];
  /** Shell run after tootty ends, inside the same terminal (e.g. `stty -a`). */
  after?: string;
  /** The terminal to run in (default: xterm.js, or TOOTTY_TEST_TERMINAL). */
  emulator?: EmulatorName;
}

const live: TerminalSession[] = [];
/** Kills every terminal this process started (call from `after`). */
export function killAll(): void {
  for (const s of live.splice(0)) s.kill();
}

export async function startTootty(opts: StartOptions): Promise<Started> {
  const dir = mkdtempSync(join(tmpdir(), "tootty-term-"));
  const announceFile = join(dir, "demo.json");
  if (Object.keys(FLAVOUR_CONFIG).length > 0) {
    mkdirSync(join(dir, "config"), { mode: 0o700 });
    writeFileSync(join(dir, "config", "config.json"), JSON.stringify(FLAVOUR_CONFIG), {
      mode: 0o600,
    });
  }
  const node = [process.execPath, ...(opts.nodeArgs ?? []), BIN, "--demo"];
  const env = {
    TOOTTY_CONFIG_DIR: join(dir, "config"),
    TOOTTY_DEMO_ANNOUNCE: announceFile,
    ...opts.env,
  };
  const command = opts.after
    ? ["sh", "-c", `"$@"; s=$?; ${opts.after}; exit $s`, "sh", ...node]
    : node;
  const session = startTerminal({ command, cols: opts.cols, rows: opts.rows, env }, opts.emulator);
  live.push(session);
  const deadline = Date.now() + 15_000;
  while (!existsSync(announceFile) || readFileSync(announceFile, "utf8").trim() === "") {
    if (Date.now() > deadline)
      throw new Error(`demo never announced itself:\n${session.capture()}`);
    await new Promise((r) => setTimeout(r, 20));
  }
  const demo = JSON.parse(readFileSync(announceFile, "utf8")) as Announce;
  return { session, demo, dir };
}

export async function control(demo: Announce, op: string, body: unknown): Promise<unknown> {
  const res = await fetch(`${demo.url}/_demo/${op}`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-demo-control": demo.controlSecret },
    body: JSON.stringify(body),
  });
  assert.equal(res.status, 200, `control ${op} answered ${res.status}`);
  return res.json();
}

/** Toots that break naive width maths: CJK, emoji ZWJ sequences, Arabic and Hebrew, mixed. */
export const WIDE_AND_RTL_TOOTS = [
  "<p>東京の天気は晴れ、明日は雨でしょう。日本語のテキストが続きます、とても長い文章です。</p>",
  "<p>家族 👨‍👩‍👧‍👦 and flags 🏳️‍🌈 🏴‍☠️ and hands 👋🏽👍🏿 and ☁️ weather ⛅ 🧑‍💻</p>",
  "<p>مرحبا بالعالم! هذه تغريدة باللغة العربية مع بعض النص الطويل 123 و @farid</p>",
  "<p>שלום עולם, זהו טקסט בעברית עם מספרים 42 ומילים באנגלית English words</p>",
  "<p>混合 mixed 한국어 텍스트 와 emoji 🎉🎊 and العربية together 中文字符</p>",
  "<p>Ｆｕｌｌｗｉｄｔｈ ｌｅｔｔｅｒｓ and ﷽ ligature and e\u0301\u0301\u0301 accents</p>",
  // Emoji of Unicode 12–14 (xterm.js draws those after 12.0 in one cell) and a character
  // whose width terminals dispute (a Yijing hexagram).
  "<p>newer emoji 🥱 🥲 🫠 🫶 and the hexagram ䷀ in one toot</p>",
];

/** Publishes the wide/RTL toots into every pane, newest last, with the generator stopped. */
export async function publishWideToots(demo: Announce): Promise<void> {
  await control(demo, "generator", { on: false });
  for (const target of ["home", "local", "federated"]) {
    for (const content of WIDE_AND_RTL_TOOTS)
      await control(demo, "publish", { target, status: { content } });
  }
}

const BORDER_END = /[│┐┘|+]$/;

/**
 * Rows of the pane area whose right edge is not a border in the last column. Any pane whose
 * content is a cell too wide or too narrow shifts everything after it on the row, so the last
 * pane's border would leave the last column. `screen` must be captured with trailing spaces
 * (capture-pane -N); widths are measured as the terminal does (the render room's cellWidth).
 */
export function brokenRows(rows: string[], cols: number, from: number, to: number): string[] {
  const bad: string[] = [];
  for (let r = from; r <= to; r++) {
    const row = rows[r] ?? "";
    const width = cellWidth(row);
    if (width !== cols || !BORDER_END.test(row)) bad.push(`row ${r} (${width} cells): ${row}`);
  }
  return bad;
}

/** The screen with trailing spaces kept, one string per row. */
export function captureCells(session: TerminalSession): string[] {
  return session.captureCells();
}

/** The screen with its SGR attributes, to see which colours were sent. */
export function captureWithColours(session: TerminalSession): string {
  return session.captureWithColours();
}

const PROBE_SCRIPT = fileURLToPath(new URL("./width-probe-script.ts", import.meta.url));

/**
 * What tootty's start-up width probe learns from `emulator` (null if it did not answer): set
 * it with setTerminalWidths to measure captured rows the way that terminal placed them.
 */
export async function probeWidthsIn(emulator?: EmulatorName): Promise<TerminalWidths | null> {
  const out = join(mkdtempSync(join(tmpdir(), "tootty-probe-")), "widths.json");
  const session = startTerminal(
    { command: [process.execPath, "--import", "tsx", PROBE_SCRIPT, out], cols: 80, rows: 5 },
    emulator,
  );
  try {
    await session.waitFor(
      () => existsSync(out) && readFileSync(out, "utf8") !== "",
      "the probe's answer",
      15_000,
    );
    return JSON.parse(readFileSync(out, "utf8")) as TerminalWidths | null;
  } finally {
    session.kill();
  }
}
