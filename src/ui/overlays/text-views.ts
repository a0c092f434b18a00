// Read-only panels: a server-side translation, the edit history, the instance and its rules,
// and the `?` help listing every key from the live keymap.

import { statusHistory, translateStatus } from "../../api/actions.js";
import { describeError } from "../../api/errors.js";
import { probeUnknownFeatures } from "../../api/feature-probe.js";
import { fetchInstanceRules } from "../../api/search.js";
import type { ServerFeature, ServerLimits } from "../../api/server-profile.js";
import { helpEntries, type Keymap } from "../../config/keymap.js";
import {
  actionWords,
  inLine,
  ltrUnit,
  type MessageKey,
  type Params,
  relativeTimeWords,
  shown,
  shownRow,
  tl,
} from "../../i18n/index.js";
import { cellWidth, renderStatus, sanitizeInline, wrapPlainText } from "../../render/index.js";
import type { Status } from "../../timeline/store.js";
import type { PaneItem } from "../panes/timeline-pane.js";
import type { ActionContext } from "../shell/app.js";
import type { FeatureDeps } from "../shell/deps.js";
import { BACK, hintLine, keyLabel } from "../shell/hints.js";
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
  ctx.flash(tl("view.translating"));
  try {
    const t = await translateStatus(deps.session.rest, status.id);
    const translated: Status = {
      ...status,
      content: typeof t.content === "string" ? t.content : "",
      spoilerText: typeof t.spoilerText === "string" ? t.spoilerText : "",
    };
    const from = sanitizeInline(String(t.detectedSourceLanguage ?? "?"));
    const by = sanitizeInline(String(t.provider ?? tl("view.theServer")));
    new Panel(ctx, {
      title: tl("view.translation", { from, by }),
      lines: (width) => statusLines(deps, translated, width),
    }).open();
    ctx.flash("");
  } catch (err) {
    ctx.flash(tl("view.couldNotTranslate", { why: describeError(err) }));
  }
}

export async function openHistory(deps: FeatureDeps, ctx: Ctx, status: Status): Promise<void> {
  try {
    const edits = await statusHistory(deps.session.rest, status.id);
    const versions = Array.isArray(edits) ? [...edits].reverse() : [];
    new Panel(ctx, {
      title: tl("view.history", { count: versions.length }),
      lines: (width) =>
        versions.flatMap((v, i) => {
          const label = tl(
            i === 0
              ? "view.historyCurrent"
              : i === versions.length - 1
                ? "view.historyOriginal"
                : "view.historyEdited",
          );
          const at = Date.parse(String(v.createdAt));
          const when = Number.isNaN(at) ? "?" : relativeTimeWords((at - Date.now()) / 1000);
          const as: Status = {
            ...status,
            content: typeof v.content === "string" ? v.content : "",
            spoilerText: typeof v.spoilerText === "string" ? v.spoilerText : "",
            editedAt: null,
          };
          const heading = shown(tl("view.historyVersion", { label, when }));
          return [heading, ...statusLines(deps, as, width).slice(1), ""];
        }),
    }).open();
  } catch (err) {
    ctx.flash(tl("view.couldNotLoadHistory", { why: describeError(err) }));
  }
}

/**
 * How this server measures a toot against its limit, in the words of its own rule
 * (api/server-profile.ts CountRule): the count a user sees in the composer follows it.
 */
export function limitLine(limits: ServerLimits): string {
  const max = limits.maxCharacters;
  const rule = limits.count;
  switch (rule.kind) {
    case "mastodon":
      return tl("view.instanceLimitPerLink", { max, url: rule.urlLength });
    case "gotosocial":
      return tl("view.instanceLimitCodePoints", { max });
    case "sharkey":
      return tl("view.instanceLimitUtf16", { max, cw: rule.maxSpoiler });
    default:
      return tl("view.instanceLimitAsWritten", { max });
  }
}

