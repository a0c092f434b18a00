// Incremental redraws must leave the terminal exactly as a full repaint would draw it, and
// Ctrl-L must give that full repaint on demand. Both checked in tmux, which places every
// character by its own widths: whatever blessed believes, the capture is what the user sees.
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { after, test } from "node:test";
import { fileURLToPath } from "node:url";
import type { TmuxSession } from "../helpers/tmux.js";
import { type Announce, control, killAll, startTootty } from "../ui/terminal-harness.js";

after(killAll);

const FROZEN_CLOCK = fileURLToPath(new URL("./frozen-clock-preload.mjs", import.meta.url));

/** Waits until the screen has not changed for `quietMs`: the last paint is out. */
async function settled(tui: TmuxSession, quietMs = 400, timeoutMs = 15_000): Promise<string> {
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

async function startQuiet(cols: number, rows: number) {
  const started = await startTootty({
    cols,
    rows,
    nodeArgs: ["--import", FROZEN_CLOCK],
    emulator: "tmux",
  });
  await started.session.waitFor((s) => s.includes("▌") && s.includes("· live"), "panes", 20_000);
  await control(started.demo, "generator", { on: false });
  return started;
}

test("Ctrl-L clears what another program wrote over the screen and draws every cell again", async () => {
  const { session } = await startQuiet(120, 30);
  const clean = await settled(session);
  // Another program writing to the same terminal (a `wall` message, a background job).
  const tty = `/proc/${session.pid()}/fd/1`;
  writeFileSync(tty, "\x1b[6;10HGARBAGE-OVER-THE-PANES\x1b[12;1H#####");
  await session.waitForText("GARBAGE-OVER-THE-PANES");
  session.send("C-l");
  await session.waitFor((s) => !s.includes("GARBAGE") && !s.includes("#####"), "the redraw");
  assert.equal(await settled(session), clean);

  session.send("?");
  const help = await session.waitForText("redraw the whole screen");
  assert.match(help, /C-l\s+redraw the whole screen/);
  // Ctrl-L works over an overlay too, and leaves it open.
  writeFileSync(tty, "\x1b[3;3HGARBAGE-OVER-THE-HELP");
  await session.waitForText("GARBAGE-OVER-THE-HELP");
  session.send("C-l");
  const redrawn = await session.waitFor((s) => !s.includes("GARBAGE"), "the redraw");
  assert.match(redrawn, /redraw the whole screen/);
});

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

for (const [cols, rows] of [
  [150, 40],
  [90, 30],
]) {
  test(`at ${cols}×${rows}, after random keys and streamed toots the screen equals a full repaint`, {
    timeout: 300_000,
  }, async () => {
    const { session, demo } = await startQuiet(cols!, rows!);
    for (let seed = 1; seed <= 10; seed++) {
      const steps = await randomSteps(session, demo, seed * 7919 + cols!, 25);
      await drained(session);
      const incremental = await settled(session);
      session.send("C-l");
      const full = await settled(session);
      assert.ok(
        incremental === full,
        `seed ${seed}: the incremental screen differs from the full repaint\n${differingRows(incremental, full)}\nsteps:\n${steps.join("\n")}`,
      );
    }
  });
}
