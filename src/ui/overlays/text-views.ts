// Read-only panels: a server-side translation, the edit history, the instance and its rules,
// and the `?` help listing every key from the live keymap.

import { statusHistory, translateStatus } from "../../api/actions.js";
import { describeError } from "../../api/errors.js";
import { fetchInstanceRules } from "../../api/search.js";
import { helpEntries, type Keymap } from "../../config/keymap.js";
import { actionHelp, t } from "../../i18n/index.js";
import { relativeTime, renderStatus, sanitizeInline, truncateToWidth } from "../../render/index.js";
import type { Status } from "../../timeline/store.js";
import type { PaneItem } from "../panes/timeline-pane.js";
import type { ActionContext } from "../shell/app.js";
import type { FeatureDeps } from "../shell/deps.js";
import { Panel } from "./panel.js";

type Ctx = ActionContext<PaneItem>;

const statusLines = (deps: FeatureDeps, status: Status, width: number) =>
  renderStatus(status, {
    width,
    theme: deps.theme,
    now: Date.now(),
    expanded: true,
    context: "thread",
  });

export async function openTranslation(deps: FeatureDeps, ctx: Ctx, status: Status): Promise<void> {
  ctx.flash("Translating…");
  try {
    const t = await translateStatus(deps.session.rest, status.id);
    const translated: Status = {
      ...status,
      content: typeof t.content === "string" ? t.content : "",
      spoilerText: typeof t.spoilerText === "string" ? t.spoilerText : "",
    };
    const from = sanitizeInline(String(t.detectedSourceLanguage ?? "?"));
    const by = sanitizeInline(String(t.provider ?? "the server"));
    new Panel(ctx, {
      title: `Translation from ${from} by ${by}`,
      lines: (width) => statusLines(deps, translated, width),
    }).open();
    ctx.flash("");
  } catch (err) {
    ctx.flash(`Could not translate: ${describeError(err)}`);
  }
}

export async function openHistory(deps: FeatureDeps, ctx: Ctx, status: Status): Promise<void> {
  try {
    const edits = await statusHistory(deps.session.rest, status.id);
    const versions = Array.isArray(edits) ? [...edits].reverse() : [];
    new Panel(ctx, {
      title: `Edit history (${versions.length} version${versions.length === 1 ? "" : "s"})`,
      lines: (width) =>
        versions.flatMap((v, i) => {
          const label = i === 0 ? "current" : i === versions.length - 1 ? "original" : "edited";
          const when = relativeTime(v.createdAt, Date.now());
          const as: Status = {
            ...status,
            content: typeof v.content === "string" ? v.content : "",
            spoilerText: typeof v.spoilerText === "string" ? v.spoilerText : "",
            editedAt: null,
          };
          return [`── ${label}, ${when} ago ──`, ...statusLines(deps, as, width).slice(1), ""];
        }),
    }).open();
  } catch (err) {
    ctx.flash(`Could not load the history: ${describeError(err)}`);
  }
}

export async function openInstance(deps: FeatureDeps, ctx: Ctx): Promise<void> {
  const info = deps.session.instance;
  let rules: string[] = [];
  let rulesError = "";
  try {
    rules = (await fetchInstanceRules(deps.session.rest)).map((r) => r.text);
  } catch (err) {
    rulesError = describeError(err);
  }
  const raw = info as unknown as Record<string, unknown>;
  const field = (k: string) => (raw[k] === undefined ? "?" : sanitizeInline(String(raw[k])));
  new Panel(ctx, {
    title: `Instance ${sanitizeInline(info.domain)}`,
    lines: (width) => {
      const out = [
        `Name:            ${field("title")}`,
        `Version:         ${field("version")}`,
        `Character limit: ${field("maxCharacters")}`,
        "",
        "Rules:",
      ];
      if (rulesError) out.push(`  could not load the rules: ${rulesError}`);
      else if (rules.length === 0) out.push("  (none published)");
      rules.forEach((r, i) => {
        out.push(`  ${i + 1}. ${sanitizeInline(r)}`);
      });
      return out.map((l) => truncateToWidth(l, width));
    },
  }).open();
}

export function openHelp(ctx: Ctx, keymap: Keymap): void {
  const entries = helpEntries(keymap);
  new Panel(ctx, {
    title: t("help.title"),
    footer: t("help.footer"),
    lines: (width) => [
      ...entries.map((e) =>
        truncateToWidth(
          `${(e.keys.length ? e.keys.join(", ") : t("help.unbound")).padEnd(16)} ${actionHelp(e.action)}`,
          width,
        ),
      ),
      "",
      `${t("help.commands")} — :tag NAME · :list ID · :profile @user@server · :search TEXT`,
      "  :pane add tag:NAME|list:ID|direct · :pane close · :bookmarks · :favourites",
      "  :instance · :policy · :requests · :help · :quit",
    ],
  }).open();
}