export async function openInstance(deps: FeatureDeps, ctx: Ctx): Promise<void> {
  const { session } = deps;
  const info = session.instance;
  const profile = session.profile;
  let rules: string[] = [];
  let rulesError = "";
  // The rules and the features nobody has asked about yet, together: one wait.
  const [rulesResult] = await Promise.allSettled([
    fetchInstanceRules(session.rest),
    probeUnknownFeatures(session.rest),
  ]);
  if (rulesResult.status === "fulfilled") rules = rulesResult.value.map((r) => r.text);
  else rulesError = describeError(rulesResult.reason);
  const limits = profile.limits;
  const software = profile.software;
  const words = (features: readonly ServerFeature[]) =>
    features.map((f) => tl(`feature.${f}`)).join(tl("status.listSeparator"));
  new Panel(ctx, {
    title: tl("view.instance", { domain: sanitizeInline(info.domain) }),
    lines: (width) => {
      const missing = profile.unsupported();
      const unknown = profile.unknown();
      const reports = sanitizeInline(info.version) || "?";
      const line = (key: MessageKey, params?: Params) => shown(tl(key, params));
      const out = [
        line("view.instanceName", { value: sanitizeInline(info.title) || "?" }),
        line("view.instanceSoftware", {
          value: software
            ? sanitizeInline(`${software.name} ${software.version}`.trim())
            : tl("view.instanceNoNodeinfo"),
        }),
        line("view.instanceReports", {
          value:
            info.mastodonApiVersion > 0
              ? tl("view.instanceApiLevel", { value: reports, level: info.mastodonApiVersion })
              : reports,
        }),
        shown(limitLine(limits)),
        line("view.instanceAttachments", { max: limits.maxMediaAttachments }),
        line("view.instancePolls", {
          options: limits.pollMaxOptions,
          chars: limits.pollMaxCharactersPerOption,
        }),
        "",
        missing.length > 0
          ? line("view.instanceUnsupported", { features: words(missing) })
          : line("view.instanceSupportsAll"),
        ...(unknown.length > 0
          ? [line("view.instanceUnchecked", { features: words(unknown) })]
          : []),
        "",
        shown(tl("view.instanceRules")),
      ];
      if (rulesError) out.push(`  ${shown(tl("view.couldNotLoadRules", { why: rulesError }))}`);
      else if (rules.length === 0) out.push(`  ${shown(tl("view.noRules"))}`);
      rules.forEach((r, i) => {
        out.push(`  ${i + 1}. ${inLine(sanitizeInline(r), "auto")}`);
      });
      return out.flatMap((l) => (l === "" ? [""] : wrapPlainText(l, width)));
    },
  }).open();
}

/** The commands the help lists, each with what follows it (a catalogue word, or as typed). */
const HELP_COMMANDS: ReadonlyArray<readonly [string, ...(MessageKey | string)[]]> = [
  [":tag ", "help.argName"],
  [":list ", "help.argId"],
  [":profile @user@server"],
  [":search ", "help.argText"],
  [":pane add tag:", "help.argName", "|list:", "help.argId", "|direct"],
  [":pane close"],
  [":bookmarks"],
  [":favourites"],
  [":instance"],
  [":policy"],
  [":requests"],
  [":help"],
  [":quit"],
];

const helpCommand = (parts: readonly (MessageKey | string)[]) =>
  parts.map((p) => (p.startsWith("help.") ? tl(p as MessageKey) : p)).join("");

/**
 * The `?` help, ready to draw: each action's keys named as the hints name them ("Ctrl-d",
 * "PgDn", "Esc"), then what it does; then the commands, each one left-to-right unit (it is
 * typed so) with its placeholders in the interface language. In a right-to-left interface
 * each row runs right to left against the right edge: the keys on the right.
 */
export function helpLines(keymap: Keymap, width: number): string[] {
  const column = 16;
  const rows = helpEntries(keymap).map((e) => {
    const keys = e.keys.length
      ? ltrUnit(e.keys.map(keyLabel).join(tl("help.keysOr")))
      : tl("help.unbound");
    const pad = " ".repeat(Math.max(1, column + 1 - cellWidth(keys)));
    return shownRow(`${keys}${pad}${actionWords(e.action)}`, width);
  });
  const commands: string[] = [];
  let line = "";
  for (const parts of HELP_COMMANDS) {
    const unit = ltrUnit(helpCommand(parts));
    const next = line === "" ? `  ${unit}` : `${line} · ${unit}`;
    if (line !== "" && cellWidth(next) > width) {
      commands.push(line);
      line = `  ${unit}`;
    } else line = next;
  }
  if (line !== "") commands.push(line);
  return [
    ...rows,
    "",
    shownRow(tl("help.commands"), width),
    ...commands.map((l) => shownRow(l, width)),
  ];
}

export function openHelp(ctx: Ctx, keymap: Keymap): void {
  new Panel(ctx, {
    title: tl("help.title"),
    footer: hintLine(ctx.keysOf, [["hint.scroll", "down", "up"], BACK]),
    lines: (width) => helpLines(keymap, width),
  }).open();
}
