// The author's picture beside a toot, where the `avatars` setting asks for it (it is off by
// default: a picture per toot costs bandwidth over SSH and a column of the pane). The toot is
// laid out in the pane's width less the avatar's column (on the left, or on the right in a
// right-to-left interface); the picture takes the column's first rows (the author's header,
// or the boost line and the header), blanks the rest.
import type { mastodon } from "masto";
import { rtlInterface } from "../i18n/index.js";
import { visualBidi } from "./bidi.js";
import type { PictureSource, RenderOptions } from "./options.js";
import { renderStatus } from "./status.js";
import { cellWidth, padToWidth } from "./width.js";

export const AVATAR_COLS = 4;
export const AVATAR_ROWS = 2;
/** The column: the picture, then one blank cell before the toot. */
const COLUMN = AVATAR_COLS + 1;
/** Narrower than this, a pane keeps its whole width for the text. */
const MIN_WIDTH = 30;

/** The picture to show for the status's author (avatar_static: never the animated one). */
export function avatarSource(status: mastodon.v1.Status): PictureSource | null {
  const account = (status.reblog ?? status).account as Partial<mastodon.v1.Account> | undefined;
  const url = account?.avatarStatic || account?.avatar;
  if (typeof url !== "string" || url === "") return null;
  // Mastodon's avatars are square (it crops them to 400×400 on upload).
  return { previewUrl: url, meta: { small: { width: 1, height: 1 } } };
}

/** Whether `opts` draws an avatar column at all. */
export function drawsAvatars(opts: RenderOptions): boolean {
  return opts.avatars !== undefined && opts.width >= MIN_WIDTH;
}

/** Part of the render cache key: the avatar's loading state. */
export function avatarKey(status: mastodon.v1.Status, opts: RenderOptions): string {
  if (!drawsAvatars(opts)) return "";
  const source = avatarSource(status);
  return source ? `a${opts.avatars!.key(source)}` : "a";
}

export function renderWithAvatar(status: mastodon.v1.Status, opts: RenderOptions): string[] {
  if (!drawsAvatars(opts)) return renderStatus(status, opts);
  const lines = renderStatus(status, { ...opts, width: opts.width - COLUMN });
  if (lines.length === 0) return lines;
  const source = avatarSource(status);
  const view = source ? opts.avatars!.rows(source, AVATAR_COLS, AVATAR_ROWS, false) : null;
  const picture = view?.lines ?? [];
  const blank = " ".repeat(COLUMN);
  // A right-to-left interface, where tootty does the bidi, has the author's header on the
  // right: the picture stands beside it, in a column on the right.
  if (rtlInterface() && visualBidi()) {
    const width = opts.width - COLUMN;
    return lines.map((line, i) => {
      const cell = picture[i];
      const body = padToWidth(line, width);
      if (cell === undefined) return body + blank;
      return `${body}${" ".repeat(Math.max(0, COLUMN - cellWidth(cell)))}${cell}`;
    });
  }
  return lines.map((line, i) => {
    const cell = picture[i];
    if (cell === undefined) return blank + line;
    return cell + " ".repeat(Math.max(0, COLUMN - cellWidth(cell))) + line;
  });
}
