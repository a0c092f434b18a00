import { ltrUnit, tl } from "../i18n/index.js";
import { firstNonBlank, lineAt } from "./buffer.js";
import {
  addEffect,
  clampNormal,
  commitUndo,
  type EditorState,
  type PollSpec,
  snapshot,
  type Visibility,
  withMessage,
} from "./editor-state.js";
import { cellForCol } from "./motions.js";
import { isNamedToken } from "./parse.js";
import { isQuotePolicy } from "./quote.js";
import { parseRange, runSubstitute } from "./substitute.js";

const VISIBILITIES: Record<string, Visibility> = {
  public: "public",
  unlisted: "unlisted",
  followers: "private",
  private: "private",
  direct: "direct",
};

const DURATION = /^(\d+)([mhd])$/;
const UNIT_SECONDS = { m: 60, h: 3600, d: 86400 } as const;

/** ":poll [DURATION] one | two | three" (":poll!" lets voters pick several). */
export function parsePollCommand(args: string, multiple: boolean): PollSpec | string {
  let rest = args.trim();
  let expiresIn = UNIT_SECONDS.d;
  const first = rest.split(/\s+/, 1)[0] ?? "";
  const m = DURATION.exec(first);
  if (m) {
    expiresIn = Number(m[1]) * UNIT_SECONDS[m[2] as keyof typeof UNIT_SECONDS];
    rest = rest.slice(first.length).trim();
  }
  const options = rest
    .split("|")
    .map((o) => o.trim())
    .filter((o) => o !== "");
  if (options.length < 2) return tl("compose.pollNeedsTwo");
  return { options, expiresIn, multiple };
}

/**
 * An instant as :schedule takes it, in local time ("2026-12-01 09:00"), as one left-to-right
 * unit in any message: what the reader typed, not the UTC instant sent to the server.
 */
export function scheduleStamp(at: Date | string): string {
  const d = typeof at === "string" ? new Date(at) : at;
  if (Number.isNaN(d.getTime())) return ltrUnit(String(at));
  const pad = (n: number) => String(n).padStart(2, "0");
  const date = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  return ltrUnit(`${date} ${pad(d.getHours())}:${pad(d.getMinutes())}`);
}

/** ":schedule 2026-12-01 09:00", local time, to an ISO instant. */
export function parseScheduleCommand(args: string): string | null | { error: string } {
  const a = args.trim();
  if (a === "" || a === "off" || a === "none") return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{1,2}):(\d{2}))?$/.exec(a);
  if (!m) return { error: tl("compose.scheduleUsage") };
  const [y, mo, d, h, mi] = [m[1], m[2], m[3], m[4] ?? "9", m[5] ?? "0"].map(Number) as number[];
  const date = new Date(y!, mo! - 1, d!, h!, mi!);
  if (date.getMonth() !== mo! - 1 || date.getDate() !== d! || h! > 23 || mi! > 59) {
    return { error: tl("compose.noSuchTime", { time: ltrUnit(a) }) };
  }
  return date.toISOString();
}

function setFields(s: EditorState, fields: Partial<EditorState["fields"]>): EditorState {
  return addEffect({ ...s, fields: { ...s.fields, ...fields } }, { kind: "autosave" });
}

/** `:s`, `:su`, … `:substitute`. */
const isSubstitute = (name: string) => "substitute".startsWith(name) && name.startsWith("s");

