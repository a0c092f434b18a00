// The pictures of the toots on screen: fetched lazily when a toot is first drawn, decoded off
// the hot path, painted for the protocol the terminal speaks, and remembered within bounds.
// render/ asks for rows through the `PictureRows` interface; this class owns every piece of
// picture state (what is loading, ready or failed, which kitty image id shows what).
import { decode as decodeBlurhash, isBlurhashValid } from "blurhash";
import { tl } from "../i18n/index.js";
import type { PictureRows, PictureSource, PictureView } from "../render/options.js";
import { halfBlockLines } from "./blocks.js";
import type { Decoded } from "./decode.js";
import type { DiskCache } from "./disk-cache.js";
import { PictureFetchError } from "./fetch.js";
import type { ItermEncoder, SixelEncoder } from "./iterm.js";
import { kittyDelete, kittyPlaceholderLines, kittyTransmit, MAX_KITTY_CELLS } from "./kitty.js";
import { fitCells, resample } from "./scale.js";

/** Reserved cells: the mark (slot, row) then blanks, which blessed leaves alone between frames. */
function reservedLines(slot: number, cols: number, rows: number): string[] {
  const lines: string[] = [];
  for (let row = 0; row < rows; row++) {
    lines.push(
      `\x1b[38;5;${slot}m${RESERVED_MARK}\x1b[38;5;${row}m${RESERVED_MARK}\x1b[39m${" ".repeat(Math.max(0, cols - 2))}`,
    );
  }
  return lines;
}

export type PictureProtocol = "kitty" | "iterm" | "sixel" | "blocks";

/**
 * Pictures drawn over the text grid (iTerm2, sixel) reserve their cells with this mark at the
 * start of every row: two braille blanks whose colours name the picture's slot and the row, so
 * the shell can find where each picture landed after a frame (see ui/shell/picture-overlay.ts).
 */
export const RESERVED_MARK = "\u2800";
export type { PictureRows, PictureSource, PictureView };

type Entry =
  | { state: "loading" }
  /** `pixels` is dropped for older pictures (their painted rows stay; a new size reloads them). */
  | { state: "ready"; width: number; height: number; pixels: Decoded | null }
  | { state: "failed"; reason: string };

export interface PicturesOptions {
  protocol: PictureProtocol;
  /** Colour level: 2 or 3 → 256 colours, 1 → 16; 0 → no pictures at all. */
  level: 1 | 2 | 3;
  unicode: boolean;
  /** Inside tmux: kitty sequences are wrapped for passthrough. */
  tmux: boolean;
  /** The sixel encoder, where the protocol is sixel (loaded on demand: loadSixelEncoder). */
  sixel?: SixelEncoder;
  /** The iTerm2 encoder, where the protocol is iterm (loaded on demand: loadItermEncoder). */
  iterm?: ItermEncoder;
  /** A cell's size in pixels (sixel draws pixels: without it, no sixel). */
  cellPixels?: { width: number; height: number };
  fetchBytes: (url: string) => Promise<Uint8Array>;
  cache?: DiskCache | null;
  /** A picture finished loading (or failed): the UI repaints. */
  onChange: () => void;
  maxConcurrent?: number;
}

/**
 * Decoded previews kept in memory, for a repaint at another size (a resize, a toot opened):
 * RGBA, 0.3 MB for a 320×240 preview and 1.6 MB for a 640×640 one. Painted rows are kept
 * separately (a picture scrolled back to at the same size is not decoded again), older ones
 * reload from the disk cache, a few ms each. Toots streaming past leave their pictures
 * decoded but never painted, so the bound is reached at once and stays: 8 held 2.5 MB after
 * 20 000 streamed statuses at 160×45, 4 hold 1.3 MB.
 */
const MAX_DECODED = 4;
const MAX_PAINTED = 96;
const MAX_KITTY_IDS = 255;
/**
 * Pictures whose state is remembered (ready, failed): one per preview and avatar ever drawn,
 * so without a bound a client left streaming for days would keep one for every toot it
 * showed. Beyond it the least recently drawn are forgotten, and load again if drawn again.
 */
const MAX_KNOWN = 1024;
/**
 * Requests waiting for a free connection. Toots stream past faster than a slow server gives
 * their pictures; the oldest waiting are dropped (drawn again, they are asked for again).
 */
const MAX_WAITING = 64;

/** pngjs, jpeg-js and omggif (~150 KB of code to compile): loaded with the first picture. */
const decoders = () => import("./decode.js");

export class Pictures implements PictureRows {
  private readonly entries = new Map<string, Entry>();
  private readonly painted = new Map<string, PictureView>();
  private readonly queue: string[] = [];
  private readonly loading = new Set<string>();
  /** URLs whose entry holds pixels, the oldest first (at most MAX_DECODED). */
  private decoded: string[] = [];
  private running = 0;
  private readonly kittyIds = new Map<string, number>();
  /** iTerm2/sixel: the escape sequence that draws each reserved slot's picture. */
  private readonly overlays = new Map<number, { sequence: string; cols: number; rows: number }>();
  private readonly idOwner = new Map<number, string>();
  private nextId = 1;
  private pending = "";
  private closed = false;

