// `tootty` and `tootty --demo`: resolve the account, open the session, run the screen.
// Everything that can fail before the first paint fails here with one line on stderr and
// exit code 1, with the terminal untouched.
import { appendFileSync, writeFileSync } from "node:fs";
import { describeError } from "../api/errors.js";
import { configDir } from "../config/paths.js";
import { resolveAccount } from "../config/resolve-account.js";
import { loadSettings } from "../config/settings.js";
import { pickTheme, RenderCache, warmUpCodeHighlighting } from "../render/index.js";
import { openSession, type Session } from "../timeline/session.js";
import type { ActionContext } from "../ui/app.js";
import { startApp } from "../ui/app.js";
import { makeBlessedStartFast } from "../ui/blessed-startup.js";
import { connectionLabel } from "../ui/connection-label.js";
import { offerDrafts } from "../ui/features/compose.js";
import { type FeatureDeps, featureActions } from "../ui/features/index.js";
import { buildPanes } from "../ui/panes.js";
import { requestMarkers, trackReadPosition } from "../ui/read-position.js";
import { renderPaneItem } from "../ui/render-item.js";
import { detectTerminal } from "../ui/terminal/capabilities.js";
import { exitProcess, installLifecycle } from "../ui/terminal/lifecycle.js";
import type { PaneItem } from "../ui/timeline-pane.js";
import { confirm } from "../ui/views/panel.js";
import { coalesceChanges } from "./coalesce-changes.js";
import { favourMemoryOverSpeed } from "./memory-mode.js";
import { traceMark, whenDrawn } from "./trace.js";

export interface TuiCommand {
  demo: boolean;
  account?: string;
}

async function connect(
  command: TuiCommand,
  env: NodeJS.ProcessEnv,
): Promise<
  { instanceUrl: string; accessToken: string; cleanup: () => Promise<void> } | { error: string }
> {
  if (command.demo) {
    const { startDemoInstance, demoAnnounce } = await import("../demo/index.js");
    const demo = await startDemoInstance();
    // Tests reach the embedded instance's fault controls through this file.
    if (env.TOOTTY_DEMO_ANNOUNCE)
      writeFileSync(env.TOOTTY_DEMO_ANNOUNCE, demoAnnounce(demo) + "\n", { mode: 0o600 });
    return { instanceUrl: demo.url, accessToken: demo.token, cleanup: () => demo.close() };
  }
  const resolved = await resolveAccount(env, command.account);
  if ("error" in resolved) return resolved;
  return {
    instanceUrl: resolved.instanceUrl.toString().replace(/\/$/, ""),
    accessToken: resolved.accessToken,
    cleanup: async () => {},
  };
}

export async function runTui(
  command: TuiCommand,
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  const { settings, warnings } = loadSettings(env);
  for (const w of warnings) process.stderr.write(`tootty: ${w}\n`);

  traceMark("tui-loaded");
  const target = await connect(command, env);
  traceMark("connected");
  if ("error" in target) {
    process.stderr.write(`tootty: ${target.error}\n`);
    return 1;
  }
  let session: Session;
  // The client's timers never hold the process open (quitting must be instant), so while the
  // first requests retry with backoff, something has to.
  const keepAlive = setInterval(() => {}, 60_000);
  try {
    session = await openSession({
      instanceUrl: target.instanceUrl,
      accessToken: target.accessToken,
      watchdogMs: settings.watchdogMs,
      feed: {
        pollMinMs: settings.pollMinMs,
        pollMaxMs: settings.pollMaxMs,
        storeSize: settings.bufferSize,
      },
      // The panes' first pages are asked for alongside instance and account (first paint sooner).
      prefetch: (["home", "local", "federated"] as const).filter((kind) =>
        settings.panes.some((pane) => pane.timeline === kind),
      ),
    });
  } catch (err) {
    await target.cleanup();
    process.stderr.write(`tootty: ${describeError(err)}\n`);
    return 1;
  } finally {
    clearInterval(keepAlive);
  }
  traceMark("session-open");

  silenceConsole(env);
  const terminal = detectTerminal(env);
  const theme = pickTheme(settings.theme.base, terminal.colorLevel, settings.theme.configured);
  const cache = new RenderCache(4000);
  const unicode = terminal.unicode;
  const markers = requestMarkers(session);
  // One change notification per frame per pane: see coalesce-changes.ts.
  const panes = buildPanes(session, settings).map((pane) => coalesceChanges(pane));
  // The feeds take their prefetched first pages in a few promise hops: let them, so the
  // screen's first frame already has the toots (a frame later would wait out a paint interval).
  await new Promise((resolve) => setImmediate(resolve));
  const deps: FeatureDeps = {
    session,
    settings,
    configDir: configDir(env),
    env,
    theme,
    cache,
    unicode,
  };
  // Terminfo capabilities compiled on first use, not all up front (see blessed-startup.ts).
  makeBlessedStartFast();
  const app = startApp({
    panes,
    renderItem: (item, width, expanded) =>
      renderPaneItem(item, { cache, theme, width, expanded, unicode, now: Date.now() }),
    accountLabel: `${session.account.acct}@${session.instance.domain}`,
    connectionState: () => connectionLabel(session),
    onConnectionChange: (listener) => {
      const offs = [session.stream.onStateChange(listener), session.rest.onStateChange(listener)];
      return () => {
        for (const off of offs) off();
      };
    },
    keymap: settings.keymap,
    ...(settings.confirm.quit
      ? { confirmQuit: (ctx: ActionContext<PaneItem>) => confirm(ctx, "Quit tootty? (y/n)") }
      : {}),
    actions: featureActions(deps),
    unicode,
    colorLevel: terminal.colorLevel,
  });
  if (warnings[0]) app.flash(warnings[0]);
  else offerDrafts(app, deps);
  traceMark("screen-started");
  whenDrawn(
    app.context().screen,
    () => panes.some((pane) => pane.items().length > 0),
    () => {
      traceMark("first-toots-painted");
      // Only now: favouring memory means more GC, which would slow the start (memory-mode.ts).
      favourMemoryOverSpeed();
    },
  );
  const offFirst = panes.map((pane) =>
    pane.onChange(() => {
      if (pane.items().length === 0) return;
      for (const off of offFirst) off();
      // Loading the highlighter blocks for a few hundred ms: only once the toots are up.
      // Code blocks are highlighted from the next paint on.
      setTimeout(() => {
        void warmUpCodeHighlighting().then(() => app.repaintSoon());
      }, 1_000).unref();
    }),
  );

  const readPosition = trackReadPosition(session, panes, app, markers);

  // Restore first, then the message, then close: see src/ui/terminal/lifecycle.ts.
  const { finish } = installLifecycle({
    destroyScreen: () => app.destroy(),
    cleanup: async () => {
      await readPosition.flush(1_500);
      readPosition.close();
      session.close();
      await target.cleanup();
    },
    exit: exitProcess,
    stdin: process.stdin,
    stdout: process.stdout,
    stderr: process.stderr,
  });

  await app.done;
  await finish(0);
  return 0;
}

/** Nothing may write to the terminal behind blessed's back: stray logs go to a file or nowhere. */
function silenceConsole(env: NodeJS.ProcessEnv): void {
  const logFile = env.TOOTTY_DEBUG_LOG;
  const write = logFile
    ? (...args: unknown[]) =>
        appendFileSync(logFile, `${args.map(String).join(" ")}\n`, { mode: 0o600 })
    : () => {};
  console.log = console.info = console.warn = console.error = console.debug = write;
}
