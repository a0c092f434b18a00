// Fetched picture bytes on disk, so a picture seen once is not fetched again over a slow link.
// Bounded: after a write, the least recently used files go until the folder is under its limit.
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

export class DiskCache {
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
      this.trim();
    } catch {
      // Not cached; the picture is still shown from memory.
    }
  }

  private trim(): void {
    const files = readdirSync(this.dir)
      .filter((n) => n.endsWith(".bin"))
      .map((n) => {
        const path = join(this.dir, n);
        const st = statSync(path);
        return { path, size: st.size, used: st.mtimeMs };
      })
      .sort((a, b) => b.used - a.used);
    let total = 0;
    for (const f of files) {
      total += f.size;
      if (total > this.maxBytes) unlinkSync(f.path);
    }
  }
}
