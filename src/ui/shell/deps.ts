// What every feature (compose, toot actions, views…) may use: the signed-in session, the
// settings, where files live, and the render pieces. Built once in src/cli/tui.ts.
import type { Settings } from "../../config/settings.js";
import type { PictureRows, RenderCache, Theme } from "../../render/index.js";
import type { Session } from "../../timeline/session.js";

export interface FeatureDeps {
  session: Session;
  settings: Settings;
  /** The config folder (TOOTTY_CONFIG_DIR or the XDG path): drafts live below it. */
  configDir: string;
  env: NodeJS.ProcessEnv;
  theme: Theme;
  cache: RenderCache;
  unicode: boolean;
  /** Pictures of media attachments, where the terminal can show them. */
  pictures?: PictureRows;
  /** Authors' avatars beside toots, where the `avatars` setting asks and pictures are on. */
  avatars?: PictureRows;
  /**
   * Stored accounts and a way to switch to one (closes this session, opens that one). Absent
   * when this run uses TOOTTY_INSTANCE/TOOTTY_ACCESS_TOKEN or the demo.
   */
  accounts?: { list(): string[]; current: string; switchTo(acct: string): void };
}
