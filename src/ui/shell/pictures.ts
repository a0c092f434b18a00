// Pictures in the shell: which protocol (the config's `images`, or what the terminal answered),
// the picture store that render/ asks for rows, and the writes that must reach the terminal
// outside blessed's cell buffer (kitty transmissions before a frame; deletions on quit).
import type blessed from "blessed";
import { cacheDir } from "../../config/paths.js";
import type { ImageMode } from "../../config/settings.js";
import { DiskCache } from "../../images/disk-cache.js";
import { fetchPictureBytes } from "../../images/fetch.js";
import { loadItermEncoder, loadSixelEncoder } from "../../images/iterm.js";
import { type PictureProtocol, Pictures } from "../../images/pictures.js";
import type { GraphicsAnswers } from "../terminal/graphics-probe.js";
import { attachPictureOverlay } from "./picture-overlay.js";

export type ChosenProtocol = PictureProtocol | "off";

/**
 * Pure. `off` and colourless terminals get no pictures (the alt-text lines stay); a protocol
 * named in the config is used as it is. `auto` goes by what the terminal answered:
 * - inside tmux, the outer terminal is out of reach (tmux answers the queries itself): sixel
 *   where tmux says it has it (3.4 built with sixel keeps the pictures in its grid), else half
 *   blocks;
 * - iTerm2 and WezTerm (TERM_PROGRAM, which they set) speak iTerm2's protocol;
 * - kitty graphics where kitty's query was answered — not in Konsole, which answers it but
 *   has no Unicode placeholders;
 * - sixel where DA1 lists it and the cell size in pixels is known;
 * - half blocks everywhere else: they work in every terminal, the Linux console included.
 */
export function chooseProtocol(
  mode: ImageMode,
  answers: GraphicsAnswers,
  colorLevel: number,
  env: NodeJS.ProcessEnv = {},
): ChosenProtocol {
  if (mode === "off" || colorLevel === 0) return "off";
  if (mode !== "auto") return mode;
  const sixel = answers.sixel && answers.cellPixels !== undefined;
  if (env.TMUX) return sixel ? "sixel" : "blocks";
  if (env.TERM_PROGRAM === "iTerm.app" || env.TERM_PROGRAM === "WezTerm") return "iterm";
  if (answers.kitty && !env.KONSOLE_VERSION) return "kitty";
  return sixel ? "sixel" : "blocks";
}

export interface ShellPictures {
  pictures: Pictures;
  /**
   * Where avatars come from (the `avatars` setting): the same pictures, except that iTerm2
   * and sixel draw avatars as half blocks — a 4×2-cell picture gains nothing from pixels, and
   * their overlay draws each picture at one place, while an author's avatar is on many toots.
   */
  avatars: Pictures;
  /** Writes pending terminal sequences around every frame of `screen`. */
  attach(screen: blessed.Widgets.Screen): void;
  /** What to write before the terminal is handed back (frees kitty's copies). */
  farewell(): string;
}

export async function startPictures(opts: {
  protocol: ChosenProtocol;
  colorLevel: number;
  unicode: boolean;
  env: NodeJS.ProcessEnv;
  cellPixels?: { width: number; height: number };
  onChange: () => void;
}): Promise<ShellPictures | undefined> {
  if (opts.protocol === "off" || opts.colorLevel === 0) return undefined;
  const sixel = opts.protocol === "sixel" ? await loadSixelEncoder() : undefined;
  const iterm = opts.protocol === "iterm" ? await loadItermEncoder() : undefined;
  const cache = new DiskCache(`${cacheDir(opts.env)}/pictures`);
  const common = {
    level: Math.min(3, Math.max(1, opts.colorLevel)) as 1 | 2 | 3,
    unicode: opts.unicode,
    tmux: Boolean(opts.env.TMUX),
    fetchBytes: (url: string) => fetchPictureBytes(url),
    cache,
    onChange: opts.onChange,
  };
  const pictures = new Pictures({
    ...common,
    ...(sixel ? { sixel } : {}),
    ...(iterm ? { iterm } : {}),
    protocol: opts.protocol,
    ...(opts.cellPixels ? { cellPixels: opts.cellPixels } : {}),
  });
  const overDrawn = opts.protocol === "iterm" || opts.protocol === "sixel";
  return {
    pictures,
    avatars: overDrawn ? new Pictures({ ...common, protocol: "blocks" }) : pictures,
    attach(screen) {
      const flush = () => {
        const writes = pictures.takeTerminalWrites();
        if (writes) screen.program.output.write(writes);
      };
      // A picture painted during this frame's layout is transmitted right after the frame:
      // kitty shows placeholder cells as soon as their image arrives.
      screen.on("prerender", flush);
      screen.on("render", flush);
      if (opts.protocol === "iterm" || opts.protocol === "sixel")
        attachPictureOverlay(screen, pictures);
    },
    farewell: () => pictures.farewell(),
  };
}
