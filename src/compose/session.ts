/**
 * One open composer: the editor state, its draft on disk, and the effects run for it.
 * Everything outside the process (disk, network, $EDITOR) comes in as `deps`, so the
 * UI only forwards keys and paints `view()`, and tests drive it without a terminal.
 */

import type { CountRule } from "../api/server-profile.js";
import { oneLine } from "../config/one-line.js";
import { tl } from "../i18n/index.js";
import { type Draft, hasContent, newDraft } from "./drafts.js";
import {
  applyCompletion,
  applyKey,
  createEditor,
  type EditorEffect,
  type EditorState,
  type PollSpec,
  replaceText,
  setFields,
  setMessage,
} from "./editor.js";
import { scheduleStamp } from "./ex.js";
import { type Key, keyToken } from "./keys.js";
import { checkPoll, type PollLimits, type PostingApi, submitDraft } from "./post.js";
import { quotePolicyWords } from "./quote.js";
import { type ComposeView, view } from "./view.js";

export interface ComposeDeps {
  store: { save(draft: Draft): Draft; remove(id: string): void };
  api: PostingApi;
  maxCharacters: number;
  /** The server's length rule (Mastodon's with 23 per URL when not given). */
  count?: CountRule;
  pollLimits?: PollLimits;
  maxMediaAttachments?: number;
  /** The UI suspends the screen around this (see external.ts). */
  editExternally(text: string): Promise<string>;
  /** Uploads and waits until the server has processed the file. */
  uploadMedia?(path: string): Promise<{ id: string }>;
  describeMedia?(id: string, description: string): Promise<void>;
  /** Candidates for "@ali", "#tag", ":emoji" — full replacements, best first. */
  complete?(prefix: string): Promise<string[]>;
  /** Puts text on the system clipboard ("+y, "*y): the terminal's OSC 52. */
  copyToClipboard?(text: string): void;
  /**
   * False where the server has no scheduled statuses: it would post a scheduled toot now. A
   * promise where the server's answer settles it (asked when the composer opens).
   */
  canSchedule?: () => boolean | Promise<boolean>;
  /** The clock :schedule checks against. */
  now?: () => Date;
  /** The server takes quote posts (Mastodon API version 7): :quote and :quotepolicy work. */
  quotes?: { supported: boolean; apiVersion: number };
}

// Mastodon's POST /api/v1/statuses: scheduled_at "must be at least 5 minutes in the future".
const SCHEDULE_LEAD_MS = 5 * 60 * 1000;

/** "poll: 3 options, multiple choice, ends in 1 day" */
export function pollLabel(poll: PollSpec): string {
  const s = poll.expiresIn;
  const ends =
    s % 86_400 === 0
      ? tl("compose.days", { count: s / 86_400 })
      : s % 3600 === 0
        ? tl("compose.hours", { count: s / 3600 })
        : tl("compose.minutes", { count: Math.round(s / 60) });
  const options = tl("compose.pollOptions", { count: poll.options.length });
  return tl(poll.multiple ? "compose.pollLabelMultiple" : "compose.pollLabel", { options, ends });
}

export type SessionOutcome =
  | { kind: "open" }
  | { kind: "posted"; id: string }
  | { kind: "discarded" }
  | { kind: "closed" }
  | { kind: "list-drafts" }
  | { kind: "pick-language" };

/**
 * Every composer opens in insert mode at the end of its text, new or restored: keys typed
 * straight away add to the toot, never run as commands on it.
 */
export function editorFromDraft(draft: Draft): EditorState {
  return createEditor(draft.text, {
    mode: "insert",
    fields: {
      spoiler: draft.spoiler,
      visibility: draft.visibility,
      language: draft.language,
      sensitive: draft.sensitive,
    },
  });
}

export function draftFromEditor(draft: Draft, state: EditorState): Draft {
  return { ...draft, text: state.text, ...state.fields };
}

/** Keys that go round the completions while one is shown. */
const CYCLE_KEYS = new Set(["<Tab>", "<S-Tab>", "<C-n>", "<C-p>"]);

/** The candidates on the status line, the one in the text in brackets. */
function cycleMessage(options: readonly string[], index: number): string {
  return options.map((o, i) => (i === index ? `[${o.trim()}]` : o.trim())).join("  ");
}