  constructor(private readonly opts: PicturesOptions) {}

  key(m: PictureSource): string {
    const url = m.previewUrl ?? "";
    const e = this.entries.get(url);
    if (!e) return "-";
    if (e.state !== "ready") return e.state;
    return this.opts.protocol === "blocks" ? "r" : `k${this.kittyIdsFor(url).join(".")}`;
  }

  private kittyIdsFor(url: string): number[] {
    const ids: number[] = [];
    for (const [k, id] of this.kittyIds) if (k.startsWith(`${url}\u0000`)) ids.push(id);
    return ids;
  }

  rows(m: PictureSource, maxCols: number, maxRows: number, hidden: boolean): PictureView | null {
    const url = typeof m.previewUrl === "string" ? m.previewUrl : "";
    const small = m.meta?.small;
    const size = fitCells(
      Number(small?.width) || 640,
      Number(small?.height) || 480,
      Math.min(maxCols, MAX_KITTY_CELLS),
      Math.min(maxRows, MAX_KITTY_CELLS),
    );
    if (hidden) return this.placeholder(m, size.cols, size.rows);
    if (!url) return this.placeholder(m, size.cols, size.rows);
    const entry = this.entries.get(url);
    if (!entry) {
      this.request(url);
      return this.placeholder(m, size.cols, size.rows);
    }
    // Drawn again: the most recently used (a Map iterates in insertion order).
    this.entries.delete(url);
    this.entries.set(url, entry);
    if (entry.state === "loading") return this.placeholder(m, size.cols, size.rows);
    if (entry.state === "failed") return { lines: [], kind: "failed", reason: entry.reason };
    // The picture's own aspect is known now; the header's meta may have been missing or wrong.
    const fit = fitCells(
      entry.width,
      entry.height,
      Math.min(maxCols, MAX_KITTY_CELLS),
      Math.min(maxRows, MAX_KITTY_CELLS),
    );
    const painted = this.paintedView(url, fit.cols, fit.rows);
    if (painted) return painted;
    if (!entry.pixels) {
      this.request(url);
      return this.placeholder(m, size.cols, size.rows);
    }
    return this.paint(url, entry.pixels, fit.cols, fit.rows);
  }

  private placeholder(m: PictureSource, cols: number, rows: number): PictureView | null {
    const hash = typeof m.blurhash === "string" ? m.blurhash : "";
    if (!hash || hash.length > 100 || !isBlurhashValid(hash).result) return null;
    const key = `blurhash\u0000${hash}\u0000${cols}\u0000${rows}`;
    const found = this.painted.get(key);
    if (found) return found;
    let view: PictureView | null = null;
    try {
      const w = Math.min(cols, 32);
      const h = Math.min(rows * 2, 32);
      const rgba = decodeBlurhash(hash, w, h);
      const dots = resample(
        { width: w, height: h, data: new Uint8Array(rgba.buffer) },
        cols,
        rows * 2,
      );
      view = {
        lines: halfBlockLines(dots, this.opts.level, this.opts.unicode),
        kind: "placeholder",
      };
    } catch {
      return null;
    }
    this.remember(key, view);
    return view;
  }

  private paintedView(url: string, cols: number, rows: number): PictureView | null {
    const key = `${url}\u0000${cols}\u0000${rows}`;
    const found = this.painted.get(key);
    if (!found || (this.opts.protocol !== "blocks" && !this.kittyIds.has(key))) return null;
    this.remember(key, found);
    return found;
  }

  private paint(url: string, pixels: Decoded, cols: number, rows: number): PictureView {
    const key = `${url}\u0000${cols}\u0000${rows}`;
    let view: PictureView;
    if (this.opts.protocol === "kitty") {
      const id = this.assignKittyId(key);
      // kitty scales the pixels to the cells; ~10×20 pixels a cell is what most fonts have.
      const dots = resample(
        pixels,
        Math.min(pixels.width, cols * 10),
        Math.min(pixels.height, rows * 20),
      );
      this.pending += kittyTransmit(id, dots, cols, rows, this.opts.tmux);
      view = { lines: kittyPlaceholderLines(id, cols, rows), kind: "picture" };
    } else if (this.opts.protocol === "iterm" || this.opts.protocol === "sixel") {
      const slot = this.assignKittyId(key);
      const cell = this.opts.cellPixels ?? { width: 10, height: 20 };
      const dots = resample(
        pixels,
        Math.min(pixels.width, cols * cell.width),
        this.opts.protocol === "sixel"
          ? rows * cell.height
          : Math.min(pixels.height, rows * cell.height),
      );
      const sequence =
        this.opts.protocol === "iterm"
          ? (this.opts.iterm?.(dots, cols, rows) ?? "")
          : (this.opts.sixel?.(dots) ?? "");
      this.overlays.set(slot, { sequence, cols, rows });
      view = { lines: reservedLines(slot, cols, rows), kind: "picture" };
    } else {
      const dots = resample(pixels, cols, rows * 2);
      view = { lines: halfBlockLines(dots, this.opts.level, this.opts.unicode), kind: "picture" };
    }
    this.remember(key, view);
    return view;
  }