/** Runs one ex command line (without the ":"). */
export function runEx(s0: EditorState, line: string): EditorState {
  const s = clampNormal({ ...s0, mode: "normal", commandLine: "" });
  const trimmed = line.trim();
  // Vim's ":" then a number alone goes to that line; a larger one to the last.
  if (/^\d+$/.test(trimmed)) {
    const target = Math.min(Math.max(1, Number(trimmed)), s.lines.length) - 1;
    return { ...s, cursor: { line: target, col: firstNonBlank(lineAt(s.lines, target)) } };
  }
  const ranged = parseRange(s, trimmed);
  if ("error" in ranged) return withMessage(s, ranged.error, true);
  const { range } = ranged;
  const rest = ranged.rest.trim();
  if (rest === "") {
    if (!range) return s;
    // A range alone goes to its last line.
    return { ...s, cursor: { line: range.last, col: firstNonBlank(lineAt(s.lines, range.last)) } };
  }
  const sub = /^(&&?|~)(.*)$/s.exec(rest);
  if (sub) {
    const kind = sub[1] === "~" ? "~" : "&";
    return runSubstitute(s, { range, kind, args: sub[1] === "&&" ? `&${sub[2]}` : sub[2]! });
  }
  const m = /^([a-zA-Z]+!?)\s*(.*)$/s.exec(rest);
  if (m && isSubstitute(m[1]!)) {
    return runSubstitute(s, { range, kind: "s", args: rest.slice(m[1]!.length).trimStart() });
  }
  if (!m) return withMessage(s, tl("compose.notACommand", { command: rest }), true);
  const name = m[1]!;
  const args = m[2]!;
  if (range) return withMessage(s, tl("compose.noRange"), true);
  switch (name) {
    case "w":
      return withMessage(
        addEffect({ ...s, dirty: false }, { kind: "save-draft" }),
        tl("compose.draftSaved"),
      );
    case "wq":
    case "x":
    case "wq!":
    case "x!":
      return addEffect(s, { kind: "post" });
    case "q":
      // An emptied composer has nothing to lose.
      if (s.dirty && s.text.trim() !== "") return withMessage(s, tl("compose.noWrite"), true);
      return addEffect(s, { kind: "close" });
    case "q!":
      return addEffect(s, { kind: "discard" });
    case "e":
    case "edit":
      return addEffect(s, { kind: "external-editor" });
    case "attach": {
      const path = args.trim();
      if (path === "") return withMessage(s, tl("compose.attachUsage"), true);
      return addEffect(s, { kind: "attach", path });
    }
    case "alt": {
      const alt = /^(\d+)\s+(.+)$/s.exec(args.trim());
      if (!alt) return withMessage(s, tl("compose.altUsage"), true);
      return addEffect(s, {
        kind: "describe-media",
        index: Number(alt[1]) - 1,
        description: alt[2]!,
      });
    }
    case "poll":
    case "poll!": {
      const poll = parsePollCommand(args, name === "poll!");
      if (typeof poll === "string") return withMessage(s, poll, true);
      return addEffect(s, { kind: "poll", poll });
    }
    case "nopoll":
      return addEffect(s, { kind: "remove-poll" });
    case "schedule": {
      const at = parseScheduleCommand(args);
      if (at !== null && typeof at === "object") return withMessage(s, at.error, true);
      return addEffect(s, { kind: "schedule", at });
    }
    case "quote": {
      const id = args.trim();
      if (id !== "" && !/^[A-Za-z0-9_-]{1,64}$/.test(id))
        return withMessage(s, tl("compose.quoteUsage"), true);
      return addEffect(s, { kind: "quote", statusId: id === "" ? null : id });
    }
    case "noquote":
      return addEffect(s, { kind: "unquote" });
    case "quotepolicy": {
      const policy = args.trim().toLowerCase();
      if (!isQuotePolicy(policy)) return withMessage(s, tl("compose.quotePolicyUsage"), true);
      return addEffect(s, { kind: "quote-policy", policy });
    }
    case "drafts":
      return addEffect(s, { kind: "list-drafts" });
    case "cw":
      return setFields(s, { spoiler: args.replace(/[\u0000-\u001f\u007f-\u009f]/g, "") });
    case "vis":
    case "visibility": {
      const v = VISIBILITIES[args.trim().toLowerCase()];
      if (!v) return withMessage(s, tl("compose.visibilityUsage"), true);
      return setFields(s, { visibility: v });
    }
    case "lang":
    case "language": {
      const code = args.trim().toLowerCase();
      if (code === "") return addEffect(s, { kind: "pick-language" });
      if (!/^[a-z]{2,3}$/.test(code)) return withMessage(s, tl("compose.languageUsage"), true);
      return setFields(s, { language: code });
    }
    case "sensitive":
      return setFields(s, { sensitive: !s.fields.sensitive });
  }
  return withMessage(s, tl("compose.notACommand", { command: name }), true);
}

/** One key while typing an ex command after ":". */
export function handleCommandLine(s0: EditorState, token: string): EditorState {
  const s = s0.commandPrefilled ? { ...s0, commandPrefilled: false } : s0;
  // A ":" over the editor's own prompt starts the whole command afresh: typing the
  // documented ":alt 1 TEXT" after :attach gives that command, not ":alt 1 :alt 1 TEXT".
  if (s0.commandPrefilled && token === ":") return { ...s, commandLine: "" };
  switch (token) {
    // Back in normal mode, the cursor goes back onto the text: visual mode may leave it just
    // past the last character (`V<Right>:` then Esc).
    case "<Esc>":
      return clampNormal({ ...s, mode: "normal", commandLine: "" });
    case "<CR>": {
      // A command that changes the text (:s) is one undo step.
      const before = snapshot(s);
      const after = commitUndo(runEx(s, s.commandLine), before);
      // A command that moved the cursor (:s, :5) sets the column j and k keep to.
      if (after.cursor.line === s.cursor.line && after.cursor.col === s.cursor.col) return after;
      return {
        ...after,
        wantCell: cellForCol(lineAt(after.lines, after.cursor.line), after.cursor.col),
      };
    }
    case "<BS>":
      if (s.commandLine === "") return clampNormal({ ...s, mode: "normal" });
      return { ...s, commandLine: Array.from(s.commandLine).slice(0, -1).join("") };
    case "<C-u>":
      return { ...s, commandLine: "" };
    case "<Tab>":
      return s;
  }
  if (isNamedToken(token)) return s;
  return { ...s, commandLine: s.commandLine + token.replace(/[\u0000-\u001f\u007f-\u009f]/g, "") };
}