const UNSAFE_WORD = /[\s\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

export class ComposeSession {
  /** The completions Tab goes round while one of them is in the text. */
  private cycle: { prefix: string; options: string[]; index: number } | null = null;
  private queue: Promise<SessionOutcome> = Promise.resolve({ kind: "open" });
  private finished: SessionOutcome | null = null;
  /** A change not yet written: the keys of one input read are written together, after the last. */
  private unsaved = false;
  scrollTop = 0;

  constructor(
    public draft: Draft,
    private readonly deps: ComposeDeps,
    public state: EditorState = editorFromDraft(draft),
  ) {}

  static fresh(deps: ComposeDeps, fields: Partial<Draft> = {}): ComposeSession {
    // A reply's prefilled mentions are on disk before the first key; an empty toot is not.
    const draft = newDraft(fields);
    return new ComposeSession(hasContent(draft) ? deps.store.save(draft) : draft, deps);
  }

  /**
   * Keys are handled one after another even while a post or upload is in flight. A change is
   * on disk before the next key is handled, unless `more` says further keys of the same input
   * read follow: a paste arrives as one read of thousands of keys, and writing the draft
   * (a write, a rename and now and then an fsync, see drafts.ts) for each of them cost more
   * than the editing. The read's last key writes the whole read, and any key that posts,
   * closes or leaves the composer writes first, so what reached tootty before the read
   * being handled is always on disk.
   */
  press(key: Key, opts: { more?: boolean } = {}): Promise<SessionOutcome> {
    this.queue = this.queue.then(() => this.handle(key, opts.more === true));
    return this.queue;
  }

  view(width: number, height: number): ComposeView {
    const extras = [
      // Plain text, not 📎: an emoji's width is where terminals and blessed disagree most,
      // and the field line is redrawn in place as alt text is added.
      ...this.draft.media.map((m, i) =>
        tl(m.description ? "compose.media" : "compose.mediaNoAlt", { n: String(i + 1) }),
      ),
      ...(this.draft.poll ? [pollLabel(this.draft.poll)] : []),
      ...(this.draft.scheduledAt
        ? [tl("compose.scheduled", { at: scheduleStamp(this.draft.scheduledAt) })]
        : []),
      ...(this.draft.editingStatusId ? [tl("compose.editing")] : []),
      ...(this.draft.quote ? [tl("compose.quoting", { label: this.draft.quote.label })] : []),
      ...(this.draft.quotePolicy
        ? [tl("compose.quotePolicy", { policy: quotePolicyWords(this.draft.quotePolicy) })]
        : []),
    ];
    const v = view(this.state, width, height, {
      maxCharacters: this.deps.maxCharacters,
      count: this.deps.count,
      scrollTop: this.scrollTop,
      extras,
    });
    this.scrollTop = v.scrollTop;
    return v;
  }

  setLanguage(code: string): void {
    this.state = setFields(this.state, { language: code });
    this.save();
  }

  /** Writes the draft, or removes its file once nothing is left in it: no empty drafts on disk. */
  private save(): void {
    this.unsaved = false;
    const next = draftFromEditor(this.draft, this.state);
    if (hasContent(next)) this.draft = this.deps.store.save(next);
    else {
      this.deps.store.remove(next.id);
      this.draft = next;
    }
  }

  private async handle(key: Key, more: boolean): Promise<SessionOutcome> {
    if (this.finished) return this.finished;
    try {
      return await this.handleKey(key);
    } finally {
      if (!more) this.flush();
    }
  }

  /** Writes a change that keys pressed with `more` left unwritten. */
  flush(): void {
    if (this.unsaved && !this.finished) this.save();
  }

  private async handleKey(key: Key): Promise<SessionOutcome> {
    const token = keyToken(key);
    if (this.cycle && this.state.mode === "insert" && CYCLE_KEYS.has(token)) {
      this.turn(token === "<S-Tab>" || token === "<C-p>" ? -1 : 1);
      return { kind: "open" };
    }
    // Any other key keeps the completion that is in the text.
    this.cycle = null;
    this.state = applyKey(this.state, key);
    let outcome: SessionOutcome = { kind: "open" };
    for (const effect of this.state.effects) {
      // The other effects read the draft (post, close) or hand the screen to another view:
      // the changes before them are written first.
      if (effect.kind !== "autosave" && this.unsaved) this.save();
      const result = await this.run(effect);
      if (result.kind !== "open") outcome = result;
    }
    this.state = { ...this.state, effects: [] };
    if (outcome.kind === "posted" || outcome.kind === "discarded" || outcome.kind === "closed") {
      this.finished = outcome;
    }
    return outcome;
  }

  private async run(effect: EditorEffect): Promise<SessionOutcome> {
    const open = { kind: "open" } as const;
    switch (effect.kind) {
      case "autosave":
        this.unsaved = true;
        return open;
      case "save-draft":
        this.save();
        return open;
      case "post": {
        this.save();
        const result = await submitDraft(this.draft, this.deps.api, this.deps.maxCharacters, {
          count: this.deps.count,
          pollLimits: this.deps.pollLimits,
          store: this.deps.store,
        });
        if (result.ok) return { kind: "posted", id: result.id };
        this.state = setMessage(this.state, result.message, true);
        return open;
      }
      case "discard":
        this.deps.store.remove(this.draft.id);
        return { kind: "discarded" };
      case "close":
        // An empty draft is not worth keeping; anything typed stays for :drafts.
        if (!hasContent(this.draft)) this.deps.store.remove(this.draft.id);
        return { kind: "closed" };
      case "external-editor":
        try {
          this.state = replaceText(this.state, await this.deps.editExternally(this.state.text));
          this.save();
        } catch (err) {
          this.state = setMessage(this.state, oneLine((err as Error).message), true);
        }
        return open;
      case "attach":
        return this.attach(effect.path);
      case "describe-media": {
        const media = this.draft.media[effect.index];
        if (!media) {
          this.state = setMessage(
            this.state,
            tl("compose.noAttachment", { n: String(effect.index + 1) }),
            true,
          );
          return open;
        }
        try {
          await this.deps.describeMedia?.(media.id, effect.description);
          const list = this.draft.media.map((m, i) =>
            i === effect.index ? { ...m, description: effect.description } : m,
          );
          this.draft = { ...this.draft, media: list };
          this.save();
        } catch (err) {
          this.state = setMessage(
            this.state,
            tl("compose.altNotSaved", { why: oneLine((err as Error).message) }),
            true,
          );
        }
        return open;
      }
      case "poll": {
        const problem = this.deps.pollLimits
          ? checkPoll(effect.poll, this.deps.pollLimits, this.deps.count)
          : null;
        if (problem) {
          this.state = setMessage(this.state, problem, true);
          return open;
        }
        this.draft = { ...this.draft, poll: effect.poll };
        this.save();
        return open;
      }
      case "remove-poll":
        this.draft = { ...this.draft, poll: null };
        this.save();
        return open;
      case "schedule": {
        if (effect.at && this.deps.canSchedule && !(await this.deps.canSchedule())) {
          this.state = setMessage(this.state, tl("compose.scheduleUnsupported"), true);
          return open;
        }
        if (effect.at) {
          const at = new Date(effect.at);
          const now = (this.deps.now ?? (() => new Date()))();
          if (at.getTime() <= now.getTime()) {
            this.state = setMessage(
              this.state,
              tl("compose.inThePast", { time: scheduleStamp(at) }),
              true,
            );
            return open;
          }
          if (at.getTime() < now.getTime() + SCHEDULE_LEAD_MS) {
            this.state = setMessage(this.state, tl("compose.scheduleAhead"), true);
            return open;
          }
        }
        this.draft = { ...this.draft, scheduledAt: effect.at };
        this.save();
        this.state = setMessage(
          this.state,
          effect.at
            ? tl("compose.willBePosted", { time: scheduleStamp(effect.at) })
            : tl("compose.notScheduled"),
        );
        return open;
      }
      case "quote":
      case "unquote":
      case "quote-policy":
        return this.quote(effect);
      case "list-drafts":
        return { kind: "list-drafts" };
      case "pick-language":
        return { kind: "pick-language" };
      case "complete":
        return this.complete(effect.prefix, effect.direction);
      case "clipboard":
        if (this.deps.copyToClipboard) this.deps.copyToClipboard(effect.text);
        else this.state = setMessage(this.state, tl("compose.noClipboard"), true);
        return open;
    }
  }

  /** :quote ID, :noquote, :quotepolicy — on a server that takes quote posts. */
  private quote(
    effect: Extract<EditorEffect, { kind: "quote" | "unquote" | "quote-policy" }>,
  ): SessionOutcome {
    const open = { kind: "open" } as const;
    const quotes = this.deps.quotes;
    if (!quotes?.supported && effect.kind !== "unquote") {
      this.state = setMessage(
        this.state,
        tl("quote.unsupported", { version: quotes?.apiVersion ?? 0 }),
        true,
      );
      return open;
    }
    if (effect.kind === "quote-policy") {
      this.draft = { ...this.draft, quotePolicy: effect.policy };
      this.save();
      return open;
    }
    if (effect.kind === "unquote") {
      this.draft = { ...this.draft, quote: null };
      this.save();
      this.state = setMessage(this.state, tl("compose.unquoted"));
      return open;
    }
    if (effect.statusId === null) {
      const label = this.draft.quote?.label;
      this.state = setMessage(
        this.state,
        label ? tl("compose.quoting", { label }) : tl("compose.quoteUsage"),
        !label,
      );
      return open;
    }
    const keep = this.draft.quote?.statusId === effect.statusId ? this.draft.quote : undefined;
    this.draft = {
      ...this.draft,
      quote: keep ?? { statusId: effect.statusId, label: effect.statusId },
    };
    this.save();
    return open;
  }

  private async attach(path: string): Promise<SessionOutcome> {
    const open = { kind: "open" } as const;
    const max = this.deps.maxMediaAttachments ?? 4;
    if (!this.deps.uploadMedia) {
      this.state = setMessage(this.state, tl("compose.noAttachments"), true);
      return open;
    }
    if (this.draft.media.length >= max) {
      this.state = setMessage(this.state, tl("compose.atMostAttachments", { count: max }), true);
      return open;
    }
    try {
      const { id } = await this.deps.uploadMedia(path);
      this.draft = { ...this.draft, media: [...this.draft.media, { id, description: "" }] };
      this.save();
      // Ask for the alt text straight away: the command line is prefilled.
      this.state = {
        ...this.state,
        mode: "command",
        commandLine: `alt ${this.draft.media.length} `,
        commandPrefilled: true,
      };
    } catch (err) {
      this.state = setMessage(
        this.state,
        tl("compose.uploadFailed", { why: oneLine((err as Error).message) }),
        true,
      );
    }
    return open;
  }

  /**
   * The next (1) or previous (-1) candidate in place of the one shown; past either end the
   * typed prefix comes back, as vim's Ctrl-n and Ctrl-p go round.
   */
  private turn(step: 1 | -1): void {
    const c = this.cycle!;
    const n = c.options.length;
    const shown = c.index === -1 ? c.prefix : c.options[c.index]!;
    // Positions -1 (the prefix) … n-1, round and round.
    const index = ((c.index + 1 + step + n + 1) % (n + 1)) - 1;
    const next = index === -1 ? c.prefix : c.options[index]!;
    const before = this.state.text;
    this.state = applyCompletion(this.state, shown, next);
    if (this.state.text === before && shown !== next) {
      // The text around the completion changed: start afresh next time.
      this.cycle = null;
      return;
    }
    this.cycle = { ...c, index };
    this.state = setMessage(this.state, cycleMessage(c.options, index));
    if (this.state.text !== before) this.save();
  }

  private async complete(prefix: string, direction: "next" | "prev"): Promise<SessionOutcome> {
    const candidates = (await this.deps.complete?.(prefix).catch(() => [])) ?? [];
    // One word, nothing that could drive the terminal: anything else from the server is dropped.
    const safe = candidates.map((c) => c.trim()).filter((c) => c !== "" && !UNSAFE_WORD.test(c));
    if (safe.length === 0) {
      this.state = setMessage(this.state, tl("compose.noMatch", { prefix }));
      return { kind: "open" };
    }
    const before = this.state.text;
    const options = safe.map((c) => `${c} `);
    const index = direction === "next" ? 0 : options.length - 1;
    this.state = applyCompletion(this.state, prefix, options[index]!);
    if (this.state.text !== before) {
      this.cycle = { prefix, options, index };
      if (options.length > 1) this.state = setMessage(this.state, cycleMessage(options, index));
      this.save();
    }
    return { kind: "open" };
  }
}
