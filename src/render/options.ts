import type { Theme } from "./theme.js";

export type RenderContext = "home" | "public" | "notifications" | "thread" | "account";

/** An attachment as the picture source sees it (Mastodon's fields, camelCased). */
export interface PictureSource {
  /** The picture to show: Mastodon's `preview_url` (≤ 230 400 pixels), never the original. */
  previewUrl?: string | null;
  blurhash?: string | null;
  type?: string;
  meta?: { small?: { width?: number; height?: number } | null } | null;
}

export interface PictureView {
  /** Painted rows, each at most the asked width. */
  lines: string[];
  /** "picture"; "placeholder" (the blurhash, while loading or hidden); "failed" (no rows). */
  kind: "picture" | "placeholder" | "failed";
  reason?: string;
}

/** Pictures for attachments (the images room implements it; render/ only asks). */
export interface PictureRows {
  /**
   * The rows to show for `m`, at most `maxCols` × `maxRows` cells, or null where there is no
   * picture. `hidden` (sensitive or filtered, not revealed): only the blurhash, which shows
   * colours and nothing else.
   */
  rows(m: PictureSource, maxCols: number, maxRows: number, hidden: boolean): PictureView | null;
  /** Changes whenever `rows` would answer differently for `m`: part of the render cache key. */
  key(m: PictureSource): string;
}

export interface RenderOptions {
  /** Pane width in cells; every returned line fits in it. */
  width: number;
  theme: Theme;
  /** Clock for relative times (ms since the epoch). */
  now: number;
  /** CW and "warn" filters open, mentions shown as full @user@domain. */
  expanded?: boolean;
  /** List media attachments (default true). */
  showMedia?: boolean;
  /** Show pictures of media attachments through this source (none: the alt-text lines only). */
  pictures?: PictureRows;
  /** The most rows one picture takes (default 8). */
  pictureRows?: number;
  /** Draw the author's avatar in a column at the left, through this source (none: no avatars). */
  avatars?: PictureRows;
  /** Emit OSC 8 hyperlinks (only where the terminal supports them; blessed cannot pass them). */
  hyperlinks?: boolean;
  /** Where the status is shown: decides which filters apply (all of them if absent). */
  context?: RenderContext;
  /**
   * The terminal can show Unicode (default true). false (LANG=C, a non-UTF-8 locale): every
   * symbol the renderer adds is ASCII, and server text is folded to ASCII ("?" per cell).
   */
  unicode?: boolean;
}
