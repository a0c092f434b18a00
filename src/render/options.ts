import type { Theme } from "./theme.js";

export type RenderContext = "home" | "public" | "notifications" | "thread" | "account";

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
