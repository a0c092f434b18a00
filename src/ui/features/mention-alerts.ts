// A bell and/or a desktop notification (OSC 9 or OSC 777) when someone mentions the user,
// as settings.notifications asks. Written through blessed's program, never raw to stdout,
// and only with sanitised one-line text.

import type blessed from "blessed";
import { tl } from "../../i18n/index.js";
import { sanitizeInline, truncateToWidth } from "../../render/index.js";
import widgets from "../shell/blessed.js";
import type { FeatureDeps } from "../shell/deps.js";

export function alertSequence(
  settings: FeatureDeps["settings"]["notifications"],
  who: string,
): string {
  const text = truncateToWidth(
    // A desktop notification, not the terminal's grid: logical order, as every program sends.
    tl("alerts.mentioned", { who: sanitizeInline(who).replace(/[;\x07\x1b]/g, " ") }),
    80,
  );
  let out = settings.bell ? "\x07" : "";
  if (settings.osc === "osc9") out += `\x1b]9;${text}\x07`;
  else if (settings.osc === "osc777") out += `\x1b]777;notify;tootty;${text}\x07`;
  return out;
}

const started = new WeakSet<object>();

export function startMentionAlerts(deps: FeatureDeps): () => void {
  const prefs = deps.settings.notifications;
  // One alerter per session, however often an action table is built for it.
  if ((!prefs.bell && prefs.osc === "off") || started.has(deps.session)) return () => {};
  started.add(deps.session);
  let seen = deps.session.notifications.store.newestId();
  return deps.session.notifications.onChange(() => {
    const items = deps.session.notifications.store.items;
    const fresh = [];
    for (const n of items) {
      if (seen !== undefined && n.id === seen) break;
      fresh.push(n);
    }
    const first = seen === undefined;
    seen = items[0]?.id ?? seen;
    // The first page is history, not news.
    if (first) return;
    const mention = fresh.find((n) => (n as { type?: string }).type === "mention");
    if (!mention) return;
    const screen = (widgets.screen as unknown as { global?: blessed.Widgets.Screen }).global;
    const who = mention.account?.acct ?? tl("alerts.someone");
    screen?.program.write(alertSequence(prefs, who));
  });
}
