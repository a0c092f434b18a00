// Fetched picture bytes on disk, so a picture seen once is not fetched again over a slow link.
// Bounded: once the folder holds more than its limit, the least recently used files go until
// it holds a quarter less. What the folder holds is read from disk once, then kept up to date
// by this process's own writes and reads: reading the whole folder (a stat per file) after
// every write cost each new picture a few thousand system calls once the folder was full of
// avatars, and made every streamed toot with a new picture slower than the last. The folder
// is read again before files go, and after each sixteenth of the limit written, so what
// another tootty writes there counts too: the folder passes its limit by at most that much
// per tootty sharing it.
// Every failure (read-only home, full disk) only means "not cached": pictures still show.
import {
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
  unlinkSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";

const load = createRequire(import.meta.url);

/** node:crypto is loaded on first use: loaded with this module, it cost ~3.5 ms of every start. */
function sha256Hex(text: string): string {
  const { createHash } = load("node:crypto") as typeof import("node:crypto");
  return createHash("sha256").update(text).digest("hex");
}

interface Held {
  size: number;
  /** When it was last written or read (its mtime, which a read sets). */
  used: number;
}

export class DiskCache {
  /** The folder's pictures by file, and their total size; undefined until first needed. */
  private held: Map<string, Held> | undefined;
  private total = 0;
  /** Bytes this process wrote since the folder was last read. */
  private sinceScan = 0;

  constructor(
    private readonly dir: string,
    private readonly maxBytes = 64 * 1024 * 1024,
  ) {}

  private file(url: string): string {
    return join(this.dir, `${sha256Hex(url)}.bin`);
  }

  read(url: string): Uint8Array | null {
    const file = this.file(url);
    try {
      const bytes = readFileSync(file);
      const now = new Date();
      utimesSync(file, now, now);
      const entry = this.held?.get(file);
      if (entry) entry.used = now.getTime();
      return bytes;
    } catch {
      return null;
    }
  }

  write(url: string, bytes: Uint8Array): void {
    try {
      mkdirSync(this.dir, { recursive: true, mode: 0o700 });
      const file = this.file(url);
      const tmp = `${file}.${process.pid}.tmp`;
      writeFileSync(tmp, bytes, { mode: 0o600 });
      renameSync(tmp, file);
      this.sinceScan += bytes.length;
      const rescan = !this.held || this.sinceScan >= this.maxBytes / 16;
      if (rescan) this.held = this.scan();
      else this.hold(file, { size: bytes.length, used: Date.now() });
      // Files go by the folder as it is on disk (read again unless just read): another tootty
      // may have written or removed some since.
      if (this.total > this.maxBytes) this.trim(rescan);
    } catch {
      // Not cached; the picture is still shown from memory.
    }
  }

  private hold(file: string, entry: Held): void {
    const held = this.held!;
    this.total += entry.size - (held.get(file)?.size ?? 0);
    held.set(file, entry);
  }

  /** The folder's pictures as on disk now (another tootty may share the folder). */
  private scan(): Map<string, Held> {
    const held = new Map<string, Held>();
    this.total = 0;
    this.sinceScan = 0;
    for (const name of readdirSync(this.dir)) {
      if (!name.endsWith(".bin")) continue;
      const path = join(this.dir, name);
      try {
        const st = statSync(path);
        held.set(path, { size: st.size, used: st.mtimeMs });
        this.total += st.size;
      } catch {
        // Gone since the folder was read (another tootty trimming it).
      }
    }
    return held;
  }

  /** Least recently used first, until the folder holds a quarter less than its limit. */
  private trim(justRead: boolean): void {
    if (!justRead) this.held = this.scan();
    if (!this.held || this.total <= this.maxBytes) return;
    const target = this.maxBytes * 0.75;
    const oldestFirst = [...this.held].sort((a, b) => a[1].used - b[1].used);
    for (const [path, entry] of oldestFirst) {
      if (this.total <= target) break;
      try {
        unlinkSync(path);
      } catch {
        // Already gone.
      }
      this.held.delete(path);
      this.total -= entry.size;
    }
  }
}
