// What every end-to-end test needs: the built tootty, a simulated instance in this process
// (so the test reads its state and request log directly), and tootty running against it in
// a real terminal (tmux), each with its own config folder.
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before } from "node:test";
import { reshapeBody } from "../../src/demo/flavour.js";
import {
  type DemoFlavourName,
  type DemoInstance,
  type DemoInstanceOptions,
  demoFlavour,
  isDemoFlavour,
  startDemoInstance,
} from "../../src/demo/index.js";
import { en } from "../../src/i18n/en.js";
import { type EmulatorName, startTerminal, type TerminalSession } from "./terminal.js";

export const BIN = new URL("../../bin/tootty.js", import.meta.url).pathname;

/** The server the simulated instances play (`npm run test:flavours` sets it per run). */
export const FLAVOUR = flavourFromEnv();

// Misskey's socket (Sharkey) opens but carries nothing Mastodon-shaped: no streaming either.
const streams = (flavour: DemoFlavourName | undefined) =>
  !["none", "misskey"].includes(demoFlavour(flavour).streaming);
/** Whether the flavour's server streams at all (Hollo and snac do not). */
export const STREAMS = streams(FLAVOUR);

/**
 * What a connected pane's title says on a flavour: "live", or "polling" on a server with no
 * streaming (its panes are up to date by polling, and say so).
 */
export const connectedOn = (flavour: DemoFlavourName | undefined) =>
  streams(flavour) ? "live" : "polling";

/** What a connected pane's title says on this run's flavour. */
export const CONNECTED = connectedOn(FLAVOUR);

/**
 * A connected pane's whole state words on a flavour, as the title shows them before what
 * follows (" · 6 new"): "live", or "polling (the server has no streaming)".
 */
export const connectedWordsOn = (flavour: DemoFlavourName | undefined) =>
  streams(flavour) ? en["state.live"] : en["state.pollingNoStreaming"];

/**
 * Whether this run's flavour has the endpoint `METHOD /path` (src/demo/flavour.ts `missing`):
 * a test of a feature the server lacks asserts what tootty says there instead.
 */
export function flavourHas(method: string, path: string): boolean {
  const f = demoFlavour(FLAVOUR);
  // An endpoint that answers an empty list whatever there is (snac's stubs) is not there either.
  return ![...f.missing, ...(f.emptyLists ?? [])].some((re) => re.test(`${method} ${path}`));
}

/**
 * For `test(…, { skip: needsEndpoint(…) })`: why a test of an endpoint this run's flavour
 * lacks cannot run (what tootty says there instead is tested where the feature is asked for).
 */
export function needsEndpoint(method: string, path: string, what: string): string | false {
  return flavourHas(method, path)
    ? false
    : `the ${FLAVOUR} flavour has no ${what} (${method} ${path})`;
}

/** The flavour's toot length limit (instance configuration.statuses.max_characters). */
export const MAX_CHARACTERS = demoFlavour(FLAVOUR).maxCharacters;

/** For `test(…, { skip: NEEDS_STREAM })`: why a test of the stream itself cannot run here. */
export const NEEDS_STREAM: string | false = STREAMS
  ? false
  : `the ${FLAVOUR} flavour has no streaming (the test is about the stream)`;

/** For `test(…, { skip: NEEDS_ASYNC_REFRESH })`: the flavour's server has no async refreshes. */
export const NEEDS_ASYNC_REFRESH: string | false = demoFlavour(FLAVOUR).asyncRefreshes
  ? false
  : `the ${FLAVOUR} flavour has no async refreshes (Mastodon-Async-Refresh is Mastodon 4.4+'s)`;

/**
 * For `test(…, { skip: NEEDS_QUOTES })`: the flavour's toots carry no quote at all (GoToSocial's
 * and snac's statuses have no `quote`), so there is no quoted toot to draw.
 */
export const NEEDS_QUOTES: string | false = (() => {
  const account = { id: "1", acct: "a" };
  const toot = { uri: "u", visibility: "public", content: "", account };
  const quoting = { ...toot, quote: { state: "accepted", quoted_status: { ...toot, id: "2" } } };
  const shaped = reshapeBody(demoFlavour(FLAVOUR), quoting) as { quote?: unknown };
  return shaped.quote
    ? false
    : `the ${FLAVOUR} flavour's toots carry no quote (its server has no quote posts)`;
})();

const POLL_MS = 5_000;

/**
 * Settings a fresh config folder gets on this flavour. With no streaming, panes are brought up
 * to date by polling (settings.ts: 20–40 s by default); tests that wait for a new toot poll at
 * the fastest pace the settings allow, so an arrival is seen within one interval of 5 s.
 */
export const flavourConfig = (flavour: DemoFlavourName | undefined): Record<string, unknown> =>
  streams(flavour) ? {} : { pollMinMs: POLL_MS, pollMaxMs: POLL_MS };
export const FLAVOUR_CONFIG = flavourConfig(FLAVOUR);

