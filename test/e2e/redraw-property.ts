// The redraw property, shared by the test files that run it at different sizes: random
// keys and streamed toots, then the screen must equal what a full repaint (Ctrl-L) draws.
import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import { CONNECTED, NEEDS_STREAM } from "../helpers/e2e.js";
import type { TmuxSession } from "../helpers/tmux.js";
import { type Announce, control, startTootty } from "../ui/terminal-harness.js";

const FROZEN_CLOCK = fileURLToPath(new URL("./frozen-clock-preload.mjs", import.meta.url));

/** Waits until the screen has not changed for `quietMs`: the last paint is out. */
export async function settled(
  tui: TmuxSession,
  quietMs = 400,
  timeoutMs = 15_000,
): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let screen = tui.capture();
  let since = Date.now();
  for (;;) {
    await new Promise((r) => setTimeout(r, 25));
    const now = tui.capture();
    if (now !== screen) {
      screen = now;
      since = Date.now();
    } else if (Date.now() - since >= quietMs) return screen;
    if (Date.now() > deadline) throw new Error(`the screen never settled:\n${screen}`);
  }
}

export async function startQuiet(cols: number, rows: number) {
  const started = await startTootty({
    cols,
    rows,
    nodeArgs: ["--import", FROZEN_CLOCK],
    emulator: "tmux",
  });
  await started.session.waitFor(
    (s) => s.includes("▌") && s.includes(`· ${CONNECTED}`),
    "panes",
    20_000,
  );
  await control(started.demo, "generator", { on: false });
  return started;
}

/** mulberry32: a small seeded generator, so a failing seed can be replayed. */
function generator(seed: number): (n: number) => number {
  let state = seed | 0;
  return (n) => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) % n;
  };
}

// What names and text mix: ZWJ sequences, skin tones, VS16, keycaps, flags, CJK, Arabic,
// Hebrew, combining accents, and the plain words around them.
const PIECES = [
  "👨‍👩‍👧‍👦",
  "👩🏽‍🍳",
  "🧑🏻‍🤝‍🧑🏾",
  "🏃‍♀️",
  "🏳️‍🌈",
  "❤️‍🔥",
  "👍🏽",
  "👋🏿",
  "☁️",
  "❤️",
  "✔️",
  "1️⃣",
  "🇯🇵",
  "🇺🇦",
  "😀",
  "🌸",
  "中文字幕",
  "東京",
  "한국어",
  "مرحبا بالعالم",
  "سلام",
  "שלום",
  "e\u0301te\u0301",
  "Just",
  "finished",
  "misskey.io",
  "#tag",
  "42",
  "a-long-unbroken-word-for-wrapping",
];
// Seeded accounts whose names carry emoji, CJK, Arabic, Hebrew, Zalgo, plain ASCII.
const AUTHORS = ["chef", "mina", "farid", "noa", "wei", "yuki", "zalgo", "alice"];
const KEYS = ["j", "j", "j", "k", "k", "g", "G", "Tab", "h", "l", "s", "?", "Escape"];
const TARGETS = ["home", "local", "federated"];

async function randomSteps(tui: TmuxSession, demo: Announce, seed: number, steps: number) {
  const pick = generator(seed);
  const log: string[] = [];
  for (let i = 0; i < steps; i++) {
    if (pick(4) === 0) {
      const words = Array.from({ length: 3 + pick(10) }, () => PIECES[pick(PIECES.length)]!);
      const target = TARGETS[pick(TARGETS.length)]!;
      const account = AUTHORS[pick(AUTHORS.length)]!;
      log.push(`toot ${target} @${account}: ${words.join(" ")}`);
      await control(demo, "publish", {
        target,
        status: { account, visibility: "public", content: `<p>${words.join(" ")}</p>` },
      });
    } else {
      const key = KEYS[pick(KEYS.length)]!;
      log.push(key);
      tui.send(key);
    }
    // Half the steps follow each other at once, half after the paint: both kinds of diff.
    if (pick(2) === 0) await new Promise((r) => setImmediate(r));
    else await settled(tui, 60);
  }
  return log;
}

/**
 * Returns once tootty has handled every key sent so far and painted the result: keys are
 * handled in order, so when the help overlay opened by a later key shows, and then closes,
 * everything before it is on the screen (a quiet screen alone can be a busy machine).
 */
async function drained(tui: TmuxSession): Promise<void> {
  tui.send("?");
  await tui.waitForText("─ Keys ", 20_000);
  tui.send("Escape");
  await tui.waitFor((s) => !s.includes("─ Keys "), "the help to close", 20_000);
}

function differingRows(a: string, b: string): string {
  const ra = a.split("\n");
  const rb = b.split("\n");
  const out: string[] = [];
  for (let i = 0; i < Math.max(ra.length, rb.length); i++) {
    if (ra[i] !== rb[i]) out.push(`row ${i}:\n  incremental: ${ra[i]}\n  full:        ${rb[i]}`);
  }
  return out.join("\n");
}

interface LoggedRequest {
  method: string;
  path: string;
  query: string;
  status: number;
}

/**
 * Without a stream the toots arrive by polling: returns once each timeline (home, local,
 * federated) was asked twice after `from` (an index into the request log). A feed asks one
 * thing at a time, so the second request began after the first had been answered, which was
 * after `from`: the toots published before it are in. (The demo runs inside tootty here, under
 * its frozen clock, so the log's times cannot tell.)
 */
async function polledTwiceSince(demo: Announce, from: number): Promise<void> {
  const deadline = Date.now() + 60_000;
  const timelines = [
    (e: LoggedRequest) => e.path === "/api/v1/timelines/home",
    (e: LoggedRequest) => e.path === "/api/v1/timelines/public" && /local=true/.test(e.query),
    (e: LoggedRequest) => e.path === "/api/v1/timelines/public" && !/local=true/.test(e.query),
  ];
  for (;;) {
    const log = ((await control(demo, "log", {})) as LoggedRequest[]).slice(from);
    if (timelines.every((is) => log.filter((e) => is(e) && e.status === 200).length >= 2)) return;
    if (Date.now() > deadline) throw new Error("the timelines were not polled twice in 60 s");
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Runs `seeds` random sequences in one tootty at `cols`×`rows`, comparing after each. */
export async function incrementalEqualsFull(cols: number, rows: number, seeds: number) {
  const { session, demo } = await startQuiet(cols, rows);
  for (let seed = 1; seed <= seeds; seed++) {
    const steps = await randomSteps(session, demo, seed * 7919 + cols, 20);
    if (NEEDS_STREAM) {
      const logged = ((await control(demo, "log", {})) as unknown[]).length;
      await polledTwiceSince(demo, logged);
    }
    await drained(session);
    const incremental = await settled(session);
    session.send("C-l");
    const full = await settled(session);
    assert.ok(
      incremental === full,
      `seed ${seed}: the incremental screen differs from the full repaint\n${differingRows(incremental, full)}\nsteps:\n${steps.join("\n")}`,
    );
  }
}
