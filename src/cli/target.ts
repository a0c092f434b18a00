// Where a TUI session connects (the demo or a resolved account) and the options it opens with.
// Kept apart from the screen so that start-up can open the session before the UI is loaded.

import { writeFileSync } from "node:fs";
import { describeError } from "../api/errors.js";
import { resolveAccount } from "../config/resolve-account.js";
import type { BidiSetting, Settings } from "../config/settings.js";
import { tl } from "../i18n/index.js";
import { openSession, type Session, type SessionOptions } from "../timeline/session.js";

export interface TuiCommand {
  demo: boolean;
  /** The demo instance's server (--demo-flavour, else TOOTTY_DEMO_FLAVOUR). */
  demoFlavour?: string;
  account?: string;
  bidi?: BidiSetting;
}

/** Where a session connects: the server, its token, and what to close after it. */
export interface Target {
  instanceUrl: string;
  accessToken: string;
  cleanup: () => Promise<void>;
  /** user@domain of a stored account (only those can be switched between with :account). */
  storedAcct?: string;
}

export async function connect(
  command: TuiCommand,
  env: NodeJS.ProcessEnv,
): Promise<Target | { error: string }> {
  if (command.demo) {
    const { startDemoInstance, demoAnnounce, isDemoFlavour, DEMO_FLAVOURS } = await import(
      "../demo/index.js"
    );
    const flavour = command.demoFlavour ?? env.TOOTTY_DEMO_FLAVOUR ?? "mastodon";
    if (!isDemoFlavour(flavour))
      return { error: tl("cli.unknownFlavour", { flavour, choices: DEMO_FLAVOURS.join(", ") }) };
    const demo = await startDemoInstance({ flavour });
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
    ...(resolved.source === "stored" ? { storedAcct: resolved.acct } : {}),
  };
}

export function sessionOptions(target: Target, settings: Settings): SessionOptions {
  return {
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
  };
}

/** Resolves and opens another stored account while the current screen stays up. */
export async function openOtherAccount(
  acct: string,
  settings: Settings,
  env: NodeJS.ProcessEnv,
): Promise<{ target: Target; session: Session } | { error: string }> {
  const target = await connect({ demo: false, account: acct }, env);
  if ("error" in target) return { error: target.error };
  try {
    return { target, session: await openSession(sessionOptions(target, settings)) };
  } catch (err) {
    return { error: tl("cli.couldNotSwitch", { acct, why: describeError(err) }) };
  }
}