/**
 * How long a new toot may take to reach an open pane on this run's flavour with a fresh config
 * folder: at once from the stream, or by the next poll (one interval, and the request itself,
 * on a loaded machine).
 */
export const ARRIVAL_MS = STREAMS ? 500 : 2 * POLL_MS + 5_000;

function flavourFromEnv(): DemoFlavourName | undefined {
  const name = process.env.TOOTTY_DEMO_FLAVOUR;
  if (name === undefined || name === "") return undefined;
  if (!isDemoFlavour(name)) throw new Error(`TOOTTY_DEMO_FLAVOUR: unknown flavour ${name}`);
  return name;
}

export interface TuiOptions {
  cols?: number;
  rows?: number;
  env?: Record<string, string>;
  /** Written to config.json in a fresh config folder. */
  config?: unknown;
  /** Reuse a config folder (drafts, accounts) instead of a fresh one. */
  configDir?: string;
  /** The terminal to run in (default: xterm.js, or TOOTTY_TEST_TERMINAL). */
  emulator?: EmulatorName;
  /** xterm.js only: extra answers to what tootty writes (see TerminalStartOptions). */
  answer?: (output: string) => string | undefined;
}

export interface E2E {
  /** The instance of this test file (started in `before`). */
  readonly demo: DemoInstance;
  /** What a connected pane's title says on this instance's flavour (see `connectedOn`). */
  readonly connected: string;
  /** The whole state words of a connected pane there (see `connectedWordsOn`). */
  readonly connectedWords: string;
  /** tootty on the instance with its token, in a real terminal; killed after the file's tests. */
  start(opts?: TuiOptions): TerminalSession;
  /** Index into the request log: pass it to `requested` to look only at later requests. */
  logLength(): number;
  /** Waits until the instance got `method path` after `from`, and checks its status. */
  requested(method: string, path: string, status: number, from?: number): Promise<void>;
}

/** A fresh config folder (0700), optionally with a config.json. */
export function newConfigDir(config?: unknown, flavour = FLAVOUR): string {
  const dir = join(mkdtempSync(join(tmpdir(), "tootty-e2e-")), "config");
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const base = flavourConfig(flavour);
  const settings =
    config === undefined ||
    (typeof config === "object" && config !== null && !Array.isArray(config))
      ? { ...base, ...(config as object | undefined) }
      : config;
  if (config !== undefined || Object.keys(base).length > 0)
    writeFileSync(join(dir, "config.json"), JSON.stringify(settings), { mode: 0o600 });
  return dir;
}

/** Registers before/after hooks for one simulated instance and the TUIs started on it. */
export function e2eInstance(
  options: DemoInstanceOptions = { generate: false, seedCount: 20 },
): E2E {
  let demo: DemoInstance | undefined;
  const sessions: TerminalSession[] = [];
  const flavour = options.flavour ?? FLAVOUR;
  before(async () => {
    demo = await startDemoInstance({ ...(FLAVOUR ? { flavour: FLAVOUR } : {}), ...options });
  });
  after(async () => {
    for (const s of sessions) s.kill();
    await demo?.close();
  });
  const instance = () => {
    if (!demo) throw new Error("the instance starts in before()");
    return demo;
  };
  return {
    get demo() {
      return instance();
    },
    connected: connectedOn(flavour),
    connectedWords: connectedWordsOn(flavour),
    start(opts = {}) {
      const session = startTerminal(
        {
          command: [process.execPath, BIN],
          cols: opts.cols ?? 100,
          rows: opts.rows ?? 34,
          env: {
            TOOTTY_INSTANCE: instance().url,
            TOOTTY_ACCESS_TOKEN: instance().token,
            TOOTTY_CONFIG_DIR: opts.configDir ?? newConfigDir(opts.config, flavour),
            LANG: "C.UTF-8",
            ...opts.env,
          },
          ...(opts.answer ? { answer: opts.answer } : {}),
        },
        opts.emulator,
      );
      sessions.push(session);
      return session;
    },
    logLength: () => instance().control.requestLog().length,
    async requested(method, path, status, from = 0) {
      await until(`${method} ${path} to reach the instance`, () =>
        instance()
          .control.requestLog()
          .slice(from)
          .some((e) => e.method === method && e.path === path),
      );
      const hit = instance()
        .control.requestLog()
        .slice(from)
        .find((e) => e.method === method && e.path === path)!;
      assert.equal(hit.status, status, `${method} ${path} answered ${hit.status}`);
    },
  };
}

