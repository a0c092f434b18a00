/**
 * Drafts on disk, one JSON file each, written atomically on every change so a crash,
 * `kill -9` or a dropped SSH session loses nothing: write a temp file, rename it over the old
 * one. A half-written temp file is never read back. The composer writes once per input read
 * (a paste is one read of many keys; see ComposeSession.press). Surviving a power cut also needs fsync,
 * which costs tens of milliseconds on a busy disk — per key, a 500-character paste would
 * take many seconds — so the file and its folder are fsynced at most once a second, the last
 * change within a second at the latest.
 */
import {
  closeSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeSync,
} from "node:fs";
import { join } from "node:path";
import { asVisibility, type PollSpec, type Visibility } from "./editor-state.js";
import { isQuotePolicy, type QuotePolicy } from "./quote.js";

/** Web Crypto's global rather than node:crypto, which would load at every start (~3.5 ms). */
const randomUUID = (): string => crypto.randomUUID();

export interface DraftMedia {
  id: string;
  description: string;
}

export interface DraftQuote {
  statusId: string;
  /** Plain, sanitised: "@sara: the first words…". */
  label: string;
}

export interface Draft {
  id: string;
  text: string;
  spoiler: string;
  visibility: Visibility;
  language: string | null;
  sensitive: boolean;
  inReplyToId: string | null;
  /** Set when the draft edits a posted toot (PUT instead of POST). */
  editingStatusId: string | null;
  media: DraftMedia[];
  poll: PollSpec | null;
  scheduledAt: string | null;
  /** The toot this one quotes (Mastodon 4.5), with the line the composer shows for it. */
  quote: DraftQuote | null;
  /** Who may quote this toot (`quote_approval_policy`); null leaves it to the account's default. */
  quotePolicy: QuotePolicy | null;
  /** Created once with the draft and kept across retries: the server posts it at most once. */
  idempotencyKey: string;
  createdAt: string;
  updatedAt: string;
}

const ID = /^[A-Za-z0-9_-]{1,64}$/;

export function newDraft(
  fields: Partial<Omit<Draft, "id" | "idempotencyKey">> = {},
  deps: { now?: () => Date; uuid?: () => string } = {},
): Draft {
  const uuid = deps.uuid ?? randomUUID;
  const now = (deps.now ?? (() => new Date()))().toISOString();
  return {
    text: "",
    spoiler: "",
    visibility: "public",
    language: null,
    sensitive: false,
    inReplyToId: null,
    editingStatusId: null,
    media: [],
    poll: null,
    scheduledAt: null,
    quote: null,
    quotePolicy: null,
    createdAt: now,
    updatedAt: now,
    ...fields,
    id: uuid(),
    idempotencyKey: uuid(),
  };
}

/** A draft worth keeping on disk: something was typed, attached or asked. */
export function hasContent(d: Draft): boolean {
  return d.text.trim() !== "" || d.spoiler.trim() !== "" || d.media.length > 0 || d.poll !== null;
}

const str = (v: unknown): v is string => typeof v === "string";
const strOrNull = (v: unknown): v is string | null => v === null || typeof v === "string";

function parseQuote(v: unknown): DraftQuote | null {
  const q = v as Partial<DraftQuote> | null | undefined;
  if (!q || !str(q.statusId) || !ID.test(q.statusId)) return null;
  return { statusId: q.statusId, label: str(q.label) ? q.label : q.statusId };
}

