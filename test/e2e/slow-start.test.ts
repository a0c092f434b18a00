// Starting against a slow server (every REST answer 8 s late): the terminal is not left blank
// while tootty waits. The screen is up at once and says what it is waiting for, the first
// requests travel side by side (the toots arrive after one delay, not one per request), and
// `q` quits while it waits.
import assert from "node:assert/strict";
import { afterEach, test } from "node:test";
import { e2eInstance } from "../helpers/e2e.js";

const e2e = e2eInstance({ generate: false, seedCount: 20 });
const DELAY_MS = 8_000;

/** REST requests the instance has answered so far (the log gets an entry once answered). */
const answered = () => e2e.demo.control.requestLog().filter((e) => e.path.startsWith("/api/"));

afterEach(() => e2e.demo.control.clearFaults());

test("a slow server: the screen is up at once saying what it waits for, toots after one delay", async () => {
  e2e.demo.control.slowHttp({ pathPrefix: "/api/", delayMs: DELAY_MS });
  const from = answered().length;
  const started = Date.now();
  const tui = e2e.start({ cols: 120, rows: 36 });
  const host = new URL(e2e.demo.url).host;
  const waiting = await tui.waitFor(
    (s) => s.includes(host) && /waiting for/i.test(s),
    "the screen saying what it waits for",
    4_000,
  );
  assert.equal(answered().length, from, "drawn before the server answered anything");
  assert.match(waiting, /account/, "names what it waits for");
  assert.doesNotMatch(waiting, /\blive\b/, "does not claim to be live");

  // Instance, account and first pages in parallel: one delay (8 s), not two or more (≥ 16 s).
  await tui.waitFor((s) => /@\w+.*\b(now|\d+[smhd])\b/.test(s), "the first toot", 20_000);
  const elapsed = Date.now() - started;
  assert.ok(elapsed < 2 * DELAY_MS - 2_000, `first toot after ${elapsed} ms`);
  tui.send("q");
  assert.equal(await tui.waitForExit(), 0);
});

test("q while waiting for a slow server quits at once and gives the terminal back", async () => {
  e2e.demo.control.slowHttp({ pathPrefix: "/api/", delayMs: DELAY_MS });
  const from = answered().length;
  const tui = e2e.start({ cols: 100, rows: 30 });
  await tui.waitFor((s) => /waiting for/i.test(s), "the waiting screen", 4_000);
  tui.send("q");
  assert.equal(await tui.waitForExit(4_000), 0);
  assert.equal(answered().length, from, "quit before the server answered");
  assert.deepEqual(tui.terminalRestored(), { alternateScreen: false, cursorVisible: true });
});

test("the waiting screen names the quit key the keymap binds, and that key quits", async () => {
  e2e.demo.control.slowHttp({ pathPrefix: "/api/", delayMs: DELAY_MS });
  const tui = e2e.start({ cols: 100, rows: 30, config: { keymap: { quit: "Z" } } });
  const waiting = await tui.waitFor((s) => /Z quit/.test(s), "the remapped quit key named", 4_000);
  assert.doesNotMatch(waiting, /\bq quit/, "the default key is not offered once remapped");
  // q is no longer bound to quitting: the screen is still up a redraw later (it counts the
  // seconds it has waited, once a second; the key was read long before that).
  const seconds = (s: string) => Number(/\((\d+) s\)/.exec(s)?.[1] ?? 0);
  const before = seconds(tui.capture());
  tui.send("q");
  await tui.waitFor((s) => seconds(s) > before + 1, "a redraw after q", 6_000);
  tui.send("Z");
  assert.equal(await tui.waitForExit(4_000), 0);
  assert.deepEqual(tui.terminalRestored(), { alternateScreen: false, cursorVisible: true });
});
