// The screen proper of `tootty`: the panes, the features and the lifecycle, for an open
// session. Loaded while the session opens (see tui.ts), so its modules load during the first
// round trip instead of before it.
import { appendFileSync } from "node:fs";
import { AccountStore } from "../config/accounts.js";
import { configDir } from "../config/paths.js";
import type { BidiSetting, Settings } from "../config/settings.js";
import { chooseLocale, loadLanguage, setLocale, tl } from "../i18n/index.js";
import {
  onCodeHighlightingWanted,
  pickTheme,
  RenderCache,
  setTerminalWidths,
  setVisualBidi,
  warmUpCodeHighlighting,
} from "../render/index.js";
import type { Session } from "../timeline/session.js";
import { offerDrafts } from "../ui/features/compose.js";
import { type FeatureDeps, featureActions } from "../ui/features/index.js";
import { requestMarkers, trackReadPosition } from "../ui/features/read-position.js";
import { confirm } from "../ui/overlays/panel.js";
import { buildPanes } from "../ui/panes/panes.js";
import { renderPaneItem } from "../ui/panes/render-item.js";
import type { PaneItem } from "../ui/panes/timeline-pane.js";
import type { ActionContext } from "../ui/shell/app.js";
import { startApp } from "../ui/shell/app.js";
import { makeBlessedStartFast } from "../ui/shell/blessed-startup.js";
import { connectionLabel } from "../ui/shell/connection-label.js";
import { chooseProtocol, type ShellPictures, startPictures } from "../ui/shell/pictures.js";
import { type BidiChoice, chooseBidi } from "../ui/terminal/bidi.js";
import { detectTerminal } from "../ui/terminal/capabilities.js";
import type { GraphicsAnswers } from "../ui/terminal/graphics-probe.js";
import { exitProcess, installLifecycle } from "../ui/terminal/lifecycle.js";
import { probeTerminal } from "../ui/terminal/start-probe.js";
import { saveCodeCache } from "./code-cache-hook.js";
import { collectStartGarbage, favourMemoryOverSpeed } from "./memory-mode.js";
import { openOtherAccount, type Target } from "./target.js";
import { traceBuiltins, traceMark, whenDrawn } from "./trace.js";

/** What ends a screen: quitting, or switching to another stored account (already opened). */
type Outcome = { kind: "quit" } | { kind: "switch"; target: Target; session: Session };

interface RunningScreen {
  outcome: Promise<Outcome>;
  destroy(): void;
  /** Saves the read position and stops tracking it. */
  close(): Promise<void>;
}

/** Runs screens until the user quits: the first on `session`, then one per account switched to. */
export async function runScreens({
  target,
  session,
  settings,
  env,
  warnings,
  bidiSetting,
  onFirstFrame,
}: {
  target: Target;
  session: Session;
  settings: Settings;
  env: NodeJS.ProcessEnv;
  warnings: string[];
  /** --bidi, over the setting. */
  bidiSetting?: BidiSetting;
  /** Told once the first screen's first frame has been written. */
  onFirstFrame: () => void;
}): Promise<number> {
  traceMark("screens-loaded");
  silenceConsole(env);
  const terminal = detectTerminal(env);
  // Before the first paint, in one round trip: how this terminal draws emoji sequences and
  // which picture protocol it speaks (src/ui/terminal/start-probe.ts).
  const answers = await probeTerminal(process.stdin, process.stdout, {
    widths: terminal.unicode,
    graphics: settings.images === "auto" && terminal.colorLevel > 0,
  });
  if (answers.widths) setTerminalWidths(answers.widths);
  traceMark("terminal-probed");
  const theme = pickTheme(settings.theme.base, terminal.colorLevel, settings.theme.configured);
  const bidi = chooseBidi(bidiSetting ?? settings.bidi, env);
  setVisualBidi(bidi.reorder);
  const language = chooseLocale(env, settings.interfaceLanguage);
  await loadLanguage(language);
  setLocale(language);
  const shared: ScreenShared = {
    settings,
    env,
    terminal,
    theme,
    bidi,
    cache: new RenderCache(),
    graphics: answers.graphics,
    onFirstFrame,
  };

  let current = { target, session };
  let screen: RunningScreen | undefined;
  // Restore first, then the message, then close: see src/ui/terminal/lifecycle.ts.
  const { finish } = installLifecycle({
    destroyScreen: () => screen?.destroy(),
    cleanup: async () => {
      await screen?.close();
      current.session.close();
      await current.target.cleanup();
    },
    exit: exitProcess,
    stdin: process.stdin,
    stdout: process.stdout,
    stderr: process.stderr,
  });

  for (let first = true; ; first = false) {
    screen = await startScreen(current.session, current.target, shared, first ? warnings : []);
    const outcome = await screen.outcome;
    if (outcome.kind === "quit") break;
    // Each account has its own session and streams: close this one, show the other.
    await screen.close();
    screen.destroy();
    current.session.close();
    await current.target.cleanup();
    current = { target: outcome.target, session: outcome.session };
  }
  await finish(0);
  return 0;
}

interface ScreenShared {
  settings: Settings;
  env: NodeJS.ProcessEnv;
  terminal: ReturnType<typeof detectTerminal>;
  theme: ReturnType<typeof pickTheme>;
  bidi: BidiChoice;
  cache: RenderCache;
  graphics: GraphicsAnswers;
  onFirstFrame: () => void;
}