/** A file may be from an older version or damaged: accept only a well-formed draft. */
export function parseDraft(json: string): Draft | null {
  let v: unknown;
  try {
    v = JSON.parse(json);
  } catch {
    return null;
  }
  if (typeof v !== "object" || v === null) return null;
  const d = v as Record<string, unknown>;
  if (!str(d.id) || !ID.test(d.id) || !str(d.text) || !str(d.idempotencyKey)) return null;
  const media = Array.isArray(d.media)
    ? d.media.filter((m): m is DraftMedia => str(m?.id) && str(m?.description))
    : [];
  const poll = d.poll as PollSpec | null | undefined;
  const validPoll =
    poll &&
    Array.isArray(poll.options) &&
    poll.options.every(str) &&
    typeof poll.expiresIn === "number"
      ? { options: poll.options, expiresIn: poll.expiresIn, multiple: poll.multiple === true }
      : null;
  return {
    id: d.id,
    text: d.text,
    spoiler: str(d.spoiler) ? d.spoiler : "",
    visibility: asVisibility(d.visibility),
    language: strOrNull(d.language) ? d.language : null,
    sensitive: d.sensitive === true,
    inReplyToId: strOrNull(d.inReplyToId) ? d.inReplyToId : null,
    editingStatusId: strOrNull(d.editingStatusId) ? d.editingStatusId : null,
    media,
    poll: validPoll,
    scheduledAt: strOrNull(d.scheduledAt) ? d.scheduledAt : null,
    quote: parseQuote(d.quote),
    quotePolicy: str(d.quotePolicy) && isQuotePolicy(d.quotePolicy) ? d.quotePolicy : null,
    idempotencyKey: d.idempotencyKey,
    createdAt: str(d.createdAt) ? d.createdAt : new Date(0).toISOString(),
    updatedAt: str(d.updatedAt) ? d.updatedAt : new Date(0).toISOString(),
  };
}

/** Longest a saved draft waits for its fsync (power-cut durability; see the top). */
const SYNC_EVERY_MS = 1000;

/** fsync a file or folder; best effort (some file systems refuse a folder, a file may be gone). */
function syncPath(path: string): void {
  try {
    const fd = openSync(path, "r");
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // deleted meanwhile, or a file system that cannot fsync a folder
  }
}

export class DraftStore {
  private lastSync = Number.NEGATIVE_INFINITY;
  private syncTimer: ReturnType<typeof setTimeout> | undefined;
  private unsynced = new Set<string>();

  constructor(
    readonly dir: string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  private pathOf(id: string): string {
    if (!ID.test(id)) throw new Error(`not a draft id: ${JSON.stringify(id)}`);
    return join(this.dir, `${id}.json`);
  }

  /** Writes the draft (stamping updatedAt) and returns what was written. Synchronous on purpose: the next key waits until it is on disk. */
  save(draft: Draft): Draft {
    const stamped = { ...draft, updatedAt: this.now().toISOString() };
    const target = this.pathOf(draft.id);
    mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    const tmp = `${target}.${process.pid}.${randomUUID()}.tmp`;
    const syncNow = Date.now() - this.lastSync >= SYNC_EVERY_MS;
    const fd = openSync(tmp, "w", 0o600);
    try {
      writeSync(fd, JSON.stringify(stamped, null, 2));
      if (syncNow) fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, target);
    if (syncNow) {
      this.lastSync = Date.now();
      this.unsynced.delete(target);
      syncPath(this.dir);
    } else {
      this.unsynced.add(target);
      this.syncTimer ??= setTimeout(() => this.syncPending(), SYNC_EVERY_MS);
      // A pending fsync never keeps the process alive: the data is already in the file.
      this.syncTimer.unref?.();
    }
    return stamped;
  }

  /** fsyncs every draft written since the last fsync, then the folder (the renames). */
  private syncPending(): void {
    this.syncTimer = undefined;
    for (const path of this.unsynced) syncPath(path);
    this.unsynced.clear();
    syncPath(this.dir);
    this.lastSync = Date.now();
  }

  load(id: string): Draft | null {
    try {
      return parseDraft(readFileSync(this.pathOf(id), "utf8"));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === "ENOENT") return null;
      throw err;
    }
  }

  /** Every readable draft, newest first. Temp files from an interrupted write are skipped. */
  list(): Draft[] {
    let names: string[];
    try {
      names = readdirSync(this.dir);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === "ENOENT") return [];
      throw err;
    }
    const drafts = names
      .filter((n) => n.endsWith(".json"))
      .map((n) => this.load(n.slice(0, -".json".length)))
      .filter((d): d is Draft => d !== null);
    return drafts.sort((a, b) =>
      a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0,
    );
  }

  remove(id: string): void {
    rmSync(this.pathOf(id), { force: true });
  }
}
