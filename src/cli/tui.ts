// `tootty` and `tootty --demo`: resolve the account, open the session, run the screen.
// Start-up order: the session's first requests (instance, credentials, first pages) leave
// first; the screen's modules load while they travel; a slow server gets a waiting screen
// at once instead of a blank terminal (waiting-screen.ts). Everything that fails before the
// screen proper fails here with one line on stderr and exit code 1, the terminal given back.

import { describeError } from "../api/errors.js";
import { loadSettings } from "../config/settings.js";
import { chooseLocale, loadLanguage, setLocale, tl } from "../i18n/index.js";
import { setVisualBidi } from "../render/bidi.js";
import { openSession, type Session } from "../timeline/session.js";
import { chooseBidi } from "../ui/terminal/bidi.js";
import { connect, sessionOptions, type TuiCommand } from "./target.js";
import { traceMark } from "./trace.js";
import {
  showWaitingScreen,
  WAITING_SCREEN_AFTER_MS,
  type WaitingScreen,
} from "./waiting-screen.js";

export type { TuiCommand } from "./target.js";

export async function runTui(
  command: TuiCommand,
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  let { settings, warnings } = loadSettings(env);
  // The language, and who orders right-to-left text, before anything is said: the warnings,
  // the waiting screen and the errors below speak it too. The language is itself a setting,
  // so a file with problems is read again to word them in it. A terminal switched to
  // explicit mode only by the screen proper (VTE) still reorders by itself until then.
  const language = chooseLocale(env, settings.interfaceLanguage);
  await loadLanguage(language);
  setLocale(language);
  if (warnings.length > 0) ({ settings, warnings } = loadSettings(env));
  for (const w of warnings) process.stderr.write(`tootty: ${w}\n`);
  const bidi = chooseBidi(command.bidi ?? settings.bidi, env);
  setVisualBidi(bidi.reorder && bidi.enter === "");
  /** The words of the waiting screen for the two answers a session opens with. */
  const AWAITED = { instance: tl("waiting.instance"), account: tl("waiting.account") } as const;

  traceMark("tui-loaded");
  const target = await connect(command, env);
  traceMark("connected");
  if ("error" in target) {
    process.stderr.write(`${tl("cli.error", { message: target.error })}\n`);
    return 1;
  }

  let waiting: WaitingScreen | undefined;
  const giveUp = new AbortController();
  let quit!: () => void;
  const quitting = new Promise<"quit">((resolve) => {
    quit = () => resolve("quit");
  });
  let firstFrame!: () => void;
  const drawn = new Promise<void>((resolve) => {
    firstFrame = resolve;
  });
  const opening = openSession({
    ...sessionOptions(target, settings),
    signal: giveUp.signal,
    streamAfter: drawn,
    onArrived: (what) => waiting?.arrived(AWAITED[what]),
  });
  // Loaded while the first requests travel. A failure to load is a crash like any other.
  const screens = import("./tui-screen.js");
  // The client's timers never hold the process open (quitting must be instant), so while the
  // first requests retry with backoff, something has to.
  const keepAlive = setInterval(() => {}, 60_000);
  const showLater = setTimeout(() => {
    waiting = showWaitingScreen({
      host: new URL(target.instanceUrl).host,
      awaiting: Object.values(AWAITED),
      stdin: process.stdin,
      stdout: process.stdout,
      quitKeys: settings.keymap.quit,
      onQuit: quit,
    });
  }, WAITING_SCREEN_AFTER_MS);
  // A signal while waiting gives the terminal back before the process ends.
  const onSignal = (signal: NodeJS.Signals) => {
    waiting?.restore();
    process.exit(128 + ({ SIGHUP: 1, SIGINT: 2, SIGTERM: 15 } as Record<string, number>)[signal]!);
  };
  for (const s of ["SIGHUP", "SIGINT", "SIGTERM"] as const) process.on(s, onSignal);

  let session: Session;
  try {
    const first = await Promise.race([opening, quitting]);
    if (first === "quit") {
      giveUp.abort();
      opening.catch(() => {});
      waiting?.restore();
      await target.cleanup();
      return 0;
    }
    session = first;
  } catch (err) {
    waiting?.restore();
    await target.cleanup();
    process.stderr.write(`${tl("cli.error", { message: describeError(err) })}\n`);
    return 1;
  } finally {
    clearTimeout(showLater);
    clearInterval(keepAlive);
    for (const s of ["SIGHUP", "SIGINT", "SIGTERM"] as const) process.removeListener(s, onSignal);
  }
  traceMark("session-open");
  const { runScreens } = await screens;
  waiting?.handOver();
  return runScreens({
    target,
    session,
    settings,
    env,
    warnings,
    bidiSetting: command.bidi,
    onFirstFrame: firstFrame,
  });
}