/** Polls `check` until it holds; throws naming `what` (and the screen, if given) on timeout. */
export async function until(
  what: string,
  check: () => boolean,
  timeoutMs = 5000,
  screen?: TerminalSession,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for ${what}${screen ? `:\n${screen.capture()}` : ""}`);
    }
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Presses `:` and waits for the command line on the bottom row. */
export async function openCommandLine(tui: TerminalSession): Promise<void> {
  tui.type(":");
  await tui.waitFor(
    (s) => s.trimEnd().split("\n").at(-1)?.startsWith(":") ?? false,
    "command line",
  );
}

/** Runs `:text` on the command line (types it and Enter). */
export async function command(tui: TerminalSession, text: string): Promise<void> {
  await openCommandLine(tui);
  tui.type(text);
  tui.send("Enter");
}

/** Waits for the Home pane, goes to its newest toot (past a saved read position) and waits for `text`. */
export async function openNewest(tui: TerminalSession, text: string): Promise<void> {
  await tui.waitForText("Home ·", 15_000);
  // g before the first page arrives would be lost: press again until the toot is in view.
  for (let i = 0; ; i++) {
    tui.send("g");
    try {
      await tui.waitForText(text, 500);
      return;
    } catch (err) {
      if (i >= 20) throw err;
    }
  }
}

/**
 * Presses `key` until the screen shows `done` (text) or `done()` holds: each press at the
 * bottom of a feed asks for the next page, and a press after the page is in moves to its bottom.
 */
export async function pressUntil(
  tui: TerminalSession,
  key: string,
  done: string | (() => boolean),
  what: string,
): Promise<void> {
  const deadline = Date.now() + 30_000;
  const check = typeof done === "string" ? (s: string) => s.includes(done) : () => done();
  for (;;) {
    tui.send(key);
    try {
      await tui.waitFor(check, what, 1_500);
      return;
    } catch (err) {
      if (Date.now() > deadline) throw err;
    }
  }
}

/** Posts what the composer holds (:wq) and returns the contents of the newest home toots. */
export async function postAndReadHome(e2e: E2E, tui: TerminalSession): Promise<string[]> {
  tui.send("Escape", ":wq", "Enter");
  await tui.waitForText("Posted", 15_000);
  await until("the toot at the instance", () =>
    e2e.demo.control
      .requestLog()
      .some((e) => e.method === "POST" && e.path === "/api/v1/statuses" && e.status === 200),
  );
  const res = await fetch(`${e2e.demo.url}/api/v1/timelines/home?limit=5`, {
    headers: { authorization: `Bearer ${e2e.demo.token}` },
  });
  return ((await res.json()) as { content: string }[]).map((t) => t.content);
}

/**
 * tootty in a tall terminal (100×60) polling every `pollMs`, with the pane `key` opens shown
 * and connected (its title `title · live`, or the flavour's word): where a cut-off starts.
 */
export async function tallPaneConnected(
  e2e: E2E,
  key: string,
  title: string,
  pollMs: number,
): Promise<TerminalSession> {
  const tui = e2e.start({ cols: 100, rows: 60, config: { pollMinMs: pollMs, pollMaxMs: pollMs } });
  await tui.waitForText("Home ·", 20_000);
  tui.send(key);
  await tui.waitForText(`${title} · ${e2e.connected}`, 20_000);
  return tui;
}

/**
 * Cuts tootty off from `demo`: every request under `pathPrefixes` answers 503 and, on a server
 * that streams, the socket drops and upgrades are refused for a minute. Resolves once one of
 * those requests failed (tootty noticed); `demo.control.clearFaults()` heals it.
 */
export async function cutOff(
  demo: DemoInstance,
  tui: TerminalSession,
  pathPrefixes: readonly string[],
  pollMs: number,
): Promise<void> {
  const from = demo.control.requestLog().length;
  for (const pathPrefix of pathPrefixes) demo.control.failHttp({ pathPrefix, status: 503 });
  if (streams(demo.flavour)) {
    demo.control.refuseUpgrades(60_000);
    demo.control.dropSockets();
  }
  await until(
    "a request to fail",
    () =>
      demo.control
        .requestLog()
        .slice(from)
        .some((e) => e.status === 503),
    pollMs * 3 + 40_000,
    tui,
  );
}

/**
 * The markers (`pattern`, global; its first group if it has one) the active pane shows from
 * where it is down to `last`, in the order met, scrolling half a page at a time (Ctrl-d). Fails if a marker is on screen
 * twice or a gap row ("load missing") shows.
 */
export async function markersDownTo(
  tui: TerminalSession,
  pattern: RegExp,
  last: string,
  timeoutMs = 90_000,
): Promise<string[]> {
  const seen: string[] = [];
  const deadline = Date.now() + timeoutMs;
  while (!seen.includes(last)) {
    const screen = tui.capture();
    assert.doesNotMatch(screen, /load (the )?missing|gap/i, "no gap row");
    const onScreen = [...screen.matchAll(pattern)].map((m) => m[1] ?? m[0]);
    assert.equal(new Set(onScreen).size, onScreen.length, `a marker twice on screen:\n${screen}`);
    for (const m of onScreen) if (!seen.includes(m)) seen.push(m);
    if (Date.now() > deadline) break;
    const before = screen;
    tui.send("C-d");
    await tui.waitFor((s) => s !== before, "the pane to scroll", 10_000).catch(() => undefined);
  }
  return seen;
}
