// Arabic as a reader sees it: in tmux (no bidi) tootty puts the words in visual order and
// the letters in their joined forms; where the terminal reorders by itself it gets logical
// order, or (VTE) is switched to explicit mode first. Never both.
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, describe, test } from "node:test";
import { cellWidth, stripAnsi } from "../../src/render/index.js";
import {
  BIN,
  CONNECTED,
  e2eInstance,
  newConfigDir,
  postAndReadHome,
  until,
} from "../helpers/e2e.js";
import { startTerminal, type TerminalSession } from "../helpers/terminal.js";
import { captureWithColours } from "../ui/terminal-harness.js";

const e2e = e2eInstance({ generate: false, seedCount: 3 });
const WORDS = "مرحبا بالعالم";
const reversed = (s: string) => [...s].reverse().join("");
const seen = (s: string) => s.normalize("NFKC");
/** مرحبا joined: meem initial, reh final, hah initial, beh medial, alef final — right to left. */
const JOINED = "\ufe8e\ufe92\ufea3\ufeae\ufee3";

const sessions: TerminalSession[] = [];
after(() => {
  for (const s of sessions) s.kill();
});

function publish(): void {
  e2e.demo.control.publish("home", { content: `<p>${WORDS} 2026</p>` });
}

/**
 * tootty in a terminal with its raw output recorded from the first byte: it waits for the
 * recording to be attached (a file appears) before starting. `outside` is the environment
 * of a terminal outside any multiplexer (TMUX emptied, an xterm TERM).
 */
async function recorded(env: Record<string, string>) {
  const config = newConfigDir();
  const gate = join(config, "go");
  const raw = join(config, "raw.bin");
  writeFileSync(raw, "");
  const tui = startTerminal({
    command: [
      "sh",
      "-c",
      'while [ ! -e "$0" ]; do sleep 0.02; done; exec "$@"',
      gate,
      process.execPath,
      BIN,
    ],
    cols: 100,
    rows: 30,
    env: {
      TOOTTY_INSTANCE: e2e.demo.url,
      TOOTTY_ACCESS_TOKEN: e2e.demo.token,
      TOOTTY_CONFIG_DIR: config,
      LANG: "C.UTF-8",
      ...env,
    },
  });
  sessions.push(tui);
  tui.recordOutput(raw);
  writeFileSync(gate, "");
  return { tui, bytes: () => readFileSync(raw, "utf8") };
}

const OUTSIDE_TMUX = { TMUX: "", TERM: "xterm-256color" };