async function startScreen(
  session: Session,
  target: Target,
  { settings, env, terminal, theme, bidi, cache, graphics, onFirstFrame }: ScreenShared,
  warnings: string[],
): Promise<RunningScreen> {
  const unicode = terminal.unicode;
  let resolveOutcome!: (o: Outcome) => void;
  const outcome = new Promise<Outcome>((resolve) => {
    resolveOutcome = resolve;
  });
  // Assigned once the app exists; switchTo runs only after that.
  let app: ReturnType<typeof startApp<PaneItem>>;
  let switching = false;
  const switchTo = (acct: string) => {
    if (switching) return;
    switching = true;
    app.flash(tl("flash.switching", { acct }));
    void openOtherAccount(acct, settings, env).then((next) => {
      switching = false;
      if ("error" in next) {
        app.flash(next.error);
        return;
      }
      resolveOutcome({ kind: "switch", ...next });
      app.quit();
    });
  };
  const shellPictures: ShellPictures | undefined = await startPictures({
    protocol: chooseProtocol(settings.images, graphics, terminal.colorLevel, env),
    colorLevel: terminal.colorLevel,
    unicode,
    env,
    ...(graphics.cellPixels ? { cellPixels: graphics.cellPixels } : {}),
    onChange: () => app?.repaintSoon(),
  });
  const pictures = shellPictures?.pictures;
  const avatars = settings.avatars ? shellPictures?.avatars : undefined;
  const markers = requestMarkers(session);
  let panesNotice: string | undefined;
  const panes = buildPanes(session, settings, (line) => {
    panesNotice = line;
  });
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
    pictures,
    ...(avatars ? { avatars } : {}),
    ...(target.storedAcct
      ? {
          accounts: {
            list: () => new AccountStore(configDir(env), { env }).list().map((a) => a.acct),
            current: target.storedAcct,
            switchTo,
          },
        }
      : {}),
  };
  // Terminfo capabilities compiled on first use, not all up front (see blessed-startup.ts).
  makeBlessedStartFast();
  app = startApp({
    panes,
    renderItem: (item, width, expanded) =>
      renderPaneItem(item, {
        cache,
        theme,
        width,
        expanded,
        unicode,
        now: Date.now(),
        pictures,
        pictureRows: settings.pictureRows,
        ...(avatars ? { avatars } : {}),
      }),
    accountLabel: `${session.account.acct}@${session.instance.domain}`,
    connectionState: (brief) => connectionLabel(session, Date.now(), brief),
    onConnectionChange: (listener) => {
      const offs = [session.stream.onStateChange(listener), session.rest.onStateChange(listener)];
      return () => {
        for (const off of offs) off();
      };
    },
    keymap: settings.keymap,
    ...(settings.confirm.quit
      ? { confirmQuit: (ctx: ActionContext<PaneItem>) => confirm(ctx, tl("confirm.quit")) }
      : {}),
    actions: featureActions(deps),
    unicode,
    colorLevel: terminal.colorLevel,
    terminalModes: bidi,
  });
  shellPictures?.attach(app.context().screen);
  const notice = warnings[0] ?? panesNotice;
  if (notice) app.flash(notice);
  traceMark("screen-started");
  // blessed writes a frame on the tick after its render event.
  app.context().screen.once("render", () =>
    setImmediate(() => {
      onFirstFrame();
      if (!notice) offerDrafts(app, deps);
    }),
  );
  whenDrawn(
    app.context().screen,
    () => panes.some((pane) => pane.items().length > 0),
    () => {
      traceMark("first-toots-painted");
      traceBuiltins();
      // The code a start runs is compiled by now: cached for the next start (code-cache.ts),
      // before the flag below, which V8 would hold against a cache made after it.
      const code = saveCodeCache();
      if (code) {
        const sources = Object.values(code.loaded);
        const cached = sources.filter((s) => s === "cache").length;
        const big = sources.filter((s) => s !== "small").length;
        traceMark(`code-cache-${cached}-of-${big}`);
      }
      // Only now: favouring memory means more GC, which would slow the start (memory-mode.ts).
      favourMemoryOverSpeed();
      // After this turn's work (the code cache's files are written on the next one).
      setImmediate(collectStartGarbage);
    },
  );
  // Loading the highlighter blocks for a few hundred ms and holds ~2 MB of grammars: only
  // once a code block has been drawn, and not before the toots have been up a second. Code
  // blocks are highlighted from the next paint on.
  let tootsUpAt: number | undefined;
  let codeShown = false;
  const highlightSoon = () => {
    const wait = Math.max(0, tootsUpAt! + 1_000 - Date.now());
    setTimeout(() => {
      void warmUpCodeHighlighting().then(() => app.repaintSoon());
    }, wait).unref();
  };
  onCodeHighlightingWanted(() => {
    codeShown = true;
    if (tootsUpAt !== undefined) highlightSoon();
  });
  const offFirst = panes.map((pane) =>
    pane.onChange(() => {
      if (pane.items().length === 0) return;
      for (const off of offFirst) off();
      tootsUpAt = Date.now();
      if (codeShown) highlightSoon();
    }),
  );

  const readPosition = trackReadPosition(session, panes, app, markers);
  void app.done.then(() => resolveOutcome({ kind: "quit" }));
  return {
    outcome,
    destroy: () => {
      const farewell = shellPictures?.farewell();
      if (farewell) process.stdout.write(farewell);
      app.destroy();
    },
    async close() {
      await readPosition.flush(1_500);
      readPosition.close();
    },
  };
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