  /** Recycles the least recently assigned id: its old picture re-requests one by its key. */
  private assignKittyId(key: string): number {
    const had = this.kittyIds.get(key);
    if (had) return had;
    let id: number;
    if (this.kittyIds.size < MAX_KITTY_IDS) {
      id = this.nextId++;
    } else {
      const [oldKey, oldId] = this.kittyIds.entries().next().value as [string, number];
      this.kittyIds.delete(oldKey);
      this.painted.delete(oldKey);
      this.overlays.delete(oldId);
      if (this.opts.protocol === "kitty") this.pending += kittyDelete(oldId, this.opts.tmux);
      id = oldId;
    }
    this.kittyIds.set(key, id);
    this.idOwner.set(id, key);
    return id;
  }

  private remember(key: string, view: PictureView): void {
    this.painted.delete(key);
    this.painted.set(key, view);
    while (this.painted.size > MAX_PAINTED) {
      const oldest = this.painted.keys().next().value as string;
      this.painted.delete(oldest);
    }
  }

  /**
   * Escape sequences the terminal must receive before the next frame (kitty transmissions and
   * deletions), written by the UI straight to the terminal, outside the cell buffer.
   */
  takeTerminalWrites(): string {
    const out = this.pending;
    this.pending = "";
    return out;
  }

  /** iTerm2/sixel: the sequence that draws the picture reserved under `slot`. */
  overlayFor(slot: number): { sequence: string; cols: number; rows: number } | undefined {
    return this.overlays.get(slot);
  }

  /** On quit: free every image tootty gave the terminal. */
  farewell(): string {
    this.closed = true;
    let out = this.takeTerminalWrites();
    if (this.opts.protocol === "kitty")
      for (const id of this.kittyIds.values()) out += kittyDelete(id, this.opts.tmux);
    this.kittyIds.clear();
    return out;
  }

  private request(url: string): void {
    if (this.loading.has(url)) return;
    this.loading.add(url);
    if (!this.entries.has(url)) this.entries.set(url, { state: "loading" });
    this.queue.push(url);
    while (this.queue.length > MAX_WAITING) {
      const dropped = this.queue.shift() as string;
      this.loading.delete(dropped);
      if (this.entries.get(dropped)?.state === "loading") this.entries.delete(dropped);
    }
    this.forgetOldest();
    this.pump();
  }

  /** Keeps at most MAX_KNOWN entries; the ones loading stay (their load will settle them). */
  private forgetOldest(): void {
    if (this.entries.size <= MAX_KNOWN) return;
    for (const [url, entry] of this.entries) {
      if (this.entries.size <= MAX_KNOWN) break;
      if (entry.state === "loading") continue;
      this.entries.delete(url);
      if (entry.state === "ready" && entry.pixels)
        this.decoded = this.decoded.filter((u) => u !== url);
    }
  }

  /**
   * How many pictures' states are remembered, how many are decoded, how many requests wait
   * and how many are not settled yet (waiting or loading): for tests.
   */
  get held(): { known: number; decoded: number; waiting: number; unsettled: number } {
    return {
      known: this.entries.size,
      decoded: this.decoded.length,
      waiting: this.queue.length,
      unsettled: this.loading.size,
    };
  }

  private pump(): void {
    const max = this.opts.maxConcurrent ?? 3;
    while (!this.closed && this.running < max && this.queue.length > 0) {
      const url = this.queue.shift() as string;
      this.running++;
      void this.load(url).finally(() => {
        this.running--;
        this.pump();
      });
    }
  }

  private async load(url: string): Promise<void> {
    let entry: Entry;
    try {
      let bytes = this.opts.cache?.read(url) ?? null;
      const cached = bytes !== null;
      bytes ??= await this.opts.fetchBytes(url);
      const { decodePicture } = await decoders();
      const pixels = decodePicture(bytes);
      if (pixels) {
        if (!cached) this.opts.cache?.write(url, bytes);
        entry = { state: "ready", width: pixels.width, height: pixels.height, pixels };
      } else {
        entry = { state: "failed", reason: tl("picture.notDecodable") };
      }
    } catch (err) {
      // Our own refusals say why; a network failure's text (undici's "fetch failed") is not
      // the reader's language.
      const reason = err instanceof PictureFetchError ? err.message : tl("picture.couldNotLoad");
      entry = { state: "failed", reason };
    }
    this.loading.delete(url);
    if (this.closed) return;
    this.entries.delete(url);
    this.entries.set(url, entry);
    if (entry.state === "ready") this.keepDecoded(url);
    this.forgetOldest();
    this.opts.onChange();
  }

  /** Keeps the most recent decoded previews' pixels (older ones reload from the disk cache). */
  private keepDecoded(url: string): void {
    this.decoded = this.decoded.filter((u) => u !== url);
    this.decoded.push(url);
    while (this.decoded.length > MAX_DECODED) {
      const old = this.entries.get(this.decoded.shift() as string);
      if (old?.state === "ready") old.pixels = null;
    }
  }
}
