// The render room: HTML → lines for the terminal, sanitising, cell widths, themes.

export { firstStrong, setVisualBidi, visualBidi, visualRow } from "./bidi.js";
export { installBlessedWidthFix, installCellModel } from "./blessed-fit.js";
export { RenderCache } from "./cache.js";
export { foldToAscii } from "./glyphs.js";
export {
  codeHighlightingReady,
  onCodeHighlightingWanted,
  warmUpCodeHighlighting,
} from "./highlight.js";
export {
  renderAccountLine,
  renderGroupAccounts,
  renderNotificationSummary,
} from "./notification.js";
export type {
  PictureRows,
  PictureSource,
  PictureView,
  RenderContext,
  RenderOptions,
} from "./options.js";
export { renderProfile, renderProfileAbout } from "./profile.js";
export { sanitizeInline, sanitizeMessage, sanitizeText } from "./sanitize.js";
export { renderStatus } from "./status.js";
export { mediaTypeWord } from "./status-parts.js";
export { hyperlinksSupported } from "./terminal.js";
export {
  type ColorLevel,
  createTheme,
  detectColorLevel,
  pickTheme,
  type Theme,
  themes,
} from "./theme.js";
export { relativeTime } from "./time.js";
export {
  cellWidth,
  FALLBACK_WIDTHS,
  graphemes,
  padToWidth,
  setTerminalWidths,
  stripAnsi,
  type TerminalWidths,
  terminalWidths,
  toTerminalSafe,
  truncateToWidth,
  type Unit,
  units,
} from "./width.js";
export { wrapPlainText } from "./wrap.js";