describe("Arabic on screen", () => {
  test("in tmux the toot reads in visual order, letters joined, against the right edge", async () => {
    publish();
    const tui = e2e.start({ cols: 100, rows: 30 });
    const screen = await tui.waitFor((s) => s.includes("2026"), "the Arabic toot", 15_000);
    const row = screen.split("\n").find((r) => r.includes("2026"))!;
    assert.ok(seen(row).includes(`2026 ${reversed(WORDS)}`), `visual order:\n${row}`);
    assert.ok(row.includes(JOINED), `joined letters:\n${row}`);
    // Right-aligned: nothing but the pane's edge after the text.
    assert.match(row, new RegExp(`${JOINED}\\s*│`), row);
    tui.send("q");
    assert.equal(await tui.waitForExit(), 0);
  });

  test("a VTE outside tmux is switched to explicit mode, reordered once, and switched back", async () => {
    publish();
    const { tui, bytes } = await recorded({ ...OUTSIDE_TMUX, VTE_VERSION: "7600" });
    await tui.waitFor((s) => s.includes("2026"), "the Arabic toot", 15_000);
    const out = bytes();
    const explicit = out.indexOf("\x1b[8l");
    assert.ok(explicit >= 0, "CSI 8 l written");
    assert.ok(explicit < out.indexOf(JOINED), "before the first Arabic is drawn");
    assert.ok(!out.includes(WORDS), "never in logical order as well");
    tui.send("q");
    assert.equal(await tui.waitForExit(), 0);
    await until("CSI 8 h on exit", () => bytes().lastIndexOf("\x1b[8h") > explicit);
  });

  test("in visual order no bidi mark reaches the terminal: not in titles, the status line or toots", async () => {
    // LRM, RLM and ALM only steer a terminal that reorders; once tootty has put a line in
    // visual order they are stray characters a copy carries out, and a terminal that gives
    // them a cell shifts the line.
    publish();
    const { tui, bytes } = await recorded({ ...OUTSIDE_TMUX, LANG: "ar_EG.UTF-8" });
    const screen = await tui.waitFor((s) => s.includes("2026"), "the Arabic toot", 15_000);
    assert.ok(seen(screen).includes(reversed("الرئيسية")), `the Arabic interface:\n${screen}`);
    const marks = [...bytes().matchAll(/[\u200e\u200f\u061c]/g)].length;
    assert.equal(marks, 0, `${marks} bidi marks written`);
    tui.send("q");
    assert.equal(await tui.waitForExit(), 0);
  });

  test("a terminal that reorders by itself (Konsole) gets logical order, unshaped", async () => {
    publish();
    const { tui, bytes } = await recorded({ ...OUTSIDE_TMUX, KONSOLE_VERSION: "230804" });
    const screen = await tui.waitFor((s) => s.includes("2026"), "the Arabic toot", 15_000);
    assert.ok(screen.includes(`${WORDS} 2026`), `logical order:\n${screen}`);
    assert.ok(!bytes().includes(JOINED), "not shaped");
    assert.ok(!bytes().includes("\x1b[8l"), "its mode left alone");
    tui.send("q");
    assert.equal(await tui.waitForExit(), 0);
  });

  test("--bidi terminal in tmux leaves the order to the terminal", async () => {
    publish();
    const tui = startTerminal({
      command: [process.execPath, BIN, "--bidi", "terminal"],
      cols: 100,
      rows: 30,
      env: {
        TOOTTY_INSTANCE: e2e.demo.url,
        TOOTTY_ACCESS_TOKEN: e2e.demo.token,
        TOOTTY_CONFIG_DIR: newConfigDir(),
        LANG: "C.UTF-8",
      },
    });
    sessions.push(tui);
    const screen = await tui.waitFor((s) => s.includes("2026"), "the Arabic toot", 15_000);
    assert.ok(screen.includes(`${WORDS} 2026`), `logical order:\n${screen}`);
    tui.send("q");
    assert.equal(await tui.waitForExit(), 0);
  });
});

describe("Arabic in the composer", () => {
  test("typed in logical order, drawn in visual order with the cursor where the next letter goes, posted as typed", async () => {
    const tui = e2e.start({ cols: 80, rows: 24 });
    await tui.waitForText(`Home · ${CONNECTED}`, 15_000);
    tui.send("c");
    await tui.waitForText("-- INSERT --");
    tui.type("مرحبا بك");
    const row = () =>
      captureWithColours(tui)
        .split("\n")
        .find((r) => r.normalize("NFKC").includes(reversed("بك")));
    await until("the words in the composer", () => row() !== undefined, 10_000, tui);
    const drawn = row()!;
    const cells = stripAnsi(drawn);
    assert.ok(seen(cells).includes(reversed(WORDS.split(" ")[0]!)), cells);
    assert.ok(seen(cells).includes(`${reversed("بك")} ${reversed("مرحبا")}`), cells);
    // The cursor (reverse video) is the cell left of the last letter typed.
    const cursorAt = cellWidth(stripAnsi(drawn.slice(0, drawn.indexOf("\x1b[7m"))));
    const lastLetter = cells.indexOf("\ufeda"); // ك final, the leftmost letter
    assert.equal(cursorAt, cellWidth(cells.slice(0, lastLetter)) - 1, drawn);
    tui.type("م");
    await until(
      "the next letter where the cursor was",
      () => {
        const r = row();
        if (!r) return false;
        const plain = stripAnsi(r);
        const at = [...plain].indexOf("\ufee2"); // م final
        return at >= 0 && cellWidth([...plain].slice(0, at).join("")) === cursorAt;
      },
      10_000,
      tui,
    );
    const posted = await postAndReadHome(e2e, tui);
    assert.ok(
      posted.some((t) => t.includes("مرحبا بكم")),
      "posted in logical order, unshaped",
    );
    tui.send("q");
    assert.equal(await tui.waitForExit(), 0);
  });
});
