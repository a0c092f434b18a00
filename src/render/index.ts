// The render room: HTML → lines for the terminal, sanitising, cell widths, themes.

export { installBlessedWidthFix } from "./blessed-fit.js";
export { RenderCache, renderKey } from "./cache.js";
export { foldToAscii, type Glyphs, glyphsFor } from "./glyphs.js";
export { codeHighlightingReady, warmUpCodeHighlighting } from "./highlight.js";
export { renderNotificationSummary } from "./notification.js";
export type { RenderContext, RenderOptions } from "./options.js";
export { type ProfileOptions, renderProfile } from "./profile.js";
export { sanitizeInline, sanitizeText } from "./sanitize.js";
export { filterVerdict, renderStatus } from "./status.js";
export { hyperlinksSupported } from "./terminal.js";
export {
  type ColorLevel,
  createTheme,
  detectColorLevel,
  pickTheme,
  SLOT_ROLES,
  type SlotColours,
  type Theme,
  type ThemeName,
  themes,
} from "./theme.js";
export { relativeTime } from "./time.js";
export { cellWidth, padToWidth, stripAnsi, toTerminalSafe, truncateToWidth } from "./width.js";
